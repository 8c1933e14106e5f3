// Fauna's built-in resources: what an FSL role may name besides user collections and
// functions (`Credentials` is the legacy alias). Schema checks and the typer share the list.
export const NATIVE_RESOURCES: ReadonlySet<string> = new Set([
  "Key",
  "Token",
  "Credential",
  "Credentials",
  "Database",
  "Collection",
  "Function",
  "Role",
  "AccessProvider",
]);
