// The pure part of FQL's standard library: members of primitive types and pure modules.
export type { CallContext, Method, ModuleMembers, TypeMembers } from "./types.js";
export * from "./args.js";
export { stringMembers, cpLength } from "./string.js";
export { numberMembers, booleanMembers, nullMembers, bytesMembers } from "./number.js";
export { arrayMembers, arrayModule, ARRAY_MAX_SIZE } from "./array.js";
export { ascFn, descFn, makeOrdering, collectOrderings, sortByOrderings, type Ordering } from "./ordering.js";
export { objectModule } from "./object.js";
export { mathModule, sumNumbers, meanNumbers } from "./math.js";
export {
  timeMembers,
  dateMembers,
  timeModule,
  dateModule,
  parseTime,
  parseDateValue,
  unitNanos,
  MIN_TIME,
  MAX_TIME,
} from "./time.js";
export { binaryOp, negate, bitwiseNot, addNumbers, STRING_MAX_SIZE } from "./operators.js";
export { displayString, debugString, displayDouble, quoteString, type DocDisplay } from "./display.js";
export { valueKey } from "./value-key.js";
