import "server-only";
import { after } from "next/server";
import { logError } from "../log";
import { passwordResetMessage, verifyEmailMessage } from "./messages";
import { sendMail } from "./send";
import { linkWithSecret, mailSettings } from "./settings";

// The shop's mails. A link's secret is only ever put into the mail: never logged,
// never returned to the browser.

export async function sendPasswordResetMail(to: string, secret: string): Promise<void> {
  const link = linkWithSecret(mailSettings().appOrigin, "/reset-password", secret);
  await sendMail(passwordResetMessage(to, link));
}

export async function sendVerificationMail(to: string, secret: string): Promise<void> {
  const link = linkWithSecret(mailSettings().appOrigin, "/verify-email", secret);
  await sendMail(verifyEmailMessage(to, link));
}

/**
 * Sends a mail after the response has gone out, so whether (and how long) it took
 * cannot show in the answer — e.g. whether a reset found an account. Failures are
 * logged as class and code only.
 */
export function sendAfterResponse(what: string, send: () => Promise<void>) {
  after(async () => {
    try {
      await send();
    } catch (error) {
      logError(`${what} mail could not be sent`, error);
    }
  });
}
