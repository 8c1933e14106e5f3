// Error helpers shared by the lexer and the parser: every syntax problem is an
// InvalidQueryError with one diagnostic carrying the offending span.
import { InvalidQueryError } from "../../core/index.js";

/** Deeper syntactic nesting than this is refused so the parser never overflows the JS stack. */
export const MAX_NESTING = 200;

export function syntaxError(
  message: string,
  start: number,
  end: number,
  source: string | undefined,
): InvalidQueryError {
  // Zero-width spans (e.g. at end of input) still need one caret when rendered.
  const span =
    source === undefined ? { start, end: Math.max(end, start + 1) } : { start, end: Math.max(end, start + 1), source };
  return new InvalidQueryError([{ message, span }]);
}

/** 1-based line and column (UTF-16 code units) of `offset` in `source`. */
export function lineCol(source: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}
