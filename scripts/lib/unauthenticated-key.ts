import { AuthenticationError, Client, fql } from "fauna";
import { readEnvFile, setEnvValue } from "./env-file.ts";

// The app's only standing credential: a key with the `unauthenticated` role.
// A key's secret is shown once, at creation, so it is kept in the env file and
// only replaced when it no longer authenticates against this database.
export async function ensureUnauthenticatedKey(
  admin: Client,
  endpoint: string,
  envFile: string,
): Promise<"kept" | "created"> {
  const current = readEnvFile(envFile).FAUNA_SECRET;
  if (current && (await authenticates(endpoint, current))) return "kept";

  const { data: secret } = await admin.query<string>(fql`
    Key.create({ role: "unauthenticated", data: { name: "storefront-unauthenticated" } }).secret
  `);
  setEnvValue(envFile, "FAUNA_SECRET", secret);
  return "created";
}

async function authenticates(endpoint: string, secret: string): Promise<boolean> {
  const client = new Client({ endpoint: new URL(endpoint), secret });
  try {
    await client.query(fql`null`);
    return true;
  } catch (error) {
    if (error instanceof AuthenticationError) return false;
    throw error;
  } finally {
    client.close();
  }
}
