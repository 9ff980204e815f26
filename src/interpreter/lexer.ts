// Python tokenizer: logical lines, INDENT/DEDENT, bracket matching, names, numbers,
// strings (scanned whole; decoding is the parser's), operators. It never throws: a
// lexical error becomes an `Error` token carrying CPython's message.

import { invalidCharMessage, isIdContinue, isIdStart, operatorLength, scanNumber, scanString } from './lex_scan';
import { KEYWORDS, OPERATORS, type Range, type SyntaxErrorKind, type Token, type TokenKind } from './tokens';

/** Options for `tokenize`. */
export interface TokenizeOptions {
  /** Keep `Comment` and `NL` tokens (default true, as Python's `tokenize` module does). */
  readonly trivia?: boolean;
}

/** What the parser needs from lexing: the tokens and the innermost bracket left open at EOF. */
export interface LexResult {
  readonly tokens: Token[];
  readonly unclosed: Token | null;
}

/** Splits Python source into tokens. Never throws; lexical errors are `Error` tokens. */
export function tokenize(source: string, options: TokenizeOptions = {}): Token[] {
  return new Lexer(source, 0, source.length, 1, 0, false, options.trivia ?? true).run().tokens;
}

/** Lexes a whole module for the parser (no trivia). */
export function lexModule(source: string): LexResult {
  return new Lexer(source, 0, source.length, 1, 0, false, false).run();
}

/**
 * Lexes `source[start, end)` as if inside brackets (no NEWLINE, INDENT or DEDENT), for an
 * f-string replacement field; positions stay those of the whole file.
 */
export function lexRegion(source: string, start: number, end: number, line: number, lineStart: number): LexResult {
  return new Lexer(source, start, end, line, lineStart, true, false).run();
}

const OPS1 = new Set(OPERATORS.filter((o) => o.length === 1));
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const MAX_INDENT = 100;
/** Errors CPython's tokenizer leaves for the parser to raise when it reaches them. */
const DEFERRED = new Set([
  'unindent does not match any outer indentation level', 'inconsistent use of tabs and spaces in indentation',
  'too many levels of indentation', 'unexpected character after line continuation character', 'unexpected EOF while parsing',
]);
const MAX_BRACKETS = 200;

class Lexer {
  private readonly tokens: Token[] = [];
  private readonly indents: number[] = [0];
  /** Indentation measured with tab size 1, to detect inconsistent tabs and spaces. */
  private readonly altIndents: number[] = [0];
  private readonly brackets: Token[] = [];
  private atLineStart: boolean;
  private lineHasTokens = false;

