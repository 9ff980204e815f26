// Character-level scanning for the lexer: number literals (with CPython's tokenizer rules
// and error positions), operators, identifier characters and invalid characters.

/** A number literal's extent, or CPython's error for it (with its caret offset). */
export interface NumberScan {
  readonly end: number;
  readonly error?: { readonly message: string; readonly at: number; readonly endAt?: number };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isOct = (c: number): boolean => c >= 48 && c <= 55;
const isBin = (c: number): boolean => c === 48 || c === 49;

/** CPython's `is_potential_identifier_char`: what may not directly follow a number. */
export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || isDigit(c) || c >= 128;
}

/**
 * Scans a number starting at `pos` (a digit, or '.' before a digit). Error offsets follow
 * CPython, whose tokenizer reports the last character it consumed before giving up.
 */
export function scanNumber(src: string, pos: number, end: number): NumberScan {
  const s = new Scanner(src, pos, end);
  try {
    s.number();
    return { end: s.pos };
  } catch (e) {
    if (e instanceof NumberError) return { end: Math.max(s.pos, pos + 1), error: e.info };
    throw e;
  }
}

class NumberError {
  constructor(readonly info: { message: string; at: number; endAt?: number }) {}
}

class Scanner {
  constructor(readonly src: string, public pos: number, readonly end: number) {}

  private at(i = this.pos): number {
    return i < this.end ? this.src.charCodeAt(i) : -1;
  }

  /** Fails pointing at the character before the cursor, as CPython's `syntaxerror` does. */
  private fail(message: string, at = this.pos - 1): never {
    throw new NumberError({ message, at });
  }

  number(): void {
    const start = this.pos;
    if (this.at() === 46) return this.fraction();
    if (this.at() === 48) {
      const k = this.at(this.pos + 1) | 32;
      if (k === 120) return this.radix(isHex, 'hexadecimal');
      if (k === 111) return this.radix(isOct, 'octal');
      if (k === 98) return this.radix(isBin, 'binary');
      return this.zeros(start);
    }
    this.decimalTail();
    this.afterInteger();
  }

  /** `0x…`, `0o…`, `0b…`: one or more digits, single underscores between them. */
  private radix(ok: (c: number) => boolean, name: string): void {
    this.pos += 2;
    do {
      if (this.at() === 95) this.pos++;
      const c = this.at();
      if (!ok(c)) {
        if (name !== 'hexadecimal' && isDigit(c)) this.badDigit(name);
        this.fail(`invalid ${name} literal`);
      }
      while (ok(this.at())) this.pos++;
    } while (this.at() === 95);
    if (name !== 'hexadecimal' && isDigit(this.at())) this.badDigit(name);
    this.endOfNumber(name);
  }

  private badDigit(name: string): never {
    this.pos++;
    this.fail(`invalid digit '${this.src[this.pos - 1]}' in ${name} literal`);
  }

  /** A literal starting with 0: zeros, or a float, or an (illegal) old-style octal. */
  private zeros(start: number): void {
    this.pos++;
    for (;;) {
      if (this.at() === 95) {
        this.pos++;
        if (!isDigit(this.at())) this.fail('invalid decimal literal');
      }
      if (this.at() !== 48) break;
      this.pos++;
    }
    const zerosEnd = this.pos;
    let nonzero = false;
    if (isDigit(this.at())) {
      nonzero = true;
      this.decimalTail();
    }
    const c = this.at();
    if (c === 46 || c === 101 || c === 69 || c === 106 || c === 74) return this.afterInteger();
    if (nonzero) {
      throw new NumberError({
        message: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        at: start,
        endAt: zerosEnd,
      });
    }
    this.endOfNumber('decimal');
  }

  /** Digits with single underscores between them (the cursor is on a digit). */
  private decimalTail(): void {
    for (;;) {
      while (isDigit(this.at())) this.pos++;
      if (this.at() !== 95) return;
      this.pos++;
      if (!isDigit(this.at())) this.fail('invalid decimal literal');
    }
  }

  private afterInteger(): void {
    if (this.at() === 46) return this.fraction();
    this.exponentAndSuffix();
  }

  private fraction(): void {
    this.pos++;
    if (isDigit(this.at())) this.decimalTail();
    this.exponentAndSuffix();
  }

