// Public API of the FSL module.
export { parseSchemaFiles, itemLocations } from "./parser.js";
export { FslError, renderDiagnostic } from "./errors.js";
export { fieldTypeToString } from "./types.js";
export { validateDocument, displayType } from "./validate.js";
export { diffSchemas } from "./diff.js";
export type * from "./model.js";
