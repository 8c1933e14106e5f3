import type { StackState } from "./config.ts";

/** The environment `next start` runs with: the stack's Fauna and secrets, never the admin secret. */
export function appEnv(state: StackState, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { FAUNA_ROOT_SECRET: _admin, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    FAUNA_ENDPOINT: state.faunaEndpoint,
    FAUNA_SECRET: state.faunaSecret,
    SESSION_PASSWORD: state.sessionPassword,
    SMTP_URL: state.smtpUrl,
    MAIL_FROM: "Storefront <no-reply@storefront.test>",
    APP_URL: state.appUrl,
    ...overrides,
  };
}
