import type { SchemaDescription, TypeDiagnostic } from "./index.js";
import { baseEnv, type Env } from "./env.js";
export function buildSchemaEnv(_schema: SchemaDescription, _source: (kind: string, name: string) => string): { env: Env; diagnostics: TypeDiagnostic[] } {
  return { env: baseEnv(), diagnostics: [] };
}
