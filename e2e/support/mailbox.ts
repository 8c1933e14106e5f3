// Reads what the app mailed from the e2e stack's mail catcher (MailDev's REST API).
import { expect } from "@playwright/test";
import { readStackState } from "./config";

export type CaughtMail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  time: string;
  to: { address: string }[];
};

export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${readStackState().mailWebUrl}/api/email`);
  // In the order they arrived.
  const mails = (await response.json()) as CaughtMail[];
  return mails.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
}

/** Waits for the `count`th mail with this subject to `address`, and returns it. */
export async function waitForMail(address: string, subject: string, count = 1): Promise<CaughtMail> {
  let found: CaughtMail[] = [];
  await expect
    .poll(async () => (found = (await mailsTo(address)).filter((mail) => mail.subject === subject)).length, {
      message: `mail "${subject}" to ${address}`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

/** The link in a mail's text that opens `path` on the shop. */
export function linkIn(mail: CaughtMail, path: "/reset-password" | "/verify-email"): string {
  const link = mail.text.match(new RegExp(`https?://\\S+${path}#token=[A-Za-z0-9_%-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in "${mail.subject}"`);
  return link;
}
