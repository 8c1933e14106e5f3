// The schemas the emulator tests run against, one copy each on disk: the shop schema (Fauna's
// end-user authentication tutorial, as the app's storefront started) and the roles and
// functions the auth tests add on top of it.
import { fileURLToPath } from "node:url";
import { readSchemaDir } from "../../src/schema-push.js";

/** Stores, products and customers, the sign-up / log-in / log-out UDFs, `customer` and `unauthenticated`. */
export const SHOP_SCHEMA = fileURLToPath(new URL("../fixtures/shop", import.meta.url));
/** Pushed together with the shop schema by the auth tests: predicate roles, `@role` UDFs, recursion. */
export const AUTH_EXTRAS = fileURLToPath(new URL("../fixtures/auth", import.meta.url));

/** The shop schema's files by name, for tests that parse FSL without a server. */
export const shopSchemaFiles = (): Map<string, string> => readSchemaDir(SHOP_SCHEMA);
