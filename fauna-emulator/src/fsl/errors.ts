// FSL diagnostics: positions are computed from character offsets so every error can be
// rendered as Fauna does (`error: <msg>\nat <file>:<line>:<col>`).
import type { FslDiagnostic } from "./model.js";

/** Thrown by parseSchemaFiles when a push must be refused; carries every diagnostic found. */
export class FslError extends Error {
  constructor(readonly diagnostics: FslDiagnostic[]) {
    super(diagnostics.map(renderDiagnostic).join("\n"));
    this.name = "FslError";
  }
}

export function renderDiagnostic(d: FslDiagnostic): string {
  return d.unlocated ? d.message : `error: ${d.message}\nat ${d.file}:${d.line}:${d.column}`;
}

/** 1-based line/column of `offset` in `src` (\r\n counts as one line break). */
export function lineCol(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, src.length);
  for (let i = 0; i < end; i++) {
    if (src.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function diagnostic(file: string, src: string, offset: number, message: string): FslDiagnostic {
  return { file, ...lineCol(src, offset), message };
}

/** Internal: aborts parsing of one file at the first syntax error. */
export class SyntaxAbort extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
