// str.encode and bytes.decode for the codecs scripts use (utf-8, ascii, latin-1), with
// CPython's error handlers (strict, ignore, replace) and error messages.
import { pyErr } from './pyerrors';
import { asciiEscape, codePoints } from './unicode';

export type Codec = 'utf-8' | 'ascii' | 'latin-1';

/** The codec a Python encoding name stands for. */
export function codec(name: string): Codec {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (['utf-8', 'utf8', 'u8', 'utf'].includes(n)) return 'utf-8';
  if (['ascii', 'us-ascii', '646'].includes(n)) return 'ascii';
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'latin'].includes(n)) return 'latin-1';
  throw pyErr('LookupError', `unknown encoding: ${name}`);
}


function utf8(c: number, out: number[]): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
}

/** str.encode(encoding, errors). */
export function encode(s: string, encoding: string, errors: string): Uint8Array {
  const cd = codec(encoding);
  const limit = cd === 'ascii' ? 0x80 : cd === 'latin-1' ? 0x100 : 0x110000;
  const out: number[] = [];
  codePoints(s).forEach((ch, pos) => {
    const c = ch.codePointAt(0)!;
    const lone = c >= 0xd800 && c <= 0xdfff;
    if (c < limit && !lone) { if (cd === 'utf-8') utf8(c, out); else out.push(c); return; }
    if (errors === 'ignore') return;
    if (errors === 'replace') { out.push(0x3f); return; }
    const why = lone && cd === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
    throw pyErr('UnicodeEncodeError', `'${cd}' codec can't encode character '${asciiEscape(ch)}' in position ${pos}: ${why}`);
  });
  return Uint8Array.from(out);
}

/** Valid range of the second byte of a UTF-8 sequence, by its first byte. */
function secondRange(b: number): [number, number] {
  if (b === 0xe0) return [0xa0, 0xbf];
  if (b === 0xed) return [0x80, 0x9f];
  if (b === 0xf0) return [0x90, 0xbf];
  if (b === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

interface Step { code: number; size: number; error: string | null }

/** Decodes one UTF-8 sequence at i: a code point, or an error covering `size` bytes. */
function utf8Step(b: Uint8Array, i: number): Step {
  const c = b[i];
  if (c < 0x80) return { code: c, size: 1, error: null };
  const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
  if (need < 0) return { code: 0, size: 1, error: 'invalid start byte' };
  let code = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return { code: 0, size: k, error: 'unexpected end of data' };
    const [lo, hi] = k === 1 ? secondRange(c) : [0x80, 0xbf];
    const x = b[i + k];
    if (x < lo || x > hi) return { code: 0, size: k, error: 'invalid continuation byte' };
    code = (code << 6) | (x & 63);
  }
  return { code, size: need + 1, error: null };
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

function decodeError(cd: Codec, b: Uint8Array, start: number, size: number, why: string): never {
  const where = size === 1 ? `byte 0x${hex2(b[start])} in position ${start}` : `bytes in position ${start}-${start + size - 1}`;
  throw pyErr('UnicodeDecodeError', `'${cd}' codec can't decode ${where}: ${why}`);
}

/** bytes.decode(encoding, errors). */
export function decode(b: Uint8Array, encoding: string, errors: string): string {
  const cd = codec(encoding);
  let out = '';
  for (let i = 0; i < b.length;) {
    let step: Step;
    if (cd === 'utf-8') step = utf8Step(b, i);
    else step = cd === 'ascii' && b[i] >= 0x80 ? { code: 0, size: 1, error: 'ordinal not in range(128)' } : { code: b[i], size: 1, error: null };
    if (step.error === null) out += String.fromCodePoint(step.code);
    else if (errors === 'replace') out += '\ufffd';
    else if (errors !== 'ignore') decodeError(cd, b, i, step.size, step.error);
    i += step.size;
  }
  return out;
}
