// Browser side of lib/http/json-api.ts: posts JSON to one of the shop's endpoints and
// returns what it answered, whatever the status.
import type { ApiAnswer } from "./json-api";

export type PostAnswer = ApiAnswer & { status: number };

const UNREACHABLE = "The shop is temporarily unavailable. Please try again in a moment.";

export async function postJson(url: string, body: Record<string, unknown>): Promise<PostAnswer> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = (await response.json().catch(() => ({}))) as ApiAnswer;
    // A refusal without a sentence or field errors (a proxy's error page, say) still tells the shopper something.
    const fallback = response.ok || data.fieldErrors ? undefined : UNREACHABLE;
    return { status: response.status, ...data, message: data.message ?? fallback };
  } catch {
    return { status: 0, message: UNREACHABLE };
  }
}
