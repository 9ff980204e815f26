// Decoding of string and bytes literal bodies: escape sequences and newline normalisation.

import type { SyntaxErrorKind } from './tokens';

/** Reports an error at source offsets [start, end). */
export type DecodeFail = (message: string, start: number, end: number, kind?: SyntaxErrorKind) => never;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

const isOctal = (c: string): boolean => c >= '0' && c <= '7';
const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);

/**
 * Decodes `src[start, end)`, the body of a str literal (or a literal part of an f-string).
 * Line breaks become '\n', as when Python reads a source file.
 */
export function decodeStr(src: string, start: number, end: number, raw: boolean, fail: DecodeFail): string {
  const body = src.slice(start, end);
  if (raw || body.indexOf('\\') < 0) return normaliseBreaks(body);
  let out = '';
  let i = 0;
  while (i < body.length) {
    const bs = body.indexOf('\\', i);
    if (bs < 0 || bs === body.length - 1) {
      out += normaliseBreaks(body.slice(i));
      break;
    }
    out += normaliseBreaks(body.slice(i, bs));
    const [text, next] = strEscape(body, bs, start, fail);
    out += text;
    i = next;
  }
  return out;
}

/** One escape at `body[bs]` (a backslash): its text and the index after it. */
function strEscape(body: string, bs: number, base: number, fail: DecodeFail): [string, number] {
  const c = body[bs + 1];
  if (c === '\n') return ['', bs + 2];
  if (c === '\r') return ['', body[bs + 2] === '\n' ? bs + 3 : bs + 2];
  if (c in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[c], bs + 2];
  if (isOctal(c)) return octal(body, bs, (v) => String.fromCodePoint(v));
  const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (width) {
    const digits = hexRun(body, bs + 2, width);
    const what = c === 'x' ? '\\xXX' : c === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
    if (digits.length < width) {
      unicodeError(body, bs, bs + 2 + digits.length, `truncated ${what} escape`, base, fail);
    }
    const v = parseInt(digits, 16);
    if (v > 0x10ffff) unicodeError(body, bs, bs + 2 + width, 'illegal Unicode character', base, fail);
    return [String.fromCodePoint(v), bs + 2 + width];
  }
  if (c === 'N') {
    const close = body[bs + 2] === '{' ? body.indexOf('}', bs + 3) : -1;
    const end = close < 0 ? bs + 2 : close + 1;
    return fail('\\N{...} escapes are not supported', base + bs, base + end, 'unsupported');
  }
  // An unknown escape keeps its backslash (CPython only warns).
  return ['\\', bs + 1];
}

function octal(body: string, bs: number, make: (v: number) => string): [string, number] {
  let j = bs + 1;
  let v = 0;
  while (j < body.length && j < bs + 4 && isOctal(body[j])) v = v * 8 + Number(body[j++]);
  return [make(v), j];
}

function hexRun(body: string, from: number, width: number): string {
  let j = from;
  while (j < body.length && j < from + width && isHex(body[j])) j++;
  return body.slice(from, j);
}

/**
 * CPython's message for a bad escape counts positions in its escaped UTF-8 buffer, where
 * each non-ASCII character has become a ten-byte `\UXXXXXXXX`.
 */
function unicodeError(body: string, from: number, to: number, why: string, base: number, fail: DecodeFail): never {
  const bytePos = (idx: number): number => {
    let n = 0;
    for (const ch of body.slice(0, idx)) n += ch.charCodeAt(0) < 128 ? 1 : 10;
    return n;
  };
  const s = bytePos(from);
  const e = bytePos(to) - 1;
  const where = e > s ? `bytes in position ${s}-${e}` : `byte 0x5c in position ${s}`;
  return fail(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${why}`, base + from, base + to);
}

/** Decodes `src[start, end)`, the body of a bytes literal; `tokenStart/End` bound the whole literal. */
export function decodeBytes(
  src: string, start: number, end: number, raw: boolean, fail: DecodeFail, tokenStart: number, tokenEnd: number,
): Uint8Array {
  // Line breaks are normalised while decoding, so offsets stay those of the source.
  const body = src.slice(start, end);
  for (let k = 0; k < body.length; k++) {
    if (body.charCodeAt(k) >= 128) fail('bytes can only contain ASCII literal characters', tokenStart, tokenEnd);
  }
  const out: number[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch !== '\\' || raw || i === body.length - 1) {
      if (ch === '\r') {
        out.push(10);
        i += body[i + 1] === '\n' ? 2 : 1;
      } else {
        out.push(body.charCodeAt(i++));
      }
      continue;
    }
    i = bytesEscape(body, i, out, start, fail);
  }
  return Uint8Array.from(out);
}

function bytesEscape(body: string, bs: number, out: number[], base: number, fail: DecodeFail): number {
  const c = body[bs + 1];
  if (c === '\n') return bs + 2;
  if (c === '\r') return body[bs + 2] === '\n' ? bs + 3 : bs + 2;
  if (c in SIMPLE_ESCAPES) {
    out.push(SIMPLE_ESCAPES[c].charCodeAt(0));
    return bs + 2;
  }
  if (isOctal(c)) {
    const [text, next] = octal(body, bs, (v) => String.fromCharCode(v & 0xff));
    out.push(text.charCodeAt(0));
    return next;
  }
  if (c === 'x') {
    const digits = hexRun(body, bs + 2, 2);
    if (digits.length < 2) fail(`(value error) invalid \\x escape at position ${bs}`, base + bs, base + bs + 2 + digits.length);
    out.push(parseInt(digits, 16));
    return bs + 4;
  }
  out.push(92);
  return bs + 1;
}

function normaliseBreaks(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}
