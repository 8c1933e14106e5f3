export const DEFAULT_LOCAL_PORT = 8443;

// Admin-side settings for scripts; the web app itself never sees FAUNA_ROOT_SECRET.
export function faunaSettings() {
  return {
    endpoint: process.env.FAUNA_ENDPOINT || `http://127.0.0.1:${DEFAULT_LOCAL_PORT}`,
    adminSecret: process.env.FAUNA_ROOT_SECRET || "secret",
  };
}
