"use server";

import { redirect } from "next/navigation";
import { logInCustomer, logOutCustomer, signUpCustomer } from "@/lib/fauna/auth";
import { RuleRejectedError, shopperMessages, TooManyAttemptsError, toShopperMessage } from "@/lib/fauna/errors";
import { logError, logSecurityEvent } from "@/lib/log";
import { sendAfterResponse, sendVerificationMail } from "@/lib/mail";
import { newPasswordProblem } from "@/lib/password-policy";
import { safeNextPath } from "@/lib/redirects";
import { currentClient } from "@/lib/request-client";
import { destroySession, readSession, saveSession } from "@/lib/session";
import { confirmPasswordProblem } from "@/lib/signup-checks";
import { fieldErrorsOf, logInSchema, signUpSchema, type FieldErrors } from "@/lib/validation";

export type AuthFormState =
  | {
      email: string;
      fieldErrors?: FieldErrors;
      message?: string;
    }
  | undefined;

const AFTER_LOGIN = "/products";

function credentialsFrom(formData: FormData) {
  return { email: formData.get("email") ?? "", password: formData.get("password") ?? "" };
}

export async function signUp(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = credentialsFrom(formData);
  const email = String(input.email);
  const parsed = signUpSchema.safeParse(input);
  // "Confirm password" guards against a typo locking the shopper out; it is reported with the rest.
  const unconfirmed = confirmPasswordProblem(input.password, formData.get("confirmPassword"));
  const confirmErrors = unconfirmed ? { confirmPassword: [unconfirmed] } : {};
  if (!parsed.success) return { email, fieldErrors: { ...fieldErrorsOf(parsed.error), ...confirmErrors } };
  const weak = await newPasswordProblem(parsed.data.password, [parsed.data.email]);
  if (weak || unconfirmed) return { email, fieldErrors: { ...(weak ? { password: [weak] } : {}), ...confirmErrors } };

  try {
    const client = await currentClient();
    const account = await signUpCustomer(parsed.data.email, parsed.data.password, client);
    sendAfterResponse("email verification", () => sendVerificationMail(account.email, account.verificationSecret));
    const token = await logInCustomer(parsed.data.email, parsed.data.password, client);
    await saveSession({ token: token.secret, expiresAt: token.expiresAt, email: token.email });
  } catch (error) {
    const message = toShopperMessage(error);
    if (error instanceof RuleRejectedError) return { email, fieldErrors: { [error.field]: [message] } };
    return { email, message };
  }
  redirect(safeNextPath(formData.get("next")) ?? AFTER_LOGIN);
}

export async function logIn(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = credentialsFrom(formData);
  const email = String(input.email);
  const parsed = logInSchema.safeParse(input);
  if (!parsed.success) return { email, fieldErrors: fieldErrorsOf(parsed.error) };

  try {
    const token = await logInCustomer(parsed.data.email, parsed.data.password, await currentClient());
    await saveSession({ token: token.secret, expiresAt: token.expiresAt, email: token.email });
  } catch (error) {
    if (error instanceof TooManyAttemptsError)
      logSecurityEvent(`log-in refused, too many attempts (${error.retryInSeconds} s left)`);
    return { email, message: toShopperMessage(error) };
  }
  redirect(safeNextPath(formData.get("next")) ?? AFTER_LOGIN);
}

export type LogOutState = { message: string } | undefined;

// Deletes the token in Fauna, then the cookie (also when the token had already expired).
// When Fauna cannot delete it, the cookie stays: the token would otherwise live on for up
// to an hour with nothing left that could end it, and the shopper is told so.
export async function logOut(_previous: LogOutState): Promise<LogOutState> {
  const { token } = await readSession();
  if (token) {
    try {
      await logOutCustomer(token);
    } catch (error) {
      logError("UserLogout failed; the session stays so a retry can end it", error);
      return { message: shopperMessages.logOutFailed };
    }
  }
  await destroySession();
  redirect("/");
}
