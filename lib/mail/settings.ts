import "server-only";

// Where mail goes and what its links point at, from the environment. Links use
// APP_URL, never the request's Host header, which a client can set to its own site.

export type MailSettings = {
  /** nodemailer's SMTP URL, e.g. smtps://user:pass@smtp.example.com:465 */
  smtpUrl: string;
  /** The From header, e.g. "Storefront <no-reply@shop.example>". */
  from: string;
  /** The shop's public origin, e.g. https://shop.example */
  appOrigin: string;
};

export class MailNotConfiguredError extends Error {
  override name = "MailNotConfiguredError";
}

// `npm run dev` serves here; production must say where it is served.
const DEV_APP_URL = "http://localhost:3000";

/** The mail settings, or MailNotConfiguredError naming what is missing (never a value). */
export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
  const appUrl = env.APP_URL || (env.NODE_ENV === "production" ? "" : DEV_APP_URL);
  if (!appUrl) throw new MailNotConfiguredError("APP_URL is not set");
  let appOrigin: string;
  try {
    const url = new URL(appUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
    appOrigin = url.origin;
  } catch {
    throw new MailNotConfiguredError("APP_URL is not an http(s) URL");
  }
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) throw new MailNotConfiguredError("SMTP_URL is not set");
  const from = env.MAIL_FROM || `Storefront <no-reply@${new URL(appOrigin).hostname}>`;
  return { smtpUrl, from, appOrigin };
}

/**
 * The link a mail carries: the secret goes in the fragment, which browsers never send
 * to a server (no access logs, no Referer); the page reads it with JavaScript.
 */
export function linkWithSecret(appOrigin: string, path: "/reset-password" | "/verify-email", secret: string): string {
  return `${appOrigin}${path}#token=${encodeURIComponent(secret)}`;
}
