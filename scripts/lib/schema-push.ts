import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type SchemaFiles = Map<string, string>;

export function readSchemaDir(dir: string): SchemaFiles {
  const files: SchemaFiles = new Map();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith(".fsl"))
    .sort()) {
    files.set(name, readFileSync(join(dir, name), "utf8"));
  }
  return files;
}

// Pushes the schema as the active schema (`fauna schema push --active --no-input`),
// unless the database already holds exactly these files: a re-run changes nothing.
export async function pushSchema(
  endpoint: string,
  adminSecret: string,
  files: SchemaFiles,
): Promise<"unchanged" | "updated"> {
  if (await sameAsActive(endpoint, adminSecret, files)) return "unchanged";

  const form = new FormData();
  for (const [name, text] of files) form.append(name, new Blob([text]));
  const response = await fetch(schemaUrl(endpoint, "update", { staged: "false" }), {
    method: "POST",
    headers: { authorization: `Bearer ${adminSecret}` },
    body: form,
  });
  if (!response.ok) {
    throw new Error(`Schema push failed (${response.status}): ${await errorMessage(response)}`);
  }
  return "updated";
}

async function sameAsActive(endpoint: string, adminSecret: string, files: SchemaFiles) {
  const headers = { authorization: `Bearer ${adminSecret}` };
  const listing = await fetch(schemaUrl(endpoint, "files"), { headers });
  if (listing.status === 401) throw new Error("Schema API rejected FAUNA_ROOT_SECRET (401).");
  if (!listing.ok) return false;
  const { files: active } = (await listing.json()) as { files?: { filename: string }[] };
  const activeNames = (active ?? []).map((file) => file.filename).sort();
  if (activeNames.join("\n") !== [...files.keys()].sort().join("\n")) return false;

  for (const [name, text] of files) {
    const file = await fetch(schemaUrl(endpoint, `files/${encodeURIComponent(name)}`), { headers });
    if (!file.ok) return false;
    const { content } = (await file.json()) as { content?: string };
    if (content !== text) return false;
  }
  return true;
}

function schemaUrl(endpoint: string, route: string, params: Record<string, string> = {}) {
  const url = new URL(`schema/1/${route}`, endpoint.endsWith("/") ? endpoint : `${endpoint}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text;
  }
}