  constructor(
    private readonly src: string,
    private pos: number,
    private readonly end: number,
    private line: number,
    private lineStart: number,
    private readonly region: boolean,
    private readonly trivia: boolean,
  ) {
    this.atLineStart = !region;
    // A byte-order mark at the start of a file is not part of the program.
    if (pos === 0 && src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): LexResult {
    for (;;) {
      if (this.atLineStart) {
        this.atLineStart = false;
        this.indentation();
      }
      this.skipSpaces();
      if (this.pos >= this.end) break;
      this.next(this.src.charCodeAt(this.pos));
    }
    return this.finish();
  }

  private next(c: number): void {
    if (c === 35) return this.comment();
    if (c === 10 || c === 13) return this.newline();
    if (c === 92) return this.continuation();
    if (isAsciiIdStart(c) || (c >= 128 && this.nonAsciiIdStart())) return this.nameOrString();
    if ((c >= 48 && c <= 57) || (c === 46 && isDigitAt(this.src, this.pos + 1))) return this.number();
    if (c === 39 || c === 34) return this.string(this.pos);
    if (c >= 128 || (c < 32 && c !== 12 && c !== 9) || c === 127) return this.invalidChar();
    this.operator();
  }

  private skipSpaces(): void {
    const s = this.src;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 12) break;
      this.pos++;
    }
  }

  /** Measures a line's indentation; a line holding only a comment or nothing is ignored. */
  private indentation(): void {
    const start = this.pos;
    const { col, alt } = this.measureIndent();
    const c = this.pos < this.end ? this.src.charCodeAt(this.pos) : -1;
    if (c === 35 || c === 10 || c === 13 || c === -1) return;
    const top = this.indents.length - 1;
    if (col === this.indents[top]) {
      if (alt !== this.altIndents[top]) this.tabError();
    } else if (col > this.indents[top]) {
      if (alt <= this.altIndents[top]) return this.tabError();
      if (this.indents.length > MAX_INDENT) return this.indentError('too many levels of indentation', start);
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push('Indent', start, this.line, 0);
    } else {
      this.dedent(col, alt);
    }
  }

  /**
   * Reads leading whitespace: `col` with tabs to multiples of 8, `alt` with tabs as 1. As
   * in CPython 3.11, a backslash continuation inside it joins lines and counting goes on.
   */
  private measureIndent(): { col: number; alt: number } {
    const s = this.src;
    let col = 0;
    let alt = 0;
    for (; this.pos < this.end; this.pos++) {
      const c = s.charCodeAt(this.pos);
      if (c === 32) { col++; alt++; }
      else if (c === 9) { col = (Math.floor(col / 8) + 1) * 8; alt++; }
      else if (c === 12) { col = 0; alt = 0; }
      else if (c === 92 && this.continuesAt(this.pos + 1)) {
        this.pos += s.startsWith('\r\n', this.pos + 1) ? 2 : 1;
        this.line++;
        this.lineStart = this.pos + 1;
      } else break;
    }
    return { col, alt };
  }

  /** Whether a line break at `i` is followed by more input (a backslash before it joins lines). */
  private continuesAt(i: number): boolean {
    const c = i < this.end ? this.src.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13) return false;
    return i + (this.src.startsWith('\r\n', i) ? 2 : 1) < this.end;
  }

  private dedent(col: number, alt: number): void {
    let level = this.indents.length - 1;
    while (level > 0 && col < this.indents[level]) level--;
    // The error comes before the DEDENTs, as in CPython, so a parser meets it first.
    if (col !== this.indents[level]) {
      // CPython puts the caret at the end of the offending line.
      const eol = lineEnd(this.src, this.pos, this.end);
      this.errorAt('unindent does not match any outer indentation level', 'indentation',
        this.lineStart, this.pos, pointRange(this.line, eol - this.lineStart));
    } else if (alt !== this.altIndents[level]) {
      this.tabError();
    }
    while (this.indents.length - 1 > level) {
      this.indents.pop();
      this.altIndents.pop();
      this.push('Dedent', this.pos, this.line, this.pos - this.lineStart);
    }
  }

  private tabError(): void {
    this.errorAt('inconsistent use of tabs and spaces in indentation', 'tab',
      this.lineStart, this.pos, pointRange(this.line, 0));
  }

  private indentError(message: string, start: number): void {
    this.errorAt(message, 'indentation', start, this.pos, pointRange(this.line, this.pos - this.lineStart));
  }

  private comment(): void {
    const start = this.pos;
    this.pos = lineEnd(this.src, this.pos, this.end);
    if (this.trivia) this.push('Comment', start, this.line, start - this.lineStart);
    else this.commentStart = start;
  }

  /**
   * Without trivia (for the parser) a NEWLINE after a comment starts where the comment
   * does, as in CPython's tokenizer, so errors at the end of such a line match its columns.
   */
  private commentStart = -1;

  private newline(): void {
    const start = this.commentStart >= 0 ? this.commentStart : this.pos;
    this.commentStart = -1;
    const col = start - this.lineStart;
    this.pos += this.src.startsWith('\r\n', this.pos) ? 2 : 1;
    const logical = this.lineHasTokens && this.brackets.length === 0 && !this.region;
    if (logical || this.trivia) this.pushLine(logical ? 'Newline' : 'NL', start, col);
    this.line++;
    this.lineStart = this.pos;
    if (logical) this.lineHasTokens = false;
    if (this.brackets.length === 0 && !this.region) this.atLineStart = true;
  }

  /** A token ending in a line break: it ends on its own line, not the next. */
  private pushLine(kind: TokenKind, start: number, col: number): void {
    this.tokens.push({
      kind, text: this.src.slice(start, this.pos), start, end: this.pos,
      line: this.line, col, endLine: this.line, endCol: col + 1,
    });
  }

  private continuation(): void {
    const start = this.pos;
    this.pos++;
    // Inside brackets the end of input is blamed on the bracket instead.
    if (this.pos >= this.end && this.brackets.length) return;
    if (this.pos >= this.end) {
      this.errorAt('unexpected EOF while parsing', 'syntax', start, this.pos,
        pointRange(this.line, this.pos - this.lineStart));
      return;
    }
    const c = this.src.charCodeAt(this.pos);
    if (c !== 10 && c !== 13) {
      this.errorAt('unexpected character after line continuation character', 'syntax', start, this.pos,
        pointRange(this.line, this.pos - this.lineStart));
      return;
    }
    const breakAt = this.pos;
    this.pos += this.src.startsWith('\r\n', this.pos) ? 2 : 1;
    if (this.pos >= this.end && !this.region && !this.brackets.length) {
      this.errorAt('unexpected EOF while parsing', 'syntax', start, this.pos,
        pointRange(this.line, breakAt - this.lineStart));
      return;
    }
    this.line++;
    this.lineStart = this.pos;
  }

  private nameOrString(): void {
    const start = this.pos;
    const s = this.src;
    let ascii = true;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) this.pos++;
      else if (c >= 128 && isIdContinue(s.codePointAt(this.pos) ?? 0)) {
        ascii = false;
        this.pos += (s.codePointAt(this.pos) ?? 0) > 0xffff ? 2 : 1;
      } else break;
    }
    const q = this.pos < this.end ? s.charCodeAt(this.pos) : -1;
    if ((q === 39 || q === 34) && this.pos - start <= 2 && STRING_PREFIXES.has(s.slice(start, this.pos).toLowerCase())) {
      return this.string(start);
    }
    const text = s.slice(start, this.pos);
    this.push(ascii && KEYWORDS.has(text) ? 'Keyword' : 'Name', start, this.line, start - this.lineStart);
  }

  private nonAsciiIdStart(): boolean {
    return isIdStart(this.src.codePointAt(this.pos) ?? 0);
  }

  private number(): void {
    const start = this.pos;
    const r = scanNumber(this.src, start, this.end);
    this.pos = r.end;
    if (!r.error) return this.push('Number', start, this.line, start - this.lineStart);
    const col = r.error.at - this.lineStart;
    const endCol = r.error.endAt !== undefined ? r.error.endAt - this.lineStart : col + 1;
    // Resume after the whole malformed literal, so one typo yields one error token.
    while (this.pos < this.end && /[\w.]/.test(this.src[this.pos])) this.pos++;
    this.errorAt(r.error.message, 'syntax', start, this.pos, { line: this.line, col, endLine: this.line, endCol });
  }

  /** Scans a string literal whose prefix starts at `start` and whose quote is at `this.pos`. */
  /** A string literal whose prefix starts at `start` and whose quote is at the cursor. */
  private string(start: number): void {
    const startLine = this.line;
    const startCol = start - this.lineStart;
    const r = scanString(this.src, this.pos, this.end);
    this.pos = r.end;
    this.line += r.breaks;
    if (r.breaks) this.lineStart = r.lastLineStart;
    if (r.terminated) return this.push('String', start, startLine, startCol);
    // CPython names the line of the last character it read (not an empty line after it).
    const endsInBreak = this.pos >= this.end && r.breaks > 0 && this.lineStart === this.end;
    const detected = endsInBreak ? this.line - 1 : this.line;
    const what = r.triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
    this.errorFrom(`${what} (detected at line ${detected})`, 'syntax', start, startLine, startCol, pointRange(startLine, startCol));
  }

  private invalidChar(): void {
    const start = this.pos;
    const cp = this.src.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    this.errorAt(invalidCharMessage(cp), 'syntax', start, this.pos);
  }

  private operator(): void {
    const s = this.src;
    const start = this.pos;
    const op = operatorLength(s, start, this.end);
    this.pos += op;
    const text = s.slice(start, this.pos);
    const col = start - this.lineStart;
    if (op === 1 && !OPS1.has(text)) {
      // `$`, `?`, `!` and backquote are tokens CPython's grammar never accepts.
      return this.push('Op', start, this.line, col);
    }
    if (text === '(' || text === '[' || text === '{') return this.open(start, col);
    if (text === ')' || text === ']' || text === '}') return this.close(text, start, col);
    this.push('Op', start, this.line, col);
  }

  private open(start: number, col: number): void {
    if (this.brackets.length >= MAX_BRACKETS) {
      return this.errorAt('too many nested parentheses', 'syntax', start, this.pos);
    }
    this.push('Op', start, this.line, col);
    this.brackets.push(this.tokens[this.tokens.length - 1]);
  }

  private close(text: string, start: number, col: number): void {
    const open = this.brackets.pop();
    if (!open) return this.errorAt(`unmatched '${text}'`, 'syntax', start, this.pos);
    if (open.text !== CLOSER[text]) {
      const where = open.line === this.line ? '' : ` on line ${open.line}`;
      return this.errorAt(`closing parenthesis '${text}' does not match opening parenthesis '${open.text}'${where}`,
        'syntax', start, this.pos);
    }
    this.push('Op', start, this.line, col);
  }

  private finish(): LexResult {
    const unclosed = this.brackets.length ? this.brackets[this.brackets.length - 1] : null;
    if (!unclosed && !this.region) {
      if (this.lineHasTokens) {
        const at = this.commentStart >= 0 ? this.commentStart : this.pos;
        this.tokens.push({ kind: 'Newline', text: '', start: at, end: at, line: this.line, col: at - this.lineStart, endLine: this.line, endCol: at - this.lineStart });
      }
      while (this.indents.length > 1) {
        this.indents.pop();
        this.push('Dedent', this.pos, this.line, this.pos - this.lineStart);
      }
    }
    this.push('EndMarker', this.pos, this.line, this.pos - this.lineStart);
    return { tokens: this.tokens, unclosed };
  }

  /** Pushes a token from `start` (at `line`/`col`) to the cursor. */
  private push(kind: TokenKind, start: number, line: number, col: number): void {
    if (kind !== 'Newline' && kind !== 'NL' && kind !== 'Comment' && kind !== 'Dedent' && kind !== 'EndMarker') {
      this.lineHasTokens = true;
    }
    this.tokens.push({
      kind, text: this.src.slice(start, this.pos), start, end: this.pos,
      line, col, endLine: this.line, endCol: this.pos - this.lineStart,
    });
  }

  private errorAt(message: string, errorKind: SyntaxErrorKind, start: number, end: number, errorRange?: Range): void {
    this.pos = Math.max(this.pos, end);
    this.errorFrom(message, errorKind, start, this.line, start - this.lineStart, errorRange);
  }

  private errorFrom(message: string, errorKind: SyntaxErrorKind, start: number, line: number, col: number, errorRange?: Range): void {
    this.lineHasTokens = true;
    this.tokens.push({
      kind: 'Error', text: this.src.slice(start, this.pos), start, end: this.pos,
      line, col, endLine: this.line, endCol: this.pos - this.lineStart,
      message, errorKind, errorRange, deferred: DEFERRED.has(message) || undefined,
    });
  }
}

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function lineEnd(s: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

function pointRange(line: number, col: number): Range {
  return { line, col, endLine: line, endCol: col + 1 };
}
