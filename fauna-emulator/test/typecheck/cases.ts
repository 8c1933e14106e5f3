// The typecheck conformance corpus (issue #8): every query case, by construct. The
// typechecking runner is wired by the integrator; test/typecheck-corpus.test.ts checks
// the corpus itself (unique names, sources, and that all of it parses).
import type { TypecheckCase } from "./types.js";
import { literalCases } from "./cases/literals.js";
import { lambdaCases } from "./cases/lambdas-records.js";
import { documentCases } from "./cases/documents.js";
import { stdlibCases } from "./cases/stdlib.js";
import { functionCases } from "./cases/functions.js";

export type { SchemaCase, TypecheckCase, TypecheckFailure, TypecheckSuccess } from "./types.js";
export { isFailure } from "./types.js";
export { schemaCases } from "./schema-cases.js";

export const typecheckCases: TypecheckCase[] = [
  ...literalCases,
  ...lambdaCases,
  ...documentCases,
  ...stdlibCases,
  ...functionCases,
];
