// Checks the typecheck conformance corpus itself (test/typecheck/): names are unique, every
// case cites its source, and every schema and query in it parses with our FSL and FQL
// parsers, so a case fails later only for its typing. Running the cases with typechecking
// on is the integrator's runner (issue #8).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSchemaFiles } from "../src/fsl/index.js";
import { parseQuery } from "../src/fql/index.js";
import { isFailure, schemaCases, typecheckCases } from "./typecheck/cases.js";
import { shopSchemaHasLockedUntilBang } from "./typecheck/schema-cases.js";
import {
  applyBrokenCopy,
  brokenCopies,
  loadSampleSchema,
  sampleAppDir,
  sampleQueries,
} from "./typecheck/sample-app.js";

const parsesAsSchema = (files: Map<string, string>) => assert.doesNotThrow(() => parseSchemaFiles(files));
const oneFile = (schema: string) => new Map([["main.fsl", schema]]);

test("corpus names are unique and every entry cites a source", () => {
  const names = [
    ...typecheckCases.map((c) => c.name),
    ...schemaCases.map((c) => c.name),
    ...sampleQueries.map((q) => `sample-app: ${q.name}`),
    ...brokenCopies.map((b) => `sample-app broken: ${b.name}`),
  ];
  const seen = new Set<string>();
  const duplicates = names.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
  assert.deepEqual(duplicates, []);
  for (const c of [...typecheckCases, ...schemaCases, ...brokenCopies]) {
    assert.ok(c.source.trim().length > 0, `${c.name}: no source`);
  }
  for (const q of sampleQueries) assert.match(q.file, /^src\//, `${q.name}: no file`);
});

test("the corpus is large enough to cover issue #8's constructs", () => {
  assert.ok(typecheckCases.length >= 150, `only ${typecheckCases.length} query cases`);
  assert.ok(typecheckCases.some((c) => isFailure(c.expect)) && typecheckCases.some((c) => !isFailure(c.expect)));
  assert.ok(schemaCases.some((c) => c.expect === "ok") && schemaCases.some((c) => c.expect !== "ok"));
});

test("every failure lists at least one message, every success a static type", () => {
  for (const c of typecheckCases) {
    if (isFailure(c.expect)) {
      assert.ok(c.expect.messages.length > 0, `${c.name}: no messages`);
      for (const m of c.expect.messages)
        assert.doesNotMatch(m, /^error: |\n/, `${c.name}: "${m}" is not a first line without "error: "`);
    } else {
      assert.ok(c.expect.staticType.length > 0, `${c.name}: no static type`);
    }
  }
  for (const c of schemaCases) {
    if (c.expect !== "ok") assert.ok(c.expect.messages.length > 0, `${c.name}: no messages`);
  }
});

test("every query of the corpus parses with our FQL parser", () => {
  for (const c of typecheckCases) {
    assert.doesNotThrow(() => parseQuery(c.query, "*query*"), `${c.name}: ${c.query}`);
  }
  for (const q of sampleQueries) {
    assert.doesNotThrow(() => parseQuery(q.query, "*query*"), `sample-app: ${q.name}`);
  }
});

test("every schema of the corpus parses with our FSL parser", () => {
  const schemas = new Set(typecheckCases.flatMap((c) => (c.schema ? [c.schema] : [])));
  for (const schema of schemas) parsesAsSchema(oneFile(schema));
  // A schema Fauna refuses may already be refused by our FSL checks (e.g. an unknown type);
  // one Fauna accepts must parse and validate here.
  for (const c of schemaCases.filter((c) => c.expect === "ok")) {
    assert.doesNotThrow(() => parseSchemaFiles(oneFile(c.schema)), c.name);
  }
});

test("the Storefront lockedUntil copy really drops the !", () => {
  assert.ok(shopSchemaHasLockedUntilBang, "schema/functions.fsl no longer reads lockedUntil!.toMillis()");
});

const sampleDir = sampleAppDir();

test(
  "the sample app's schema and its broken copies parse",
  { skip: sampleDir ? false : "js-sample-app not on this machine (FAUNA_SAMPLE_APP_DIR)" },
  () => {
    const files = loadSampleSchema(sampleDir!);
    parsesAsSchema(files);
    for (const broken of brokenCopies) {
      const copy = applyBrokenCopy(files, broken);
      assert.notEqual(copy.get(broken.file), files.get(broken.file), broken.name);
      parsesAsSchema(copy);
    }
  },
);
