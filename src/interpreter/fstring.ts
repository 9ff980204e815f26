// Adjacent string literals: concatenation, decoding, and f-strings split into literal text
// and replacement fields (`{expr!r:spec}`), with CPython 3.11's rules and messages.

import type { Constant, Expr, FormattedValue, JoinedStr } from './ast';
import { decodeBytes, decodeStr } from './string_decode';
import type { Range, SyntaxErrorKind, Token } from './tokens';

/** What the string parser needs from the parser that owns it. */
export interface StringHost {
  readonly source: string;
  fail(message: string, range: Range, kind?: SyntaxErrorKind): never;
  /** Parses `source[start, end)` as a replacement field's expression. */
  fieldExpression(start: number, end: number, line: number, lineStart: number): Expr;
}

interface Literal {
  readonly token: Token;
  readonly prefix: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** Turns a run of adjacent STRING tokens into a Constant (str or bytes) or a JoinedStr. */
export function concatStrings(tokens: readonly Token[], host: StringHost): Constant | JoinedStr {
  const lits = tokens.map(literalOf);
  if (lits.length === 1 && !lits[0].prefix) {
    const value = decode(host, tokens[0], lits[0].bodyStart, lits[0].bodyEnd, false);
    return { kind: 'Constant', value, range: { line: tokens[0].line, col: tokens[0].col, endLine: tokens[0].endLine, endCol: tokens[0].endCol } };
  }
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const range = { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
  const bytes = lits.map((l) => l.prefix.includes('b'));
  if (bytes.some((b) => b !== bytes[0])) host.fail('cannot mix bytes and nonbytes literals', range);
  if (bytes[0]) return { kind: 'Constant', value: joinBytes(lits, host), range };
  if (!lits.some((l) => l.prefix.includes('f'))) {
    const value = lits.map((l) => decode(host, l.token, l.bodyStart, l.bodyEnd, l.prefix.includes('r'))).join('');
    return { kind: 'Constant', value, range };
  }
  const out = new PartBuilder(host);
  for (const lit of lits) {
    const raw = lit.prefix.includes('r');
    if (lit.prefix.includes('f')) {
      new FStringParser(host, lit.token, raw, lit.bodyEnd).parts(lit.bodyStart, 0, out);
    } else {
      out.literal(decode(host, lit.token, lit.bodyStart, lit.bodyEnd, raw), lit.token, lit.bodyStart, lit.bodyEnd);
    }
  }
  out.flush();
  return { kind: 'JoinedStr', values: out.values, range };
}

function literalOf(token: Token): Literal {
  const text = token.text;
  let q = 0;
  while (text[q] !== '"' && text[q] !== "'") q++;
  const triple = text.length >= q + 6 && text[q + 1] === text[q] && text[q + 2] === text[q];
  const ql = triple ? 3 : 1;
  return {
    token,
    prefix: text.slice(0, q).toLowerCase(),
    bodyStart: token.start + q + ql,
    bodyEnd: token.end - ql,
  };
}

function decode(host: StringHost, token: Token, start: number, end: number, raw: boolean): string {
  return decodeStr(host.source, start, end, raw, (m, a, b, kind) => host.fail(m, locate(host.source, token, a, b), kind));
}

function joinBytes(lits: Literal[], host: StringHost): Uint8Array {
  const parts = lits.map((l) => decodeBytes(host.source, l.bodyStart, l.bodyEnd, l.prefix.includes('r'),
    (m, a, b, kind) => host.fail(m, locate(host.source, l.token, a, b), kind), l.token.start, l.token.end));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The range of source offsets [a, b) inside `token`. */
function locate(source: string, token: Token, a: number, b: number): Range {
  const start = position(source, token, a);
  const end = position(source, token, b);
  return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
}

function position(source: string, token: Token, offset: number): { line: number; col: number; lineStart: number } {
  let line = token.line;
  let lineStart = token.start - token.col;
  for (let i = token.start; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart, lineStart };
}

/** Collects JoinedStr parts, merging adjacent literal text as CPython does. */
class PartBuilder {
  readonly values: (Constant | FormattedValue)[] = [];
  private text = '';
  private start: { token: Token; offset: number } | null = null;
  private end: { token: Token; offset: number } | null = null;

  constructor(private readonly host: StringHost) {}

  literal(text: string, token: Token, start: number, end: number): void {
    if (!text) return;
    if (!this.start) this.start = { token, offset: start };
    this.end = { token, offset: end };
    this.text += text;
  }

  field(value: FormattedValue): void {
    this.flush();
    this.values.push(value);
  }

  flush(): void {
    if (!this.start || !this.end) return;
    const src = this.host.source;
    const a = locate(src, this.start.token, this.start.offset, this.start.offset);
    const b = locate(src, this.end.token, this.end.offset, this.end.offset);
    this.values.push({ kind: 'Constant', value: this.text, range: { line: a.line, col: a.col, endLine: b.line, endCol: b.col } });
    this.text = '';
    this.start = this.end = null;
  }
}

const SPACE = /[ \t\n\r\v\f]/;
const OPENERS = '([{';
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** One f-string literal's body, parsed into a PartBuilder (recursively for format specs). */
class FStringParser {
  private readonly src: string;

  constructor(private readonly host: StringHost, private readonly token: Token, private readonly raw: boolean, private readonly end: number) {
    this.src = host.source;
  }

  private fail(message: string, a: number, b = a + 1): never {
    return this.host.fail(message, locate(this.src, this.token, a, Math.min(b, this.token.end)));
  }

  /** Literal text and fields from `pos`; inside a format spec (`recurse` > 0) stops at '}'. */
  parts(pos: number, recurse: number, out: PartBuilder): number {
    while (pos < this.end) {
      pos = this.literal(pos, recurse, out);
      if (pos >= this.end || this.src[pos] === '}') break;
      pos = this.field(pos, recurse, out);
    }
    return pos;
  }

  /** Literal text up to a field, the end of a spec, or the end; `{{` and `}}` give one brace. */
  private literal(pos: number, recurse: number, out: PartBuilder): number {
    const s = this.src;
    let start = pos;
    while (pos < this.end) {
      const ch = s[pos];
      if (!this.raw && ch === '\\' && pos + 1 < this.end) {
        // `\N{...}` is skipped whole; after any other backslash a brace still counts
        // (`\{x}` is a backslash and a field), as in CPython 3.11.
        const close = s[pos + 1] === 'N' && s[pos + 2] === '{' ? s.indexOf('}', pos + 3) : -1;
        pos = close >= 0 && close < this.end ? close + 1 : s[pos + 1] === '{' || s[pos + 1] === '}' ? pos + 1 : pos + 2;
        continue;
      }
      if (ch !== '{' && ch !== '}') {
        pos++;
        continue;
      }
      if (recurse === 0 && s[pos + 1] === ch && pos + 1 < this.end) {
        this.addLiteral(start, pos + 1, out);
        pos += 2;
        start = pos;
        continue;
      }
      if (recurse === 0 && ch === '}') this.fail("f-string: single '}' is not allowed", pos);
      break;
    }
    if (pos > start) this.addLiteral(start, pos, out);
    return pos;
  }

  private addLiteral(a: number, b: number, out: PartBuilder): void {
    out.literal(decode(this.host, this.token, a, b, this.raw), this.token, a, b);
  }

  /** A replacement field starting at the '{' at `open`; returns the offset after its '}'. */
  private field(open: number, recurse: number, out: PartBuilder): number {
    if (recurse >= 2) this.fail('f-string: expressions nested too deeply', open);
    const exprStart = open + 1;
    const exprEnd = this.expressionEnd(exprStart);
    const stop = this.src[exprEnd];
    if (!this.src.slice(exprStart, exprEnd).trim()) {
      if (stop === '}') this.fail('f-string: empty expression not allowed', open, exprEnd + 1);
      this.fail(`f-string: expression required before '${stop}'`, exprEnd);
    }
    const at = position(this.src, this.token, exprStart);
    const value = this.host.fieldExpression(exprStart, exprEnd, at.line, at.lineStart);
    let p = exprEnd;
    let debugText: string | null = null;
    if (this.src[p] === '=') {
      p++;
      while (p < this.end && SPACE.test(this.src[p])) p++;
      if (p >= this.end) this.expectingBrace(p);
      debugText = this.src.slice(exprStart, p).replace(/\r\n?/g, '\n');
    }
    let conversion: FormattedValue['conversion'] = null;
    if (this.src[p] === '!') {
      p++;
      if (p >= this.end) this.expectingBrace(p);
      const c = this.src[p++];
      if (c !== 's' && c !== 'r' && c !== 'a') {
        this.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'", p - 1);
      }
      conversion = c;
    }
    let formatSpec: JoinedStr | null = null;
    if (p < this.end && this.src[p] === ':') {
      p++;
      if (p >= this.end) this.expectingBrace(p);
      const spec = new PartBuilder(this.host);
      const specStart = p;
      p = this.parts(p, recurse + 1, spec);
      spec.flush();
      formatSpec = { kind: 'JoinedStr', values: spec.values, range: locate(this.src, this.token, specStart, p) };
    }
    if (p >= this.end || this.src[p] !== '}') this.expectingBrace(p);
    p++;
    if (debugText !== null) {
      out.literal(debugText, this.token, exprStart, exprStart + debugText.length);
      if (!formatSpec && !conversion) conversion = 'r';
    }
    out.field({ kind: 'FormattedValue', value, conversion, formatSpec, range: locate(this.src, this.token, open, p) });
    return p;
  }

  private expectingBrace(p: number): never {
    return this.fail("f-string: expecting '}'", Math.min(p, this.end));
  }

  /**
   * Finds where a field's expression ends: at a top-level '!', ':', '=' or '}' that is not
   * part of '!=', '==', '<=' or '>='. Strings and brackets inside are skipped over.
   */
  private expressionEnd(pos: number): number {
    const s = this.src;
    const stack: { ch: string; at: number }[] = [];
    let quote = '';
    let quoteAt = 0;
    let triple = false;
    for (; pos < this.end; pos++) {
      const ch = s[pos];
      if (ch === '\\') this.fail('f-string expression part cannot include a backslash', pos);
      if (quote) {
        if (ch === quote && (!triple || (s[pos + 1] === quote && s[pos + 2] === quote))) {
          if (triple) pos += 2;
          quote = '';
        }
        continue;
      }
      if (ch === "'" || ch === '"') {
        triple = s[pos + 1] === ch && s[pos + 2] === ch && pos + 2 < this.end;
        quote = ch;
        quoteAt = pos;
        if (triple) pos += 2;
        continue;
      }
      if (OPENERS.includes(ch)) {
        if (stack.length >= 200) this.fail('f-string: too many nested parenthesis', pos);
        stack.push({ ch, at: pos });
        continue;
      }
      if (ch === '#') this.fail("f-string expression part cannot include '#'", pos);
      if (stack.length === 0 && '!:}=<>'.includes(ch)) {
        if (s[pos + 1] === '=' && '!=<>'.includes(ch) && pos + 1 < this.end) {
          pos++;
          continue;
        }
        if (ch === '<' || ch === '>') continue;
        break;
      }
      if (ch in CLOSERS) {
        const open = stack.pop();
        if (!open) this.fail(`f-string: unmatched '${ch}'`, pos);
        if (open.ch !== CLOSERS[ch]) {
          this.fail(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'`, pos);
        }
      }
    }
    if (quote) this.fail('f-string: unterminated string', quoteAt);
    if (stack.length) this.fail(`f-string: unmatched '${stack[stack.length - 1].ch}'`, stack[stack.length - 1].at);
    if (pos >= this.end) this.expectingBrace(pos);
    return pos;
  }
}
