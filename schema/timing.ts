// Comparing the cost of two code paths through a shared, noisy machine (CI runs other suites
// beside these). Each pair runs both paths back to back, in alternating order, and yields one
// ratio; the median of those ratios shrugs off a pause that hits one side of a few pairs.
// A path that is really cheaper (a missing bcrypt halves it) moves every pair's ratio alike.

export type TimingVerdict = { ratio: number; ok: boolean; detail: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Median of `a(i)` / `b(i)` over `pairs` pairs, and whether it lies within (low, high). */
export async function pairedRatio(
  pairs: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  [low, high]: [number, number],
): Promise<TimingVerdict> {
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await timed(() => a(i));
      tb = await timed(() => b(i));
    } else {
      tb = await timed(() => b(i));
      ta = await timed(() => a(i));
    }
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  const ratio = median(ratios);
  return {
    ratio,
    ok: ratio > low && ratio < high,
    detail: `median pair ratio ${ratio.toFixed(2)} (medians ${median(as).toFixed(2)} ms vs ${median(bs).toFixed(2)} ms)`,
  };
}

/**
 * Runs `measure` once more if its first verdict is out of bounds: a real difference fails
 * both runs, a burst of load on the machine rarely spans two.
 */
export async function settledTiming(measure: () => Promise<TimingVerdict>): Promise<TimingVerdict> {
  const first = await measure();
  if (first.ok) return first;
  const second = await measure();
  return second.ok ? second : { ...second, detail: `${first.detail}; again: ${second.detail}` };
}
