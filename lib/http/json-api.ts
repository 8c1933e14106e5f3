import "server-only";
import { tooManyAttemptsMessage } from "../fauna/errors";
import { isSameOrigin } from "./same-origin";
import { readSmallBody } from "./small-body";

// The shop's POST endpoints (the two mail-sending ones, log-in and sign-up) are route
// handlers, not server actions, because only a route handler can answer 429 with
// Retry-After. They take what a server action gets for free: a same-origin check and
// a bounded body.

/** What the JSON endpoints answer; the forms show `message` or `fieldErrors`. */
export type ApiAnswer = {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: boolean;
  /** Where the page goes next (log-in and sign-up: a path that passed safeNextPath). */
  redirectTo?: string;
};

const MAX_BODY_BYTES = 4 * 1024;

/**
 * The request came from one of the shop's own pages: its Origin is this host (as Next
 * checks server actions) and it is JSON, which no cross-site form can send without a
 * CORS preflight this app never grants.
 */
export function isSameOriginJson(request: Request): boolean {
  return isSameOrigin(request) && isJson(request);
}

export const isJson = (request: Request) => /^application\/json\b/i.test(request.headers.get("content-type") ?? "");

/** The request's JSON object, read up to a few kilobytes; null for anything else. */
export async function readSmallJson(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Record<string, unknown> | null> {
  const text = await readSmallBody(request, maxBytes);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const answer = (body: ApiAnswer, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** 429 with Retry-After and the sentence the form shows. */
export function tooManyAttempts(retryInSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryInSeconds));
  return Response.json({ message: tooManyAttemptsMessage(seconds) } satisfies ApiAnswer, {
    status: 429,
    headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" },
  });
}

export const refusedOrigin = () => answer({ message: "This request did not come from the shop's own page." }, 403);
