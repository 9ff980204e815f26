// The parser's token cursor, range helpers and error reporting, shared by every parser layer.

import type { Arguments, Expr } from './ast';
import { PySyntaxError } from './errors';
import type { Range, SyntaxErrorKind, Token } from './tokens';

/** A saved parser position. */
export interface ParserMark {
  readonly i: number;
  readonly level: number;
  readonly depth: number;
}

/**
 * How deep expressions may nest (operator chains included) before the parser gives up,
 * as CPython's compiler does; it also bounds the recursion of whatever walks the tree.
 */
const MAX_DEPTH = 1000;

/**
 * Base of the recursive-descent parser. Each layer (atoms, primaries, expressions,
 * parameters, statements) extends the one below; methods a lower layer needs from a
 * higher one are declared abstract here.
 */
export abstract class ParserBase {
  protected i = 0;
  /** The furthest token looked at, which decides whether an unclosed bracket is to blame. */
  furthest = 0;
  /** A lexical error the parser ran into; lookaheads must not swallow it. */
  lexError: PySyntaxError | null = null;
  /** Errors that are plain "invalid syntax": in CPython a failed match, not a raised error. */
  private readonly generic = new Set<PySyntaxError>();
  /** Errors from decoding literals, which CPython raises even while looking ahead. */
  protected readonly hard = new Set<unknown>();
  /** How many brackets enclose the cursor (a missing comma is only suspected inside them). */
  protected level: number;
  private depth = 0;
  /** Index of a `not` just seen after an operand without `in` after it, or -1. */
  protected strayNot = -1;
  /** Above zero while looking ahead, when CPython's second-pass diagnostics are off. */
  protected noInvalid = 0;
  /** Expressions written inside parentheses, which matters to some targets and messages. */
  protected readonly parenthesized = new Set<Expr>();

  constructor(
    protected readonly tokens: readonly Token[],
    readonly source: string,
    protected readonly filename: string,
    /** Prefix for messages, e.g. 'f-string: ' when parsing a replacement field. */
    protected readonly prefix = '',
    level = 0,
  ) {
    this.level = level;
  }

  abstract expression(): Expr;
  abstract namedExpression(): Expr;
  abstract starNamedExpression(): Expr;
  abstract starExpressions(): Expr;
  abstract yieldExpr(): Expr;
  abstract disjunction(): Expr;
  abstract bitwiseOr(): Expr;
  abstract starTargets(): Expr;
  abstract parameters(lambda: boolean, start: Range): Arguments;
  /** Parses a replacement field's expression from its own tokens. */
  abstract fieldExpression(start: number, end: number, line: number, lineStart: number): Expr;

  protected peek(k = 0): Token {
    let j = this.i + k;
    if (j > this.furthest) {
      if (j >= this.tokens.length) j = this.tokens.length - 1;
      this.furthest = j;
    }
    const t = this.tokens[j];
    if (t.kind === 'Error') this.reachError(t);
    return t;
  }

  /** CPython's tokenizer raises its error when the parser asks for the bad token. */
  private reachError(t: Token): never {
    this.lexError = new PySyntaxError(t.message ?? 'invalid syntax', this.filename, t.errorRange ?? t, t.errorKind ?? 'syntax', this.source);
    throw this.lexError;
  }

  /** The last token consumed. */
  protected prev(): Token {
    return this.tokens[this.i - 1];
  }

