import { existsSync, readFileSync, writeFileSync } from "node:fs";

// Reads KEY=value lines (the subset of dotenv syntax this project writes).
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    values[match[1]] = unquote(match[2] ?? "");
  }
  return values;
}

// Sets one key, keeping every other line (and its comments) as it was.
export function setEnvValue(path: string, key: string, value: string): void {
  const lines = existsSync(path) ? readFileSync(path, "utf8").split(/\r?\n/) : [];
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const pattern = new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`);
  const index = lines.findIndex((line) => pattern.test(line));
  const entry = `${key}=${value}`;
  if (index >= 0) lines[index] = entry;
  else lines.push(entry);
  writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 });
}

function unquote(raw: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(raw);
  return quoted?.[2] ?? raw;
}