  private exponentAndSuffix(): void {
    const e = this.at();
    if (e === 101 || e === 69) {
      const ePos = this.pos;
      this.pos++;
      let c = this.at();
      if (c === 43 || c === 45) {
        this.pos++;
        c = this.at();
        if (!isDigit(c)) this.fail('invalid decimal literal');
      } else if (!isDigit(c)) {
        // `1else`: the 'e' starts a keyword, and the number ends before it.
        this.pos = ePos;
        return this.endOfNumber('decimal');
      }
      this.decimalTail();
    }
    const j = this.at();
    if (j === 106 || j === 74) {
      this.pos++;
      return this.endOfNumber('imaginary');
    }
    this.endOfNumber('decimal');
  }

  /**
   * A number may be followed directly by a keyword that can follow it in valid code
   * (`1if x else 2`, which CPython only warns about); any other identifier character
   * makes it invalid.
   */
  private endOfNumber(kind: string): void {
    const c = this.at();
    if (!isIdentChar(c)) return;
    if (this.keywordFollows()) return;
    this.fail(`invalid ${kind} literal`);
  }

  private keywordFollows(): boolean {
    const c = this.at();
    if (c === 105) {
      const n = this.at(this.pos + 1);
      return n === 102 || n === 110 || n === 115;
    }
    for (const kw of ['and', 'else', 'for', 'or', 'not']) {
      if (this.src.startsWith(kw, this.pos) && this.pos + kw.length <= this.end && !isIdentChar(this.at(this.pos + kw.length))) return true;
    }
    return false;
  }
}

/** The length of the operator at `pos`: the longest of OPERATORS that matches, else 1. */
export function operatorLength(s: string, pos: number, end: number): number {
  const c = s[pos];
  const c2 = pos + 1 < end ? s[pos + 1] : '';
  const c3 = pos + 2 < end ? s[pos + 2] : '';
  if (c === '.') return c2 === '.' && c3 === '.' ? 3 : 1;
  if (c2 === c && '*/<>'.includes(c)) return c3 === '=' ? 3 : 2;
  if (c2 === '=' && '+-*/%&|^@<>=!:'.includes(c)) return 2;
  return c === '-' && c2 === '>' ? 2 : 1;
}

const ID_START = /[\p{ID_Start}_]/u;
// Python's XID_Continue adds a few characters to Unicode's ID_Continue.
const ID_CONTINUE = /[\p{ID_Continue}\u00b7\u0387\u1369-\u1371\u19da]/u;
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Whether a (non-ASCII) code point may start an identifier. */
export function isIdStart(cp: number): boolean {
  return ID_START.test(String.fromCodePoint(cp));
}

/** Whether a (non-ASCII) code point may continue an identifier. */
export function isIdContinue(cp: number): boolean {
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** CPython's message for a character that cannot appear outside a string. */
export function invalidCharMessage(cp: number): string {
  if (cp === 0) return 'source code cannot contain null bytes';
  const ch = String.fromCodePoint(cp);
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return NON_PRINTABLE.test(ch) ? `invalid non-printable character U+${hex}` : `invalid character '${ch}' (U+${hex})`;
}

/** A string literal's extent and the line breaks inside it. */
export interface StringScan {
  readonly end: number;
  readonly terminated: boolean;
  readonly triple: boolean;
  readonly breaks: number;
  /** Offset of the start of the literal's last line, when it has line breaks. */
  readonly lastLineStart: number;
}

/**
 * Scans a string literal from its opening quote at `pos`. Backslashes escape the next
 * character (a line break too); an unterminated single-quoted string stops at the end of
 * its line, a triple-quoted one at the end of input.
 */
export function scanString(s: string, pos: number, end: number): StringScan {
  const quote = s.charCodeAt(pos);
  const closes = (i: number): boolean => s.charCodeAt(i) === quote && s.charCodeAt(i + 1) === quote && s.charCodeAt(i + 2) === quote && i + 2 < end;
  const triple = closes(pos);
  let i = pos + (triple ? 3 : 1);
  let breaks = 0;
  let lastLineStart = -1;
  const lineBreak = (): void => {
    i += s.startsWith('\r\n', i) ? 2 : 1;
    breaks++;
    lastLineStart = i;
  };
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === quote && (!triple || closes(i))) {
      return { end: i + (triple ? 3 : 1), terminated: true, triple, breaks, lastLineStart };
    }
    if (c === 92 && i + 1 < end) {
      i++;
      const e = s.charCodeAt(i);
      if (e === 10 || e === 13) lineBreak();
      else i++;
    } else if (c === 10 || c === 13) {
      if (!triple) break;
      lineBreak();
    } else {
      i++;
    }
  }
  return { end: i, terminated: false, triple, breaks, lastLineStart };
}
