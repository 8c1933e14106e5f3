// Conformance: the schema HTTP API over plain HTTP/1.1 fetch (reference §8.1/§8.2; faunadb
// SchemaEndpointSpec): files/file/diff/update routes, optimistic `version` checks, staging refused
// in the root database, auth (401/403), JSON content type, and schema_version in query responses.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fql } from "fauna";
import { run, startDb, type TestDb } from "./support/emulator.js";

interface Reply {
  status: number;
  contentType: string | null;
  body: {
    version?: number;
    files?: { filename: string }[];
    content?: string;
    diff?: string;
    status?: string;
    error?: { message: string; code?: string };
  };
}

let db: TestDb;

before(async () => {
  db = await startDb({ schemaDir: null });
});

after(async () => {
  await db?.close();
});

function form(files: Record<string, string>): FormData {
  const f = new FormData();
  for (const [name, text] of Object.entries(files)) f.append(name, new Blob([text]), "blob");
  return f;
}

async function call(
  method: "GET" | "POST",
  path: string,
  opts: { secret?: string | null; files?: Record<string, string> } = {},
): Promise<Reply> {
  const secret = opts.secret === undefined ? "secret" : opts.secret;
  const headers: Record<string, string> = secret === null ? {} : { authorization: `Bearer ${secret}` };
  const res = await fetch(`${db.url}${path}`, { method, headers, body: opts.files ? form(opts.files) : undefined });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    body: text ? (JSON.parse(text) as Reply["body"]) : {},
  };
}

async function keySecret(role: string): Promise<string> {
  return ((await run(db.admin, fql`Key.create({ role: ${role} }) { secret }`)) as { secret: string }).secret;
}

const FILES = { "main.fsl": "collection Alpha {}\n", "sub/app.fsl": "function double(x) { x * 2 }\n" };

test("POST /schema/1/update?staged=false applies the files and returns the new integer version", async () => {
  const r = await call("POST", "/schema/1/update?staged=false", { files: FILES });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(typeof r.body.version, "number");
  assert.ok(Number.isInteger(r.body.version) && r.body.version! > 0);
  assert.equal(await run(db.admin, fql`double(4)`), 8);
});

test("GET /schema/1/files lists the stored files with the current version", async () => {
  const r = await call("GET", "/schema/1/files");
  assert.equal(r.status, 200);
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(typeof r.body.version, "number");
  assert.deepEqual(r.body.files?.map((f) => f.filename).sort(), ["main.fsl", "sub/app.fsl"]);
});

test("GET /schema/1/files/<name> returns the file content verbatim (nested names URL-encoded)", async () => {
  const main = await call("GET", "/schema/1/files/main.fsl");
  assert.equal(main.status, 200);
  assert.match(main.contentType ?? "", /^application\/json/);
  assert.equal(main.body.content, FILES["main.fsl"]);
  assert.equal(typeof main.body.version, "number");
  const sub = await call("GET", `/schema/1/files/${encodeURIComponent("sub/app.fsl")}`);
  assert.equal(sub.status, 200);
  assert.equal(sub.body.content, FILES["sub/app.fsl"]);
});

test("GET /schema/1/files/<unknown> is 404", async () => {
  const r = await call("GET", "/schema/1/files/nope.fsl");
  assert.equal(r.status, 404);
  assert.ok(r.body.error?.message, "error body carries a message");
});

test("the version from update is the version reported by files and the schema_version of query responses", async () => {
  const up = await call("POST", "/schema/1/update?staged=false", {
    files: { ...FILES, "more.fsl": "collection Beta {}\n" },
  });
  assert.equal(up.status, 200);
  const v = up.body.version!;
  const files = await call("GET", "/schema/1/files");
  assert.equal(files.body.version, v);
  const q = await db.admin.query(fql`1 + 1`);
  assert.equal(q.schema_version, v);
  // A later data-only write does not change the schema version.
  const w = await db.admin.query(fql`Alpha.create({ a: 1 })`);
  assert.equal(w.schema_version, v);
  assert.ok((w.txn_ts ?? 0) > v);
});

test("the update version is that schema transaction's timestamp: later than earlier txn_ts values", async () => {
  const before = (await db.admin.query(fql`Alpha.create({ b: 1 })`)).txn_ts ?? Infinity;
  const up = await call("POST", "/schema/1/update?staged=false", { files: FILES });
  assert.equal(up.status, 200);
  assert.ok(up.body.version! > before, `${up.body.version} > ${before}`);
});

test("schema changed through FQL (Collection.create) bumps schema_version to that query's txn_ts", async () => {
  const c = await db.admin.query(fql`Collection.create({ name: "ViaFql" })`);
  const next = await db.admin.query(fql`1`);
  assert.equal(next.schema_version, c.txn_ts);
  const files = await call("GET", "/schema/1/files");
  assert.equal(files.body.version, c.txn_ts);
});

test("files absent from an update are removed from the stored file list", async () => {
  const up = await call("POST", "/schema/1/update?staged=false", { files: { "main.fsl": "collection Alpha {}\n" } });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  const files = await call("GET", "/schema/1/files");
  assert.deepEqual(
    files.body.files?.map((f) => f.filename),
    ["main.fsl"],
  );
  assert.equal((await call("GET", `/schema/1/files/${encodeURIComponent("sub/app.fsl")}`)).status, 404);
});