  protected advance(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  /** Whether the current token is the operator, delimiter or keyword `text`. */
  protected at(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.text === text && (t.kind === 'Op' || t.kind === 'Keyword');
  }

  protected eat(text: string): Token | null {
    return this.at(text) ? this.advance() : null;
  }

  protected expect(text: string): Token {
    if (!this.at(text)) this.unexpected();
    return this.advance();
  }

  /** `expected ':'`-style failure, as CPython reports for forced tokens. */
  protected expectForced(text: string): Token {
    if (!this.at(text)) this.fail(`expected '${text}'`, this.errorSpot(this.peek()));
    return this.advance();
  }

  protected expectName(): Token {
    if (this.peek().kind !== 'Name') this.unexpected();
    return this.advance();
  }

  /** The range from `start` to the end of the last consumed token. */
  protected rangeFrom(start: Range): Range {
    const end = this.prev();
    return { line: start.line, col: start.col, endLine: end.endLine, endCol: end.endCol };
  }

  protected span(a: Range, b: Range): Range {
    return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
  }

  fail(message: string, range: Range, kind: SyntaxErrorKind = 'syntax'): never {
    const text = kind === 'unsupported' ? message : this.prefix + message;
    throw new PySyntaxError(text, this.filename, range, kind, this.source);
  }

  protected unsupported(what: string, range: Range): never {
    return this.fail(`${what} ${what.endsWith('s') ? 'are' : 'is'} not supported`, range, 'unsupported');
  }

  /** CPython's generic failure at a token: "invalid syntax", or an indentation error. */
  protected unexpected(tok: Token = this.peek()): never {
    // After a `not` that follows an operand, CPython has read on looking for `not in`.
    if (tok === this.tokens[this.strayNot]) tok = this.tokens[this.strayNot + 1] ?? tok;
    if (tok.kind === 'Indent') {
      const col = Math.max(tok.endCol - 1, 0);
      this.fail('unexpected indent', { line: tok.line, col, endLine: tok.line, endCol: col + 1 }, 'indentation');
    }
    try {
      return this.fail('invalid syntax', this.errorSpot(tok));
    } catch (e) {
      if (e instanceof PySyntaxError) this.generic.add(e);
      throw e;
    }
  }

  /** Whether `e` is a plain parse failure (which CPython's lookaheads ignore). */
  protected isGeneric(e: unknown): boolean {
    return e instanceof PySyntaxError && this.generic.has(e);
  }

  /**
   * Where to report a failure at `tok`: a DEDENT has no text of its own, so the next real
   * token stands for it, and the end of input is reported at the end of the last line.
   */
  protected errorSpot(tok: Token): Range {
    let j = this.tokens.indexOf(tok);
    while (j >= 0 && this.tokens[j].kind === 'Dedent') j++;
    const t = j >= 0 ? this.tokens[j] : tok;
    if (t.kind !== 'EndMarker') return t;
    return this.endOfText();
  }

  protected endOfText(): Range {
    const src = this.source;
    let end = src.length;
    while (end > 0 && (src[end - 1] === '\n' || src[end - 1] === '\r')) end--;
    let lineStart = end;
    while (lineStart > 0 && src[lineStart - 1] !== '\n' && src[lineStart - 1] !== '\r') lineStart--;
    let line = 1;
    for (let k = 0; k < lineStart; k++) {
      if (src[k] === '\n' || (src[k] === '\r' && src[k + 1] !== '\n')) line++;
    }
    const col = end - lineStart;
    return { line, col, endLine: line, endCol: col + 1 };
  }

  /** Counts nesting on the way down; deep enough input fails as CPython's parser does. */
  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail('maximum recursion depth exceeded during compilation', this.peek());
    }
  }

  protected leave(count = 1): void {
    this.depth -= count;
  }

  /** The cursor and its nesting counters, to go back to after reading ahead. */
  protected mark(): ParserMark {
    return { i: this.i, level: this.level, depth: this.depth };
  }

  protected reset(m: ParserMark): void {
    this.i = m.i;
    this.level = m.level;
    this.depth = m.depth;
  }

  /** Whether `e` is an error a speculative parse may recover from (not a lexical or literal one). */
  protected recoverable(e: unknown): e is PySyntaxError {
    return e instanceof PySyntaxError && e !== this.lexError && !this.hard.has(e);
  }

  /**
   * Runs `f` without second-pass diagnostics and restores the cursor afterwards (or puts
   * it at `from` first). Returns its result, or null if it failed; used for CPython's
   * lookahead-based messages.
   */
  protected lookahead<T>(f: () => T, from = this.i): T | null {
    const m = this.mark();
    this.i = from;
    this.noInvalid++;
    try {
      return f();
    } catch (e) {
      if (this.recoverable(e)) return null;
      throw e;
    } finally {
      this.noInvalid--;
      this.reset(m);
    }
  }

  /** Like `lookahead` with diagnostics on, keeping the cursor where `f` left it if it succeeds. */
  protected attempt<T>(f: () => T): T | null {
    const m = this.mark();
    try {
      return f();
    } catch (e) {
      if (!this.recoverable(e)) throw e;
      this.reset(m);
      return null;
    }
  }
}
