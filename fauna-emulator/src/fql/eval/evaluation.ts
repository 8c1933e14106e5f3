// One evaluation's state: compute counted against the deadline, FQL frames, logs, the source
// being evaluated, and how `call`, `==` and display look to the standard library.
import {
  deadlineExceeded,
  equals as structuralEquals,
  isDoc,
  isNamedDoc,
  time,
  type DocValue,
  type NamedDocValue,
  type ObjectValue,
  type QueryError,
  type TimeValue,
  type Value,
} from "../../core/index.js";
import { debugString, displayString } from "../stdlib/index.js";
import type { EvalContext, Host, Source } from "./context.js";
import { callValue } from "./evaluator.js";

export interface EvaluationOptions {
  /** Transaction time, microseconds: `Time.now()` throughout the query. */
  txnTs: bigint;
  /** Date.now() after which evaluation stops with `time_out`. */
  deadline: number;
  /** The client's timeout, for the `time_out` message. */
  timeoutMs: number;
  newId: () => string;
}

export class Evaluation implements EvalContext {
  readonly txnTs: bigint;
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly newId: () => string;
  frames = 0;
  computeOps = 0;
  readonly logs: string[] = [];
  source: Source = { name: "*query*", text: null };
  private ticks = 0;

  constructor(
    readonly host: Host,
    opts: EvaluationOptions,
  ) {
    this.txnTs = opts.txnTs;
    this.deadline = opts.deadline;
    this.timeoutMs = opts.timeoutMs;
    this.newId = opts.newId;
  }

  call(fn: Value, args: Value[]): Value {
    return callValue(this, fn, args);
  }

  now(): TimeValue {
    return time(this.txnTs * 1000n);
  }

  /** Snapshot time in epoch nanoseconds. */
  get nowNanos(): bigint {
    return this.txnTs * 1000n;
  }

  tick(): void {
    this.computeOps++;
    // Date.now() is cheap but not free: look at the clock every 256 steps.
    if ((++this.ticks & 0xff) === 0 && Date.now() > this.deadline) throw deadlineExceeded(this.timeoutMs);
  }

  equals(a: Value, b: Value): boolean {
    // A document that does not exist (or cannot be read) equals null.
    if (a === null && b !== null && isDocLike(b)) return !this.host.exists(this, b);
    if (b === null && a !== null && isDocLike(a)) return !this.host.exists(this, a);
    return structuralEquals(a, b);
  }

  display(v: Value): string {
    // A document at the top renders as the object of its fields, nested ones as `[doc 1 in C]`.
    return displayString(v, (d, nested) =>
      !nested && isDoc(d) && this.host.exists(this, d)
        ? debugString(this.host.toObject(this, d), undefined)
        : debugString(d, undefined, true),
    );
  }

  documentObject(doc: DocValue | NamedDocValue): ObjectValue | QueryError {
    return this.host.toObject(this, doc);
  }
}

const isDocLike = (v: Value): v is DocValue | NamedDocValue => isDoc(v) || isNamedDoc(v);
