// Python's view of strings: code-point indices over JS's UTF-16, and Unicode character
// classes as CPython defines them (str.isspace, str.splitlines, cased letters, …).

/** Whether a JS string holds surrogates, i.e. code points and UTF-16 units differ. */
export const hasSurrogates = (s: string): boolean => /[\uD800-\uDFFF]/.test(s);

/** The code points of s as one-character strings. */
export const codePoints = (s: string): string[] => [...s];

/** UTF-16 offset of code point `cp` in s (cp within [0, len]). */
export function unitOffset(s: string, cp: number): number {
  if (!hasSurrogates(s)) return cp;
  let u = 0;
  for (let i = 0; i < cp && u < s.length; i++) u += (s.codePointAt(u)! > 0xffff ? 2 : 1);
  return u;
}

/** Code point index of UTF-16 offset `u` in s. */
export function cpOffset(s: string, u: number): number {
  if (u <= 0 || !hasSurrogates(s)) return u;
  let cp = 0;
  for (let i = 0; i < u; i += (s.codePointAt(i)! > 0xffff ? 2 : 1)) cp++;
  return cp;
}

/** Characters str.isspace() accepts (and str.split()/strip() without arguments remove). */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RE = new RegExp(`[${PY_SPACE}]`);
export const isSpaceChar = (c: string): boolean => SPACE_RE.test(c);

/** Line boundaries of str.splitlines(). */
export const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

const CASED = /[\p{Lowercase}\p{Uppercase}\p{Lt}]/u;
const LOWER = /[\p{Lowercase}]/u;
const UPPER = /[\p{Uppercase}]/u;
const TITLE = /\p{Lt}/u;
export const isCased = (c: string): boolean => CASED.test(c);
export const isLowerChar = (c: string): boolean => LOWER.test(c);
export const isUpperChar = (c: string): boolean => UPPER.test(c);
export const isTitleChar = (c: string): boolean => TITLE.test(c);

/**
 * Title case of one character: upper case, except the Latin digraphs that have their own
 * title form and ß and the ligatures, whose title form capitalises only the first letter.
 */
export function titleChar(c: string): string {
  const code = c.codePointAt(0)!;
  if (code >= 0x1c4 && code <= 0x1cc) return String.fromCodePoint(0x1c5 + 3 * Math.floor((code - 0x1c4) / 3));
  if (code >= 0x1f1 && code <= 0x1f3) return '\u01f2';
  const up = c.toUpperCase();
  if (code === 0xdf || code === 0x587 || (code >= 0xfb00 && code <= 0xfb17)) return up[0] + up.slice(1).toLowerCase();
  return up;
}

const DECIMAL = /^\p{Nd}$/u;
// Digits that are not decimal: superscripts, subscripts, circled and dingbat digits.
const OTHER_DIGIT = /^[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u1369-\u1371\u19da]$/u;
// Numeric characters outside the N categories: CJK numerals.
const HAN_NUMERIC = /^[\u3007\u4e00\u4e03\u4e07\u4e09\u4e5d\u4e8c\u4e94\u4e96\u4ebf\u4ec0\u516b\u516d\u5341\u5343\u5344\u5345\u56db\u58f1\u58f9\u5e7a\u5efe\u5eff\u5f0c\u5f0d\u5f0e\u5f10\u62fe\u634c\u67d2\u6f06\u7396\u767e\u8086\u842c\u8cae\u8cb3\u8d30\u9621\u9646\u96f6\u9678\u5146\u4ebf\u5104]$/u;
export const isDecimalChar = (c: string): boolean => DECIMAL.test(c);
export const isDigitChar = (c: string): boolean => DECIMAL.test(c) || OTHER_DIGIT.test(c);
export const isNumericChar = (c: string): boolean => /^\p{N}$/u.test(c) || HAN_NUMERIC.test(c);
export const isAlphaChar = (c: string): boolean => /^\p{L}$/u.test(c);

/** ascii(): non-ASCII characters as \xhh, \uhhhh or \Uhhhhhhhh escapes. */
export function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

/** str.isprintable() for one character: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (space excepted). */
export const isPrintableChar = (c: string): boolean => c === ' ' || !/^[\p{C}\p{Z}]$/u.test(c);
