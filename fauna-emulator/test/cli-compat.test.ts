// The request sequences the official `fauna` CLI (fauna-shell v4) sends for its schema commands,
// replayed over HTTP/1.1 `fetch` as the CLI does. (Checked by hand against fauna-shell 4.0.0:
// `schema push --active --no-input`, `schema pull --active`, `schema diff --active`, `query`.)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDb, type TestDb } from "./support/emulator.js";

let db: TestDb;
before(async () => {
  db = await startDb({ schemaDir: null });
});
after(() => db.close());

const auth = { AUTHORIZATION: "Bearer secret" };
const json = async (res: Response) => {
  assert.match(res.headers.get("content-type") ?? "", /application\/json/, "the CLI only parses JSON content types");
  return (await res.json()) as Record<string, unknown>;
};
const form = (files: Record<string, string>) => {
  const f = new FormData();
  for (const [name, text] of Object.entries(files)) f.append(name, new Blob([text]), "blob");
  return f;
};

test("schema push --active --no-input: one POST /schema/1/update?staged=false", async () => {
  const res = await fetch(`${db.url}/schema/1/update?staged=false`, {
    method: "POST",
    headers: auth,
    body: form({ "main.fsl": "collection Pushed {}\n" }),
  });
  assert.equal(res.status, 200);
  assert.equal(typeof (await json(res)).version, "number");
});

test("schema pull: staged/status is `none` in the root database, then files and each file", async () => {
  const status = await json(await fetch(`${db.url}/schema/1/staged/status`, { headers: auth }));
  assert.equal(status.status, "none");
  const files = await json(
    await fetch(`${db.url}/schema/1/files?staged=false&version=${status.version}`, { headers: auth }),
  );
  assert.deepEqual(files.files, [{ filename: "main.fsl" }]);
  const file = await json(
    await fetch(`${db.url}/schema/1/files/main.fsl?staged=false&version=${status.version}`, { headers: auth }),
  );
  assert.equal(file.content, "collection Pushed {}\n");
});

test("schema status / diff: status with a format carries an empty diff; a staged diff compares with the active schema", async () => {
  const status = await json(await fetch(`${db.url}/schema/1/staged/status?format=summary`, { headers: auth }));
  assert.deepEqual(
    { status: status.status, diff: status.diff, pending_summary: status.pending_summary },
    { status: "none", diff: "", pending_summary: "" },
  );
  const same = await json(
    await fetch(`${db.url}/schema/1/diff?format=semantic&staged=true&version=${status.version}`, {
      method: "POST",
      headers: auth,
      body: form({ "main.fsl": "collection Pushed {}\n" }),
    }),
  );
  assert.equal(same.diff, "");
  const more = await json(
    await fetch(`${db.url}/schema/1/diff?format=semantic&staged=true`, {
      method: "POST",
      headers: auth,
      body: form({ "main.fsl": "collection Pushed {}\ncollection More {}\n" }),
    }),
  );
  assert.match(String(more.diff), /More/);
});

test("staging writes stay refused in the root database (push without --active, commit, abandon)", async () => {
  for (const path of ["/schema/1/update?staged=true", "/schema/1/staged/commit", "/schema/1/staged/abandon"]) {
    const res = await fetch(`${db.url}${path}`, {
      method: "POST",
      headers: auth,
      body: form({ "main.fsl": "collection X {}\n" }),
    });
    assert.equal(res.status, 400, path);
    assert.deepEqual(await json(res), { error: { message: "Schema cannot be staged in the root database" } });
  }
});
