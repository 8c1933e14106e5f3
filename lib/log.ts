// Server log lines. Errors from Fauna can carry query summaries and arguments, so a
// log line keeps only the error's class, code and own message, never the request.

type Loggable = { name?: unknown; code?: unknown; message?: unknown; httpStatus?: unknown; cause?: unknown };

/** One line per error, safe to ship to a log service: no secrets, no passwords. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return typeof error;
  const { name, code, httpStatus, cause } = error as Loggable;
  const parts = [String(name ?? "Error")];
  if (typeof code === "string") parts.push(`code=${code}`);
  // Node's own HTTP/2 errors say which reset code the peer sent; they carry no request data.
  if (typeof code === "string" && code.startsWith("ERR_HTTP2") && typeof error.message === "string")
    parts.push(`(${error.message})`);
  if (typeof httpStatus === "number") parts.push(`status=${httpStatus}`);
  const line = parts.join(" ");
  return cause && depth < 3 ? `${line} <- ${describeError(cause, depth + 1)}` : line;
}

export function logError(context: string, error: unknown) {
  console.error(`${context}: ${describeError(error)}`);
}

/** A security-relevant event (throttled log-ins, sessions revoked), without who or what was typed. */
export function logSecurityEvent(event: string) {
  console.warn(`security: ${event}`);
}
