// fql: the language alone. Parsing, the static unbound-name check, the evaluator and the
// standard library; what documents, collections and UDFs mean comes from a `Host` the
// database layer implements.
export type * from "./ast.js";
export { THIS } from "./ast.js";
export { parseQuery, parseExpression, parseFunctionBody, lineCol } from "./parser/index.js";
export { findUnboundNames, freeNames, type Diagnostic } from "./check.js";
export { MAX_FRAMES, type EvalContext, type Host, type HostValue, type Source } from "./eval/context.js";
export { Evaluation, type EvaluationOptions } from "./eval/evaluation.js";
export { evaluate, evalBlock, callValue, lambdaText, type LambdaBody } from "./eval/evaluator.js";
export { GLOBAL_FUNCTIONS, isGlobal } from "./eval/globals.js";
export { idArg } from "./eval/builtins.js";
export { unknownMember } from "./eval/members.js";
export { Scope } from "./eval/scope.js";
export * from "./stdlib/index.js";
