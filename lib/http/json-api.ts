import "server-only";
import { tooManyAttemptsMessage } from "../fauna/errors";

// The two mail-sending endpoints are route handlers, not server actions, because only a
// route handler can answer 429 with Retry-After. They take what a server action gets
// for free: a same-origin check and a bounded body.

/** What the JSON endpoints answer; the forms show `message` or `fieldErrors`. */
export type ApiAnswer = { message?: string; fieldErrors?: Record<string, string[]>; done?: boolean };

const MAX_BODY_BYTES = 4 * 1024;

/**
 * The request came from one of the shop's own pages: its Origin is this host (as Next
 * checks server actions) and it is JSON, which no cross-site form can send without a
 * CORS preflight this app never grants.
 */
export function isSameOriginJson(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const type = request.headers.get("content-type") ?? "";
  if (!origin || !host || !/^application\/json\b/i.test(type)) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The request's JSON object, read up to a few kilobytes; null for anything else. */
export async function readSmallJson(request: Request): Promise<Record<string, unknown> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES || !request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
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
