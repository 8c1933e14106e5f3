// Runs one query straight on an engine (no HTTP, no driver), for tests of what happens inside
// its transaction. Defaults: the root secret "secret", no variables, a 5 s budget, the rendered
// result as it is.
import type { Value } from "../../src/core/index.js";
import type { FaunaEngine } from "../../src/engine/engine.js";
import type { QueryRequest } from "../../src/engine/types.js";

export function queryEngine(
  engine: FaunaEngine,
  source: string,
  opts: Partial<Omit<QueryRequest, "source" | "variables">> & { variables?: Record<string, Value> } = {},
) {
  const { variables = {}, timeoutMs = 5_000, ...rest } = opts;
  return engine.query({
    secret: "secret",
    encode: (d) => d,
    deadline: Date.now() + timeoutMs,
    timeoutMs,
    ...rest,
    source,
    variables: new Map(Object.entries(variables)),
  });
}
