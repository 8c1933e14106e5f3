// engine: runs each query as one transaction (authenticate, check, evaluate, render) and the
// schema API; `types.ts` is all the wire layer knows of it.
export { FaunaEngine, type EngineOptions } from "./engine.js";
export type * from "./types.js";
export { FAILURE_INFO } from "./types.js";
