import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What the e2e stack hands to the specs (written once the stack is up). */
export type StackState = {
  faunaEndpoint: string;
  rootSecret: string;
  faunaSecret: string;
  sessionPassword: string;
  /** Everything `next start` writes to stdout and stderr. */
  serverLog: string;
  /** The mail catcher the app sends to (SMTP), and its inbox (REST API under /api). */
  smtpUrl: string;
  mailWebUrl: string;
  /** APP_URL: the origin links in mails point at. */
  appUrl: string;
};

export const appPort = () => Number(process.env.E2E_APP_PORT ?? 3100);

// playwright.config.ts sets E2E_STATE_FILE before the web server and the workers start.
export const stateFile = () => process.env.E2E_STATE_FILE ?? join(tmpdir(), "storefront-e2e-state.json");

export function readStackState(): StackState {
  return JSON.parse(readFileSync(stateFile(), "utf8")) as StackState;
}
