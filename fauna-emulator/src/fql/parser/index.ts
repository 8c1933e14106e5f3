// Public entry points of the FQL v10 parser. All failures are InvalidQueryError diagnostics
// whose spans index into the given source (named `sourceName`, e.g. "*query*").
import type { Block, Expr } from "../ast.js";
import { checkTreeHeight } from "./depth.js";
import { Parser } from "./parser.js";

export { lineCol } from "./diagnostics.js";

/** A whole query: statements separated by newlines or `;`, ending with an expression. */
export function parseQuery(source: string, sourceName?: string): Block {
  return checked(new Parser(source, sourceName).query(), sourceName);
}

/** Exactly one expression (FSL snippets such as `(doc) => doc.email.includes("@")`). */
export function parseExpression(source: string, sourceName?: string): Expr {
  return checked(new Parser(source, sourceName).expression(), sourceName);
}

/** A UDF body written with its braces, `{ … }`; always a block, never an object literal. */
export function parseFunctionBody(source: string, sourceName?: string): Block {
  return checked(new Parser(source, sourceName).functionBody(), sourceName);
}

function checked<T extends Expr>(tree: T, sourceName: string | undefined): T {
  checkTreeHeight(tree, sourceName);
  return tree;
}
