"use server";

import { redirect } from "next/navigation";
import { isLinkUsable, resetPasswordWithLink, verifyEmailWithLink } from "@/lib/fauna/account-links";
import { LinkExpiredError, RuleRejectedError, shopperMessages, toShopperMessage } from "@/lib/fauna/errors";
import { logError, logSecurityEvent } from "@/lib/log";
import { newPasswordProblem } from "@/lib/password-policy";
import { destroySession, readSession } from "@/lib/session";
import { fieldErrorsOf, resetPasswordSchema, type FieldErrors } from "@/lib/validation";

// The pages of emailed links. The link's secret arrives from the page's URL fragment,
// is sent only to Fauna, and is never logged or returned.

export type LinkState = "usable" | "expired" | "unavailable";

/** Whether a link can still be used, so the page can say so before the shopper types. */
export async function checkLink(secret: string): Promise<LinkState> {
  try {
    return (await isLinkUsable(String(secret))) ? "usable" : "expired";
  } catch (error) {
    logError("checking an emailed link failed", error);
    return "unavailable";
  }
}

export type ResetPasswordState = { expired?: boolean; fieldErrors?: FieldErrors; message?: string } | undefined;

export async function resetPassword(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const parsed = resetPasswordSchema.safeParse({
    token: formData.get("token") ?? "",
    newPassword: formData.get("newPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const { token, newPassword } = parsed.data;
  const weak = await newPasswordProblem(newPassword);
  if (weak) return { fieldErrors: { newPassword: [weak] } };

  let email: string;
  try {
    email = await resetPasswordWithLink(token, newPassword);
  } catch (error) {
    if (error instanceof LinkExpiredError) return { expired: true, message: shopperMessages.linkExpired };
    if (error instanceof RuleRejectedError) return { fieldErrors: { newPassword: [toShopperMessage(error)] } };
    return { message: toShopperMessage(error) };
  }
  logSecurityEvent("a shopper reset their password with an emailed link; every session ended");
  // Every session of the account ended: this browser's too, if it was signed in to it.
  const session = await readSession();
  if (session.token && session.email === email) await destroySession();
  redirect("/login?reset=1");
}

export type VerifyEmailState = { status: "verified" } | { status: "expired" } | { status: "unavailable" };

export async function confirmEmail(secret: string): Promise<VerifyEmailState> {
  try {
    await verifyEmailWithLink(String(secret));
    return { status: "verified" };
  } catch (error) {
    if (error instanceof LinkExpiredError) return { status: "expired" };
    logError("email verification failed", error);
    return { status: "unavailable" };
  }
}
