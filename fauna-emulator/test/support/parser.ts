// Shared helpers for the parser tests: render parses as S-expressions and errors as
// "message @line:col" so assertions stay short and readable.
import { InvalidQueryError } from "../../src/core/errors.js";
import { lineCol, parseExpression, parseFunctionBody, parseQuery } from "../../src/fql/parser/index.js";
import { sexpr } from "../../src/fql/parser/sexpr.js";

/** A whole query; a single-statement query is shown without its outer `(block …)`. */
export function q(source: string): string {
  const block = parseQuery(source, "*query*");
  const only = block.stmts.length === 1 ? block.stmts[0]! : null;
  return only ? sexpr(only) : sexpr(block);
}

export const e = (source: string): string => sexpr(parseExpression(source, "*query*"));
export const body = (source: string): string => sexpr(parseFunctionBody(source, "*udf:f*"));

type ParseFn = (source: string, sourceName?: string) => unknown;

/** The single diagnostic of a failing parse as `message @line:col`. */
export function err(source: string, parse: ParseFn = parseQuery): string {
  try {
    parse(source, "*query*");
  } catch (error) {
    if (!(error instanceof InvalidQueryError)) throw error;
    const d = error.diagnostics[0]!;
    const { line, column } = lineCol(source, d.span.start);
    return `${d.message} @${line}:${column}`;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(source)}`);
}
