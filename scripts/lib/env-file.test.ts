import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readEnvFile, setEnvValue } from "./env-file.ts";

const tempFile = () => join(mkdtempSync(join(tmpdir(), "env-file-")), ".env.local");

test("setEnvValue creates the file and readEnvFile reads it back", () => {
  const file = tempFile();
  setEnvValue(file, "FAUNA_SECRET", "fnAbc");
  assert.deepEqual(readEnvFile(file), { FAUNA_SECRET: "fnAbc" });
});

test("setEnvValue replaces one key and keeps comments and other keys", () => {
  const file = tempFile();
  writeFileSync(file, '# mine\nSESSION_PASSWORD="keep me"\nFAUNA_SECRET=old\n');
  setEnvValue(file, "FAUNA_SECRET", "new");
  assert.equal(readFileSync(file, "utf8"), '# mine\nSESSION_PASSWORD="keep me"\nFAUNA_SECRET=new\n');
  assert.deepEqual(readEnvFile(file), { SESSION_PASSWORD: "keep me", FAUNA_SECRET: "new" });
});

test("readEnvFile of a missing file is empty", () => {
  assert.deepEqual(readEnvFile(join(tmpdir(), "does-not-exist", ".env")), {});
});
