import { randomBytes } from "node:crypto";
import { readEnvFile, setEnvValue } from "./env-file.ts";

// iron-session needs at least 32 characters; 32 random bytes give 43.
export function ensureSessionPassword(envFile: string): "kept" | "created" {
  const current = process.env.SESSION_PASSWORD ?? readEnvFile(envFile).SESSION_PASSWORD;
  if (current && current.length >= 32) return "kept";
  setEnvValue(envFile, "SESSION_PASSWORD", randomBytes(32).toString("base64url"));
  return "created";
}
