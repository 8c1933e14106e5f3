import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeEngine } from "../../test/support/fake-engine.js";
import { SchemaApiError } from "../core/index.js";
import { createHttpServer } from "./server.js";

async function withServer(body: (url: string, engine: FakeEngine) => Promise<void>): Promise<void> {
  const engine = new FakeEngine();
  const server = createHttpServer(engine);
  const port = await server.listen(0, "127.0.0.1");
  try {
    await body(`http://127.0.0.1:${port}`, engine);
  } finally {
    await server.close();
  }
}

const auth = { authorization: "Bearer secret" };

/** What the CLI sends: FormData with one Blob part per file, named by its path. */
function schemaForm(files: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) form.append(name, new Blob([content]), "blob");
  return form;
}

async function json(res: Response): Promise<unknown> {
  assert.equal(res.headers.get("content-type"), "application/json");
  return res.json();
}

test("GET /schema/1/files lists file names with the version; staged and version params reach the engine", async () => {
  await withServer(async (url, engine) => {
    const res = await fetch(`${url}/schema/1/files?staged=true&version=41`, { headers: auth });
    assert.equal(res.status, 200);
    assert.deepEqual(await json(res), { version: 42, files: [{ filename: "main.fsl" }] });
    assert.deepEqual(engine.schemaCalls[0], {
      method: "files",
      secret: "secret",
      args: [{ staged: true, version: 41n }],
    });
  });
});

test("GET /schema/1/files/{filename} URL-decodes the path", async () => {
  await withServer(async (url, engine) => {
    const res = await fetch(`${url}/schema/1/files/sub%2Fapp.fsl`, { headers: auth });
    assert.deepEqual(await json(res), { version: 42, content: "// sub/app.fsl" });
    assert.deepEqual(engine.schemaCalls[0]!.args, ["sub/app.fsl", { staged: false }]);
  });
});

test("POST /schema/1/diff parses multipart parts keyed by name; format defaults to semantic, diff= is an alias", async () => {
  await withServer(async (url, engine) => {
    const files = { "main.fsl": "collection A {}", "app/b.fsl": "collection B { name: String }" };
    const res = await fetch(`${url}/schema/1/diff?staged=true&version=42`, {
      method: "POST",
      headers: auth,
      body: schemaForm(files),
    });
    assert.deepEqual(await json(res), { version: 42, diff: "2 files" });
    assert.deepEqual(engine.schemaCalls[0]!.args, [
      [
        { filename: "main.fsl", content: "collection A {}" },
        { filename: "app/b.fsl", content: "collection B { name: String }" },
      ],
      { staged: true, version: 42n, format: "semantic" },
    ]);
    await fetch(`${url}/schema/1/validate?diff=textual&force=true&version=1`, {
      method: "POST",
      headers: auth,
      body: schemaForm(files),
    });
    assert.deepEqual(engine.schemaCalls[1]!.args[1], { staged: false, format: "textual" });
  });
});

test("POST /schema/1/update passes override (default true) and returns the new version", async () => {
  await withServer(async (url, engine) => {
    const res = await fetch(`${url}/schema/1/update?override=false`, {
      method: "POST",
      headers: auth,
      body: schemaForm({ "main.fsl": "x" }),
    });
    assert.deepEqual(await json(res), { version: 43 });
    assert.deepEqual(engine.schemaCalls[0]!.args[1], { staged: false, override: false });
    await fetch(`${url}/schema/1/update`, { method: "POST", headers: auth, body: schemaForm({}) });
    assert.deepEqual(engine.schemaCalls[1]!.args, [[], { staged: false, override: true }]);
  });
});

test("status, commit and abandon answer on their staged paths and their aliases", async () => {
  await withServer(async (url, engine) => {
    assert.deepEqual(await json(await fetch(`${url}/schema/1/staged/status?format=summary`, { headers: auth })), {
      version: 42,
      status: "none",
    });
    assert.deepEqual(engine.schemaCalls[0]!.args, [{ format: "summary" }]);
    assert.deepEqual(await json(await fetch(`${url}/schema/1/status`, { headers: auth })), {
      version: 42,
      status: "none",
    });
    assert.deepEqual(
      await json(await fetch(`${url}/schema/1/staged/commit?version=42`, { method: "POST", headers: auth })),
      { version: 44 },
    );
    assert.deepEqual(engine.schemaCalls[2]!.args, [{ version: 42n }]);
    assert.deepEqual(await json(await fetch(`${url}/schema/1/commit`, { method: "POST", headers: auth })), {
      version: 44,
    });
    assert.deepEqual(await json(await fetch(`${url}/schema/1/staged/abandon`, { method: "POST", headers: auth })), {
      version: 45,
    });
    assert.deepEqual(await json(await fetch(`${url}/schema/1/abandon`, { method: "POST", headers: auth })), {
      version: 45,
    });
  });
});

test("schema errors have only a message: 401 without a secret, 404 Not found, 405 Method not allowed, engine SchemaApiError", async () => {
  await withServer(async (url, engine) => {
    const unauth = await fetch(`${url}/schema/1/files`);
    assert.equal(unauth.status, 401);
    assert.equal(unauth.headers.get("www-authenticate"), "Bearer");
    assert.deepEqual(await json(unauth), { error: { message: "Access token required" } });

    const wrong = await fetch(`${url}/schema/1/files`, { headers: { authorization: "Bearer nope" } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(await json(wrong), { error: { message: "Access token required" } });

    const missing = await fetch(`${url}/schema/1/nothing`, { headers: auth });
    assert.equal(missing.status, 404);
    assert.deepEqual(await json(missing), { error: { message: "Not found" } });

    const method = await fetch(`${url}/schema/1/update`, { headers: auth });
    assert.equal(method.status, 405);
    assert.deepEqual(await json(method), { error: { message: "Method not allowed" } });

    engine.schemaCommit = () => {
      throw new SchemaApiError("Stale schema version provided", 409);
    };
    const stale = await fetch(`${url}/schema/1/staged/commit?version=1`, { method: "POST", headers: auth });
    assert.equal(stale.status, 409);
    assert.deepEqual(await json(stale), { error: { message: "Stale schema version provided" } });

    const badVersion = await fetch(`${url}/schema/1/files?version=abc`, { headers: auth });
    assert.equal(badVersion.status, 400);
    assert.deepEqual(Object.keys((await json(badVersion)) as object), ["error"]);
  });
});