test("POST /schema/1/diff returns an empty diff for identical files and changes nothing", async () => {
  const v = (await call("GET", "/schema/1/files")).body.version;
  const r = await call("POST", "/schema/1/diff?staged=false", { files: { "main.fsl": "collection Alpha {}\n" } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(r.body.diff, "");
  assert.equal(r.body.version, v);
});

test("POST /schema/1/diff describes additions and removals without applying them", async () => {
  const v = (await call("GET", "/schema/1/files")).body.version;
  const r = await call("POST", "/schema/1/diff?staged=false", {
    files: { "other.fsl": "function incr(x) { x + 1 }\n" },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.diff?.includes("Adding function `incr`"), r.body.diff);
  assert.ok(r.body.diff?.includes("Removing collection `Alpha`"), r.body.diff);
  assert.equal(r.body.version, v);
  assert.equal((await call("GET", "/schema/1/files")).body.version, v);
  assert.equal(await run(db.admin, fql`Alpha.all().count() >= 0`), true);
});

test("POST /schema/1/validate is an alias of /schema/1/diff", async () => {
  const r = await call("POST", "/schema/1/validate", { files: { "main.fsl": "collection Alpha {}\n" } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.diff, "");
});

test("update with a stale version is 409 'Stale schema version provided' and applies nothing", async () => {
  const v = (await call("GET", "/schema/1/files")).body.version!;
  const r = await call("POST", `/schema/1/update?staged=false&version=${v - 1}`, {
    files: { "main.fsl": "collection Alpha {}\ncollection Gamma {}\n" },
  });
  assert.equal(r.status, 409);
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(r.body.error?.message, "Stale schema version provided");
  assert.equal((await call("GET", "/schema/1/files")).body.version, v);
  assert.equal((await call("GET", "/schema/1/files/main.fsl")).body.content, "collection Alpha {}\n");
});

test("update with the current version succeeds and returns a newer version", async () => {
  const v = (await call("GET", "/schema/1/files")).body.version!;
  const r = await call("POST", `/schema/1/update?staged=false&version=${v}`, {
    files: { "main.fsl": "collection Alpha {}\ncollection Gamma {}\n" },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.version! > v);
});

test("diff with a stale version is 409 'Stale schema version provided'", async () => {
  const r = await call("POST", "/schema/1/diff?version=3", { files: { "main.fsl": "function foo() { 0 }" } });
  assert.equal(r.status, 409);
  assert.equal(r.body.error?.message, "Stale schema version provided");
});

test("force=true skips the version check", async () => {
  const r = await call("POST", "/schema/1/update?staged=false&force=true&version=3", {
    files: { "main.fsl": "collection Alpha {}\ncollection Gamma {}\n" },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test("staging is refused in the root database: update?staged=true is 400 'Schema cannot be staged in the root database'", async () => {
  const v = (await call("GET", "/schema/1/files")).body.version;
  const r = await call("POST", "/schema/1/update?staged=true", { files: { "main.fsl": "collection Staged {}\n" } });
  assert.equal(r.status, 400);
  assert.equal(r.body.error?.message, "Schema cannot be staged in the root database");
  assert.equal((await call("GET", "/schema/1/files")).body.version, v);
});

test("an invalid FSL upload is a 400 JSON error whose message locates the problem", async () => {
  const r = await call("POST", "/schema/1/update?staged=false", { files: { "main.fsl": "collection {" } });
  assert.equal(r.status, 400);
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.match(r.body.error?.message ?? "", /^error: [\s\S]*at main\.fsl:1:\d+/);
});

test("a request without a secret is 401 'Access token required'", async () => {
  const r = await call("GET", "/schema/1/files", { secret: null });
  assert.equal(r.status, 401);
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(r.body.error?.message, "Access token required");
});

test("a request with an unknown secret is 401 'Access token required'", async () => {
  const r = await call("POST", "/schema/1/update?staged=false", {
    secret: "fnNOTAREALSECRET",
    files: { "main.fsl": "" },
  });
  assert.equal(r.status, 401);
  assert.equal(r.body.error?.message, "Access token required");
});

test("a server key may read schema files", async () => {
  const server = await keySecret("server");
  const list = await call("GET", "/schema/1/files", { secret: server });
  assert.equal(list.status, 200);
  assert.ok(list.body.files?.some((f) => f.filename === "main.fsl"));
  const file = await call("GET", "/schema/1/files/main.fsl", { secret: server });
  assert.equal(file.status, 200);
  assert.equal(typeof file.body.content, "string");
});

test("a server-readonly key may read schema files", async () => {
  const ro = await keySecret("server-readonly");
  assert.equal((await call("GET", "/schema/1/files", { secret: ro })).status, 200);
});

test("a server key may not update the schema: 403 'Access denied' and nothing applied", async () => {
  const server = await keySecret("server");
  const v = (await call("GET", "/schema/1/files")).body.version;
  const r = await call("POST", "/schema/1/update?staged=false", {
    secret: server,
    files: { "main.fsl": "collection Hijack {}\n" },
  });
  assert.equal(r.status, 403);
  assert.match(r.contentType ?? "", /^application\/json/);
  assert.equal(r.body.error?.message, "Access denied");
  assert.equal((await call("GET", "/schema/1/files")).body.version, v);
});

test("a client key may not even read the schema: 403", async () => {
  const client = await keySecret("client");
  const r = await call("GET", "/schema/1/files", { secret: client });
  assert.equal(r.status, 403);
  assert.equal(r.body.error?.message, "Access denied");
});
