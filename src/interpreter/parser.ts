// The parser's entry point: lexing, parsing, CPython's choice of which error to report,
// and the post-parse checks. The grammar itself lives in the parse_*.ts layers.

import type { Expr, Module, Stmt } from './ast';
import { checkModule } from './checks';
import { PySyntaxError } from './errors';
import { lexModule, lexRegion } from './lexer';
import { CompoundParser } from './parse_compound';
import type { Token } from './tokens';

/**
 * Parses a Python module. Throws `PySyntaxError` (and nothing else) for invalid or
 * unsupported source, with CPython 3.11's message where there is one.
 */
export function parse(source: string, filename: string): Module {
  const { tokens, unclosed } = lexModule(source);
  const p = new Parser(tokens, source, filename);
  let body: Stmt[];
  try {
    body = p.statements();
  } catch (e) {
    // The depth limit should make a stack overflow unreachable; this keeps the promise.
    if (e instanceof RangeError) {
      const at = tokens[Math.min(p.furthest, tokens.length - 1)];
      throw new PySyntaxError('maximum recursion depth exceeded during compilation', filename, at, 'syntax', source);
    }
    if (!(e instanceof PySyntaxError) || e === p.lexError || e.kind === 'unsupported') throw e;
    throw blame(e, tokens, p.furthest, unclosed, source, filename);
  }
  checkModule(body, (message, range) => {
    throw new PySyntaxError(message, filename, range, 'syntax', source);
  });
  const end = tokens[tokens.length - 1];
  return { kind: 'Module', body, range: { line: 1, col: 0, endLine: end.line, endCol: end.col } };
}

/**
 * What CPython reports when its parser fails: reading on from where the parser stopped,
 * a lexical error (other than an indentation one) wins; so does a bracket never closed
 * if the parser got to the end of input or past the bracket's line.
 */
function blame(e: PySyntaxError, tokens: readonly Token[], furthest: number, unclosed: Token | null, source: string, filename: string): PySyntaxError {
  if (e.message === 'unexpected indent') return e;
  const far = tokens[Math.min(furthest, tokens.length - 1)];
  const neverClosed = (): PySyntaxError => new PySyntaxError(`'${unclosed?.text}' was never closed`, filename, unclosed ?? far, 'syntax', source);
  if (unclosed && far.kind === 'EndMarker') return neverClosed();
  for (let j = furthest + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== 'Error') continue;
    if (t.deferred) return e;
    return new PySyntaxError(t.message ?? 'invalid syntax', filename, t.errorRange ?? t, t.errorKind ?? 'syntax', source);
  }
  return unclosed && far.line > unclosed.line ? neverClosed() : e;
}

function throwLexError(tokens: readonly Token[], source: string, filename: string): void {
  for (const t of tokens) {
    if (t.kind === 'Error') {
      throw new PySyntaxError(t.message ?? 'invalid token', filename, t.errorRange ?? t, t.errorKind ?? 'syntax', source);
    }
  }
}

/** The concrete parser; it also parses f-string replacement fields with a parser of its own. */
class Parser extends CompoundParser {
  /** A replacement field's expression, parsed from its own tokens as if in parentheses. */
  fieldExpression(start: number, end: number, line: number, lineStart: number): Expr {
    const { tokens } = lexRegion(this.source, start, end, line, lineStart);
    throwLexError(tokens, this.source, this.filename);
    const sub = new Parser(tokens, this.source, this.filename, 'f-string: ', 1);
    return sub.field();
  }

  private field(): Expr {
    // CPython parses a field as if in parentheses, hence its messages for `{**x}` and `{*x}`.
    if (this.at('**')) {
      const star = this.advance();
      this.expression();
      if (this.peek().kind === 'EndMarker') this.fail('cannot use double starred expression here', star);
    }
    const e = this.at('yield') ? this.yieldExpr() : this.starExpressions();
    if (e.kind === 'Starred') this.fail('cannot use starred expression here', e.range);
    if (this.peek().kind !== 'EndMarker') this.unexpected();
    return e;
  }
}
