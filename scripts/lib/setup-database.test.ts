import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Client, fql } from "fauna";
import { readEnvFile } from "./env-file.ts";
import { startLocalEmulator, type RunningEmulator } from "./local-emulator.ts";
import { setupDatabase } from "./setup-database.ts";

const adminSecret = (process.env.FAUNA_ROOT_SECRET ||= "secret");
let emulator: RunningEmulator;
let envFile: string;
before(async () => {
  emulator = await startLocalEmulator({ port: 0, dataDir: null });
  envFile = join(mkdtempSync(join(tmpdir(), "db-setup-")), ".env.local");
});
after(async () => {
  await emulator?.close();
});

const setup = () => setupDatabase({ endpoint: emulator.url, adminSecret, schemaDir: resolve("schema"), envFile });

test("db:setup pushes the schema, seeds the catalog and writes the app key; a second run changes nothing", async () => {
  const first = await setup();
  assert.equal(first.schema, "updated");
  assert.equal(first.key, "created");
  assert.ok(first.storesCreated >= 3);
  assert.ok(first.productsCreated >= 60);
  const secret = readEnvFile(envFile).FAUNA_SECRET;
  assert.ok(secret);

  const envBefore = readFileSync(envFile, "utf8");
  const admin = new Client({ endpoint: new URL(emulator.url), secret: adminSecret });
  try {
    const counts = fql`{ stores: Store.all().count(), products: Product.all().count(), keys: Key.all().count() }`;
    const { data: before } = await admin.query(counts);
    const second = await setup();
    assert.deepEqual(second, { schema: "unchanged", storesCreated: 0, productsCreated: 0, key: "kept" });
    const { data: afterwards } = await admin.query(counts);
    assert.deepEqual(afterwards, before);
    assert.equal(readFileSync(envFile, "utf8"), envBefore);

    const { data: cups } = await admin.query(
      fql`Product.byName("cups").first() { description, price, store { name } }`,
    );
    assert.deepEqual(cups, { description: "Translucent 9 Oz, 100 ct", price: 6.98, store: { name: "Party Supplies" } });
  } finally {
    admin.close();
  }
});
