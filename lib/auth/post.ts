import "server-only";
import type { NewAccount } from "../fauna/auth";
import type { ShopperToken } from "../fauna/types";
import { answer, isJson, readSmallJson, refusedOrigin, tooManyAttempts } from "../http/json-api";
import { isSameOrigin } from "../http/same-origin";
import { readSmallBody } from "../http/small-body";
import { loginPath, safeNextPath, signupPath } from "../redirects";
import { clientOf } from "../request-client";
import { flashCookie } from "./flash";
import type { AuthForm } from "./form-state";
import { submitLogIn, submitSignUp, type AuthOutcome } from "./submissions";

// POST /api/login and /api/signup. The forms post JSON with JavaScript and get JSON
// back: 200 with where to go, or the status that fits with what to show — 429 with
// Retry-After for a throttled attempt, like the mail endpoints. Without JavaScript the
// browser posts the form itself and gets 303: on to `next` once signed in, else back to
// the form, which shows what the flash cookie carries (lib/auth/flash.ts).

const AFTER_LOGIN = "/products";
// Room for every field at its longest, so an over-long one gets its own message.
const MAX_BODY_BYTES = 16 * 1024;

export const unreadableForm = "We couldn't read that form. Please try again.";

/** What the route handler sends, and what it must do besides: store the session, mail the link. */
export type AuthPostResult = { response: Response; token?: ShopperToken; account?: NewAccount };

export async function handleAuthPost(form: AuthForm, request: Request): Promise<AuthPostResult> {
  if (!isSameOrigin(request)) return { response: refusedOrigin() };
  const json = isJson(request);
  const fields = json ? await readSmallJson(request, MAX_BODY_BYTES) : await readSmallForm(request);
  const next = safeNextPath(fields?.next);
  if (!fields) {
    const state = { email: "", message: unreadableForm };
    return { response: json ? answer({ message: unreadableForm }, 400) : await backToForm(form, next, state) };
  }
  const client = clientOf(request.headers);
  const outcome = form === "login" ? await submitLogIn(fields, client) : await submitSignUp(fields, client);
  return {
    response: json ? jsonAnswer(outcome, next) : await formAnswer(form, outcome, next),
    token: outcome.ok ? outcome.token : undefined,
    account: outcome.account,
  };
}

/** An HTML form's fields (application/x-www-form-urlencoded), or null. */
async function readSmallForm(request: Request): Promise<Record<string, string> | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  const body = await readSmallBody(request, MAX_BODY_BYTES);
  return body === null ? null : Object.fromEntries(new URLSearchParams(body));
}

function jsonAnswer(outcome: AuthOutcome, next: string | null): Response {
  if (outcome.ok) return answer({ done: true, redirectTo: next ?? AFTER_LOGIN });
  if (outcome.retryInSeconds !== undefined) return tooManyAttempts(outcome.retryInSeconds);
  const { message, fieldErrors } = outcome.state;
  return answer({ message, fieldErrors }, outcome.status);
}

async function formAnswer(form: AuthForm, outcome: AuthOutcome, next: string | null): Promise<Response> {
  if (outcome.ok) return seeOther(next ?? AFTER_LOGIN);
  return backToForm(form, next, outcome.state);
}

async function backToForm(form: AuthForm, next: string | null, state: Parameters<typeof flashCookie>[1]) {
  const response = seeOther(form === "login" ? loginPath(next) : signupPath(next));
  response.headers.append("Set-Cookie", await flashCookie(form, state));
  return response;
}

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
