"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withShopper } from "@/lib/dal";
import { changeCustomerPassword, logOutCustomerEverywhere } from "@/lib/fauna/auth";
import { endSession as endShopperSession } from "@/lib/fauna/sessions";
import { InvalidCredentialsError, RuleRejectedError, shopperMessages, toShopperMessage } from "@/lib/fauna/errors";
import { logSecurityEvent } from "@/lib/log";
import { newPasswordProblem } from "@/lib/password-policy";
import { loginPath } from "@/lib/redirects";
import { destroySession } from "@/lib/session";
import { changePasswordSchema, fieldErrorsOf, type FieldErrors } from "@/lib/validation";

export type ChangePasswordState = { ok?: boolean; fieldErrors?: FieldErrors; message?: string } | undefined;

const ACCOUNT = "/account";

// Actions are public endpoints: each one re-checks the session through withShopper.
export async function changePassword(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;

  return withShopper(ACCOUNT, async (token, session) => {
    const weak = await newPasswordProblem(newPassword, [session.email]);
    if (weak) return { fieldErrors: { newPassword: [weak] } };
    try {
      await changeCustomerPassword(token, currentPassword, newPassword);
      logSecurityEvent("a shopper changed their password; other sessions ended");
      return { ok: true, message: "Password changed. Every other device has been logged out." };
    } catch (error) {
      if (error instanceof InvalidCredentialsError) {
        return { fieldErrors: { currentPassword: [shopperMessages.wrongCurrentPassword] } };
      }
      if (error instanceof RuleRejectedError) return { fieldErrors: { newPassword: [toShopperMessage(error)] } };
      return { message: toShopperMessage(error) };
    }
  });
}

/** Deletes every token of the shopper in Fauna, then this browser's cookie. */
export async function logOutEverywhere(): Promise<void> {
  await withShopper(ACCOUNT, logOutCustomerEverywhere);
  logSecurityEvent("a shopper logged out of all devices");
  await destroySession();
  redirect(loginPath());
}

/** Ends one of the shopper's sessions (EndSession: only their own). Ending this one logs this browser out. */
export async function endSession(formData: FormData): Promise<void> {
  const sessionId = String(formData.get("sessionId") ?? "").slice(0, 32);
  const { ended, current } = await withShopper(ACCOUNT, (token) => endShopperSession(token, sessionId));
  if (ended)
    logSecurityEvent(current ? "a shopper logged out from the session list" : "a shopper ended another session");
  if (current) {
    await destroySession();
    redirect("/");
  }
  revalidatePath(ACCOUNT);
}
