// Pushes a directory of .fsl files through the schema HTTP API — the same request the
// official CLI's `fauna schema push --active --no-input` sends, so it works on a real Fauna too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface PushOptions {
  /** Fauna endpoint, e.g. http://127.0.0.1:8443 */
  url: string;
  /** An admin secret. */
  secret: string;
}

/** Every `.fsl` file under `dir`, keyed by its path relative to `dir`. */
export function readSchemaDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".fsl")) files.set(relative(dir, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

/** Applies the schema in `dir` (replacing the active schema). Returns the new schema version. */
export async function applySchema(dir: string, opts: PushOptions): Promise<bigint> {
  const form = new FormData();
  for (const [name, text] of readSchemaDir(dir)) form.append(name, new Blob([text]), "blob");
  const res = await fetch(new URL("/schema/1/update?force=true&staged=false", opts.url), {
    method: "POST",
    headers: { authorization: `Bearer ${opts.secret}` },
    body: form,
  });
  const body = (await res.json()) as { version?: number; error?: { message: string } };
  if (!res.ok || body.error)
    throw new Error(`schema push failed (${res.status}): ${body.error?.message ?? "unknown error"}`);
  return BigInt(body.version ?? 0);
}
