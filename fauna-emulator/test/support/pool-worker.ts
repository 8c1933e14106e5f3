// A pool worker for the WorkerPool tests: jobs that echo, spin, allocate or use the clock.
import { readFileSync, readlinkSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { serveJobs } from "../../src/engine/pool/worker-side.js";

type Job =
  | { do: "echo"; value: unknown }
  | { do: "spin" }
  | { do: "alloc" }
  | { do: "hold-clock" }
  | { do: "ts" }
  | { do: "busy"; ms: number }
  | { do: "nice" };

/** This thread's scheduler niceness (Linux: field 19 of its /proc stat line). */
function niceness(): number {
  const stat = readFileSync(`/proc/${readlinkSync("/proc/thread-self")}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

await serveJobs((init, clock) => {
  if (init === "fail") throw new Error("setup failed on purpose");
  return (payload) => {
    const job = payload as Job;
    switch (job.do) {
      case "echo":
        return { value: job.value, threadId };
      case "busy": {
        const until = Date.now() + job.ms;
        while (Date.now() < until);
        return { threadId };
      }
      case "spin":
        for (;;);
      case "alloc": {
        const hoard: number[][] = [];
        for (;;) hoard.push(new Array(1_000_000).fill(1));
      }
      case "hold-clock":
        // Takes the writer slot and never gives it back, as a worker killed mid-write would.
        clock.lockedWriteTs();
        for (;;);
      case "ts":
        return { ts: clock.snapshotTs().toString() };
      case "nice":
        return { nice: niceness(), threadId };
    }
  };
});
