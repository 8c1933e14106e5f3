import "server-only";
import { sealData, unsealData } from "iron-session";
import type { AuthForm, AuthFormState } from "./form-state";

// Without JavaScript a refused log-in or sign-up is a form post answered with 303 back
// to the form (post/redirect/get). What the form is to show rides along in this
// cookie: sealed with SESSION_PASSWORD, httpOnly, a minute long, and never a password.
// On the page load of the form the proxy moves it into a request header for the page
// and deletes the cookie, so a reload starts clean.

export const FLASH_COOKIE = "storefront_form";
/** Set by proxy.ts only (it drops one the client sent); the page reads the flash from it. */
export const FLASH_HEADER = "x-storefront-form";
export const FLASH_MAX_AGE_SECONDS = 60;

type Flash = { form: AuthForm; state: NonNullable<AuthFormState> };

function password(): string {
  const value = process.env.SESSION_PASSWORD;
  if (!value || value.length < 32) throw new Error("SESSION_PASSWORD must be at least 32 characters.");
  return value;
}

/** A Set-Cookie header value carrying what `form` is to show. */
export async function flashCookie(form: AuthForm, { email, message, fieldErrors }: NonNullable<AuthFormState>) {
  const sealed = await sealData({ form, state: { email, message, fieldErrors } } satisfies Flash, {
    password: password(),
    ttl: FLASH_MAX_AGE_SECONDS,
  });
  const secure = process.env.NODE_ENV === "production" ? "; Secure" : "";
  return `${FLASH_COOKIE}=${sealed}; Path=/; Max-Age=${FLASH_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** What the cookie holds for `form`, or undefined (none, another form's, expired, forged). */
export async function readFlash(form: AuthForm, sealed: string | undefined): Promise<AuthFormState> {
  if (!sealed) return undefined;
  try {
    const flash = await unsealData<Partial<Flash>>(sealed, { password: password(), ttl: FLASH_MAX_AGE_SECONDS });
    return flash.form === form && flash.state && typeof flash.state.email === "string" ? flash.state : undefined;
  } catch {
    return undefined;
  }
}
