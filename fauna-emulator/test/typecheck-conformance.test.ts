// Typecheck conformance (issue #8): every case of the corpus (test/typecheck/), run through the
// official driver against databases that typecheck, as a real Fauna answers them: the static
// type of what passes, the diagnostics of what is refused, and schema pushes accepted or
// refused with "Invalid database schema update.". Cases the typechecker does not get right yet
// are listed in test/typecheck/known-gaps.ts; one of them that starts to pass fails this test
// until it is taken off the list, so the list only shrinks.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, fql, type QueryValue } from "fauna";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { isFailure, schemaCases, typecheckCases, type SchemaCase, type TypecheckCase } from "./typecheck/cases.js";
import { KNOWN_GAPS } from "./typecheck/known-gaps.js";
import {
  applyBrokenCopy,
  brokenCopies,
  loadSampleSchema,
  sampleAppDir,
  sampleQueries,
} from "./typecheck/sample-app.js";

let emu: RunningEmulator;
let admin: Client;
const clients: Client[] = [];
let databases = 0;

before(async () => {
  emu = await startEmulator({ port: 0, dataDir: null, rootSecret: "secret" });
  admin = client("secret");
});
after(async () => {
  for (const c of clients) c.close();
  await emu.close();
});

function client(secret: string): Client {
  const c = new Client({ endpoint: new URL(emu.url), secret, http2_session_idle_ms: 500 });
  clients.push(c);
  return c;
}

/** A fresh child database (typechecked, Fauna's default); its admin secret. */
async function freshDatabase(): Promise<string> {
  const name = `tc${++databases}`;
  await admin.query(fql`Database.create({ name: ${name} })`);
  return `secret:${name}:admin`;
}

/** Pushes FSL files to the database of `secret`: null when accepted, else the error message. */
async function push(secret: string, files: Map<string, string>): Promise<string | null> {
  const form = new FormData();
  for (const [name, text] of files) form.append(name, new Blob([text]), "blob");
  const res = await fetch(`${emu.url}/schema/1/update?staged=false`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    body: form,
  });
  if (res.status === 200) return null;
  const body = (await res.json()) as { error?: { message?: string } };
  return body.error?.message ?? `HTTP ${res.status}`;
}

/** The first line of each diagnostic in a summary or a schema error, without `error: `. */
const diagnosticLines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("error: "))
    .map((l) => l.slice("error: ".length))
    .filter((l) => l !== "Invalid database schema update.");

type Outcome =
  { staticType: string | undefined; data: QueryValue; summary: string } | { code: string; summary: string };

async function runTyped(c: Client, query: string): Promise<Outcome> {
  try {
    const r = await c.query(fql([query] as unknown as TemplateStringsArray), { typecheck: true, format: "simple" });
    return { staticType: r.static_type, data: r.data, summary: r.summary ?? "" };
  } catch (e) {
    const err = e as { code?: string; queryInfo?: { summary?: string }; message: string };
    return { code: err.code ?? "unknown", summary: err.queryInfo?.summary ?? err.message };
  }
}

/** Why a query case does not hold, or null when it does. */
function mismatch(c: TypecheckCase, got: Outcome): string | null {
  if (isFailure(c.expect)) {
    if (!("code" in got)) return `typechecked as ${got.staticType}, expected ${c.expect.messages.join(" / ")}`;
    if (got.code !== "invalid_query") return `failed with ${got.code}: ${got.summary.split("\n")[0]}`;
    const lines = diagnosticLines(got.summary);
    if (JSON.stringify(lines) !== JSON.stringify(c.expect.messages)) return `diagnostics ${JSON.stringify(lines)}`;
    for (const fragment of c.expect.summaryIncludes ?? [])
      if (!got.summary.includes(fragment)) return `summary lacks ${JSON.stringify(fragment)}`;
    return null;
  }
  if ("code" in got) return `refused (${got.code}): ${got.summary.split("\n")[0]}`;
  if (got.staticType !== c.expect.staticType) return `static type ${got.staticType}, expected ${c.expect.staticType}`;
  if (c.expect.data !== undefined && JSON.stringify(got.data) !== JSON.stringify(c.expect.data))
    return `data ${JSON.stringify(got.data)}, expected ${JSON.stringify(c.expect.data)}`;
  for (const fragment of c.expect.summaryIncludes ?? [])
    if (!got.summary.includes(fragment)) return `summary lacks ${JSON.stringify(fragment)}`;
  // Only a function-valued result warns (faunadb "Function is not called.").
  if (got.summary.includes("warning:") && !/ => /.test(c.expect.staticType))
    return `warned: ${got.summary.split("\n")[0]}`;
  return null;
}

