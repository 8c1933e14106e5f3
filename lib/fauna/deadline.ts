import "server-only";
import { FaunaUnavailableError } from "./errors";

// How long Fauna may run one query (FAUNA_QUERY_TIMEOUT_MS), and how much longer the app
// waits for its answer, network included, before it calls Fauna unavailable.
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
const DEADLINE_MARGIN_MS = 2_000;

// After a Fauna let a call run into the deadline, calls to it fail at once for this long.
// Next renders a failed page's metadata again for its error page, in a new render that
// React's cache() does not share; that render must not wait out a second deadline.
const SILENT_WINDOW_MS = 1_000;

export function queryTimeoutMs(): number {
  const configured = Number(process.env.FAUNA_QUERY_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_QUERY_TIMEOUT_MS;
}

/** How long any one Fauna call may take before it fails with FaunaUnavailableError. */
export const faunaDeadlineMs = () => queryTimeoutMs() + DEADLINE_MARGIN_MS;

let silent: { endpoint: string; until: number } | null = null;

/**
 * Runs one call to the Fauna at `endpoint`, or fails with FaunaUnavailableError at the
 * deadline. The driver (2.5) leaves a query pending forever when its HTTP/2 stream or
 * connection closes without an answer (e.g. the database process dies): its own timeout
 * goes with the stream.
 */
export async function withinDeadline<T>(endpoint: string, call: () => Promise<T>): Promise<T> {
  if (silent?.endpoint === endpoint && Date.now() < silent.until) {
    throw new FaunaUnavailableError("Fauna did not answer a moment ago");
  }
  const ms = faunaDeadlineMs();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), ms);
  });
  try {
    const outcome = await Promise.race([call().then((value) => ({ value })), deadline]);
    if (outcome === "deadline") {
      silent = { endpoint, until: Date.now() + SILENT_WINDOW_MS };
      throw new FaunaUnavailableError(`Fauna did not answer within ${ms} ms`);
    }
    return outcome.value;
  } finally {
    clearTimeout(timer);
  }
}
