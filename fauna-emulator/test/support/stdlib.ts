// A tiny CallContext for the stdlib tests: lambdas carry a JS function as their body.
import assert from "node:assert/strict";
import { equals } from "../../src/core/compare.js";
import { QueryError } from "../../src/core/errors.js";
import { time, type LambdaValue, type Value } from "../../src/core/values.js";
import { displayString } from "../../src/fql/stdlib/display.js";
import type { CallContext, TypeMembers } from "../../src/fql/stdlib/types.js";

export interface FakeCtx extends CallContext {
  ticks: number;
}

/** `documentObject` converts documents for the Object module; by default there are none. */
export function fakeCtx(
  nowNanos = 1_700_000_000_000_000_000n,
  documentObject: CallContext["documentObject"] = () => {
    throw new Error("no documents in stdlib tests");
  },
): FakeCtx {
  const ctx: FakeCtx = {
    ticks: 0,
    call(fn, args) {
      const f = fn as { kind: string; body?: unknown; call?: (c: unknown, a: Value[]) => Value };
      if (f.kind === "lambda") return (f.body as (...a: Value[]) => Value)(...args);
      if (f.kind === "native") return f.call!(ctx, args);
      throw new Error(`not callable: ${f.kind}`);
    },
    now: () => time(nowNanos),
    tick() {
      ctx.ticks++;
    },
    equals,
    display: (v) => displayString(v),
    documentObject,
  };
  return ctx;
}

/** An FQL lambda with `params.length` fixed parameters whose body is `body`. */
export const lambda = (params: string[], body: (...a: Value[]) => Value): LambdaValue => ({
  kind: "lambda",
  params,
  variadic: null,
  body,
  scope: null,
});

/** Calls method `name` of `members` on `self`. */
export function callMethod(
  members: TypeMembers,
  name: string,
  self: Value,
  args: Value[],
  ctx: CallContext = fakeCtx(),
): Value {
  const m = members.methods[name];
  if (!m) throw new Error(`no method ${name}`);
  return m(ctx, self, args);
}

/** Asserts that `fn` throws a QueryError with this code (and message, if given). */
export function assertQueryError(fn: () => unknown, code: string, message?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof QueryError, `expected QueryError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  });
}
