import { Client } from "fauna";
import { catalog } from "../data/catalog.ts";
import { pushSchema, readSchemaDir } from "./schema-push.ts";
import { seedCatalog } from "./seed-catalog.ts";
import { ensureUnauthenticatedKey } from "./unauthenticated-key.ts";

export type SetupOptions = {
  endpoint: string;
  adminSecret: string;
  schemaDir: string;
  envFile: string;
  log?: (line: string) => void;
};

// Everything `npm run db:setup` does; also called in-process by `npm run dev` and the e2e stack.
export async function setupDatabase({ endpoint, adminSecret, schemaDir, envFile, log = () => {} }: SetupOptions) {
  const schema = await pushSchema(endpoint, adminSecret, readSchemaDir(schemaDir));
  log(`schema: ${schema}`);

  const admin = new Client({ endpoint: new URL(endpoint), secret: adminSecret });
  try {
    const seeded = await seedCatalog(admin, catalog);
    log(`catalog: ${seeded.storesCreated} stores and ${seeded.productsCreated} products created`);
    const key = await ensureUnauthenticatedKey(admin, endpoint, envFile);
    log(`unauthenticated key: ${key === "created" ? `created, FAUNA_SECRET written to ${envFile}` : "kept"}`);
    return { schema, ...seeded, key };
  } finally {
    admin.close();
  }
}
