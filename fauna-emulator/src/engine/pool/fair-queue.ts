// Waiting jobs, one lane per caller, served round-robin: twenty log-ins queued by the app's key
// do not make a shopper's catalog read wait for all twenty, only for its turn.
export class FairQueue<T> {
  private readonly lanes = new Map<string, T[]>();
  /** Lanes with waiting jobs, in the order they are served next. */
  private readonly order: string[] = [];

  get size(): number {
    let n = 0;
    for (const jobs of this.lanes.values()) n += jobs.length;
    return n;
  }

  push(job: T, lane: string): void {
    const jobs = this.lanes.get(lane);
    if (jobs) jobs.push(job);
    else {
      this.lanes.set(lane, [job]);
      this.order.push(lane);
    }
  }

  /**
   * The next job: the oldest of the lane whose turn it is that `accept` takes. Refused jobs
   * keep their place; a lane with nothing acceptable keeps its turn.
   */
  shift(accept: (job: T) => boolean = () => true): T | undefined {
    for (let i = 0; i < this.order.length; i++) {
      const lane = this.order[i]!;
      const jobs = this.lanes.get(lane)!;
      const at = jobs.findIndex(accept);
      if (at < 0) continue;
      const [job] = jobs.splice(at, 1) as [T];
      this.order.splice(i, 1);
      if (jobs.length > 0) this.order.push(lane);
      else this.lanes.delete(lane);
      return job;
    }
    return undefined;
  }

  /** Takes `job` out wherever it waits; false if it was not waiting. */
  remove(job: T): boolean {
    for (const [lane, jobs] of this.lanes) {
      const i = jobs.indexOf(job);
      if (i < 0) continue;
      jobs.splice(i, 1);
      if (jobs.length === 0) {
        this.lanes.delete(lane);
        this.order.splice(this.order.indexOf(lane), 1);
      }
      return true;
    }
    return false;
  }

  drain(): T[] {
    const all = this.order.flatMap((lane) => this.lanes.get(lane) ?? []);
    this.lanes.clear();
    this.order.length = 0;
    return all;
  }
}
