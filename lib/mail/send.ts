import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { MailMessage } from "./messages";
import { mailSettings } from "./settings";

// One SMTP transport per URL, reused across requests.
let cached: { url: string; transport: Transporter } | null = null;

function transportFor(smtpUrl: string): Transporter {
  if (cached?.url !== smtpUrl) {
    cached?.transport.close();
    cached = { url: smtpUrl, transport: nodemailer.createTransport(smtpUrl) };
  }
  return cached.transport;
}

/** Sends one mail over SMTP_URL. Throws on any failure; callers log the error class only. */
export async function sendMail(message: MailMessage): Promise<void> {
  const { smtpUrl, from } = mailSettings();
  await transportFor(smtpUrl).sendMail({ from, ...message });
}
