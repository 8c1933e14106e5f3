// One FSL file as parsed, before the whole-schema checks: each item's definition plus the
// names it declares and refers to, with their positions for diagnostics.
import type { Name } from "./cursor.js";
import type { AccessProviderDef, CollectionDef, FslDiagnostic, FunctionDef, RoleDef } from "./model.js";
import type { TypeRef } from "./types.js";

export interface ParsedCollection {
  def: CollectionDef;
  name: Name;
  alias: Name | null;
  typeRefs: TypeRef[];
}
export interface ParsedFunction {
  def: FunctionDef;
  name: Name;
  alias: Name | null;
}
export interface ResourceRef {
  name: Name;
  membership: boolean;
}
export interface ParsedRole {
  def: RoleDef;
  name: Name;
  resources: ResourceRef[];
}
export interface ParsedAccessProvider {
  def: AccessProviderDef;
  name: Name;
  roleRefs: Name[];
}

export interface ParsedFile {
  file: string;
  src: string;
  collections: ParsedCollection[];
  functions: ParsedFunction[];
  roles: ParsedRole[];
  accessProviders: ParsedAccessProvider[];
  diagnostics: FslDiagnostic[];
}
