import "server-only";
import type { ClientInfo } from "../client-info";
import { logInCustomer, signUpCustomer, type NewAccount } from "../fauna/auth";
import {
  EmailTakenError,
  FaunaUnavailableError,
  InvalidCredentialsError,
  RuleRejectedError,
  TooManyAttemptsError,
  toShopperMessage,
} from "../fauna/errors";
import type { ShopperToken } from "../fauna/types";
import { logError, logSecurityEvent } from "../log";
import { newPasswordProblem } from "../password-policy";
import { confirmPasswordProblem } from "../signup-checks";
import { fieldErrorsOf, logInSchema, signUpSchema } from "../validation";
import type { AuthFormState } from "./form-state";

/**
 * A log-in or sign-up, decided: the new token, or what the form shows with the HTTP
 * status that goes with it and, when Fauna asked for a wait, how many seconds. A
 * sign-up that created the account carries it, for the verification mail (also when
 * the log-in after it failed).
 */
export type AuthOutcome = (
  | { ok: true; token: ShopperToken }
  | { ok: false; state: NonNullable<AuthFormState>; status: number; retryInSeconds?: number }
) & { account?: NewAccount };

type Fields = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" ? value : "");

function refused(email: string, error: unknown): AuthOutcome {
  const message = toShopperMessage(error);
  // The shopper reads "temporarily unavailable"; the operator needs the cause (class and code only).
  if (error instanceof FaunaUnavailableError) logError("sign-up or log-in could not reach Fauna", error);
  if (error instanceof TooManyAttemptsError) {
    return { ok: false, state: { email, message }, status: 429, retryInSeconds: error.retryInSeconds };
  }
  if (error instanceof RuleRejectedError) {
    return { ok: false, state: { email, fieldErrors: { [error.field]: [message] } }, status: 400 };
  }
  const status =
    error instanceof InvalidCredentialsError
      ? 400
      : error instanceof EmailTakenError
        ? 409
        : error instanceof FaunaUnavailableError
          ? 503
          : 500;
  return { ok: false, state: { email, message }, status };
}

export async function submitLogIn(fields: Fields, client: ClientInfo): Promise<AuthOutcome> {
  const email = text(fields.email);
  const parsed = logInSchema.safeParse({ email: fields.email ?? "", password: fields.password ?? "" });
  if (!parsed.success) return { ok: false, state: { email, fieldErrors: fieldErrorsOf(parsed.error) }, status: 400 };
  try {
    return { ok: true, token: await logInCustomer(parsed.data.email, parsed.data.password, client) };
  } catch (error) {
    if (error instanceof TooManyAttemptsError)
      logSecurityEvent(`log-in refused, too many attempts (${error.retryInSeconds} s left)`);
    return refused(email, error);
  }
}

export async function submitSignUp(fields: Fields, client: ClientInfo): Promise<AuthOutcome> {
  const email = text(fields.email);
  const input = { email: fields.email ?? "", password: fields.password ?? "" };
  const parsed = signUpSchema.safeParse(input);
  // "Confirm password" guards against a typo locking the shopper out; it is reported with the rest.
  const unconfirmed = confirmPasswordProblem(input.password, fields.confirmPassword);
  const confirmErrors = unconfirmed ? { confirmPassword: [unconfirmed] } : {};
  if (!parsed.success) {
    return {
      ok: false,
      state: { email, fieldErrors: { ...fieldErrorsOf(parsed.error), ...confirmErrors } },
      status: 400,
    };
  }
  const weak = await newPasswordProblem(parsed.data.password, [parsed.data.email]);
  if (weak || unconfirmed) {
    const fieldErrors = { ...(weak ? { password: [weak] } : {}), ...confirmErrors };
    return { ok: false, state: { email, fieldErrors }, status: 400 };
  }
  let account: NewAccount;
  try {
    account = await signUpCustomer(parsed.data.email, parsed.data.password, client);
  } catch (error) {
    return refused(email, error);
  }
  try {
    return { ok: true, token: await logInCustomer(parsed.data.email, parsed.data.password, client), account };
  } catch (error) {
    return { ...refused(email, error), account };
  }
}