/** Why a schema case does not hold, or null. */
function schemaMismatch(c: SchemaCase, refused: string | null): string | null {
  if (c.expect === "ok") return refused === null ? null : `refused: ${diagnosticLines(refused).join(" / ") || refused}`;
  if (refused === null) return `accepted, expected ${c.expect.messages.join(" / ")}`;
  const lines = diagnosticLines(refused);
  return JSON.stringify(lines) === JSON.stringify(c.expect.messages) ? null : `diagnostics ${JSON.stringify(lines)}`;
}

interface Results {
  passed: string[];
  failed: { name: string; why: string }[];
}

function judge(name: string, why: string | null, results: Results): void {
  if (why === null) results.passed.push(name);
  else results.failed.push({ name, why });
}

/** Holds the ratchet: listed gaps must still fail, everything else must pass. */
function assertRatchet(kind: string, results: Results): void {
  if (process.env.TYPECHECK_GAPS)
    for (const f of results.failed) console.log(`GAP ${JSON.stringify(f.name)} // ${f.why}`);
  const unexpected = results.failed.filter((f) => !KNOWN_GAPS.has(f.name)).map((f) => `${f.name}: ${f.why}`);
  const fixed = results.passed.filter((p) => KNOWN_GAPS.has(p));
  assert.deepEqual(unexpected, [], `${kind}: cases that must hold and do not`);
  assert.deepEqual(fixed, [], `${kind}: known gaps that now hold (take them off test/typecheck/known-gaps.ts)`);
}

test(`query cases (${typecheckCases.length}): static types and diagnostics as Fauna's typer gives them`, async () => {
  const results: Results = { passed: [], failed: [] };
  // Cases without a schema share one empty database; each case with a schema gets its own
  // (its results may depend on the documents it finds).
  const empty = client(await freshDatabase());
  for (const k of typecheckCases) {
    if (k.schema === undefined) {
      judge(k.name, mismatch(k, await runTyped(empty, k.query)), results);
      continue;
    }
    const secret = await freshDatabase();
    const refused = await push(secret, new Map([["main.fsl", k.schema]]));
    if (refused !== null) judge(k.name, `its schema was refused: ${diagnosticLines(refused).join(" / ")}`, results);
    else judge(k.name, mismatch(k, await runTyped(client(secret), k.query)), results);
  }
  console.log(`query cases: ${results.passed.length} of ${typecheckCases.length} hold`);
  assertRatchet("query cases", results);
});

test(`schema cases (${schemaCases.length}): pushes accepted, or refused with Fauna's diagnostics`, async () => {
  const results: Results = { passed: [], failed: [] };
  for (const c of schemaCases) {
    const secret = await freshDatabase();
    judge(c.name, schemaMismatch(c, await push(secret, new Map([["main.fsl", c.schema]]))), results);
  }
  console.log(`schema cases: ${results.passed.length} of ${schemaCases.length} hold`);
  assertRatchet("schema cases", results);
});

const sampleDir = sampleAppDir();

test(
  "Fauna's sample e-commerce app: its schema pushes to a typechecked database, its queries typecheck, broken copies are refused",
  { skip: sampleDir === null ? "fauna/js-sample-app is not on this machine (FAUNA_SAMPLE_APP_DIR)" : false },
  async () => {
    const files = loadSampleSchema(sampleDir!);
    const secret = await freshDatabase();
    assert.equal(await push(secret, files), null, "the sample schema is accepted");
    const c = client(secret);
    for (const q of sampleQueries) {
      // Typechecked means not refused before running; against an empty database some abort.
      const got = await runTyped(c, q.query);
      assert.ok(!("code" in got && got.code === "invalid_query"), `${q.name}: ${"code" in got ? got.summary : ""}`);
      if (q.expect.staticType !== undefined && !("code" in got))
        assert.equal(got.staticType, q.expect.staticType, q.name);
    }
    for (const broken of brokenCopies) {
      const refused = await push(await freshDatabase(), applyBrokenCopy(files, broken));
      assert.ok(refused !== null, `${broken.name}: accepted`);
      assert.match(refused, /^Invalid database schema update\./);
      assert.deepEqual(diagnosticLines(refused), broken.messages, broken.name);
    }
  },
);
