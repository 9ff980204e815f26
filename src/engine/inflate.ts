// inflate: an RFC 1951 DEFLATE decoder — stored, fixed- and dynamic-Huffman blocks, table-driven.
import { valueError } from './errors';

/** Base match length of each length symbol 257..285 (RFC 1951 §3.2.5). */
export const LENGTH_BASE = Uint16Array.of(
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
/** Extra bits after each length symbol 257..285. */
export const LENGTH_EXTRA = Uint8Array.of(
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
/** Base distance of each distance symbol 0..29. */
export const DIST_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577);
/** Extra bits after each distance symbol 0..29. */
export const DIST_EXTRA = Uint8Array.of(
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
/** The order a dynamic block sends its code-length code lengths in. */
export const CLEN_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/** Code lengths of the fixed literal/length code (§3.2.6); symbols 286 and 287 complete it. */
export function fixedLitLengths(): Uint8Array {
  const l = new Uint8Array(288);
  l.fill(8, 0, 144); l.fill(9, 144, 256); l.fill(7, 256, 280); l.fill(8, 280, 288);
  return l;
}

/** `len` low bits of `code` in reverse order: Huffman codes are sent most significant bit first. */
export function reverseBits(code: number, len: number): number {
  let r = 0;
  for (let i = 0; i < len; i++) { r = (r << 1) | (code & 1); code >>>= 1; }
  return r;
}

/**
 * A decoding table indexed by the next `bits` input bits (LSB first). Each entry is
 * `symbol << 4 | codeLength`; 0 marks a bit pattern no code starts with.
 */
interface Decoder { table: Uint16Array; bits: number }

function buildDecoder(lengths: Uint8Array, what: string): Decoder {
  const count = new Uint16Array(16);
  let bits = 1;
  for (const l of lengths) { count[l]++; if (l > bits) bits = l; }
  count[0] = 0;
  // Kraft inequality: more codes of a length than the shorter ones leave room for is corrupt.
  // An incomplete code is allowed; its unused patterns stay 0 and fail when met.
  let left = 1;
  const next = new Uint16Array(16);
  for (let len = 1; len < 16; len++) {
    left = (left << 1) - count[len];
    if (left < 0) throw valueError(`inflate: over-subscribed ${what} code`);
    next[len] = ((next[len - 1] + count[len - 1]) << 1);
  }
  const size = 1 << bits, table = new Uint16Array(size);
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym];
    if (len === 0) continue;
    const entry = (sym << 4) | len;
    for (let i = reverseBits(next[len]++, len); i < size; i += 1 << len) table[i] = entry;
  }
  return { table, bits };
}

const FIXED_LIT = buildDecoder(fixedLitLengths(), 'literal/length');
const FIXED_DIST = buildDecoder(new Uint8Array(30).fill(5), 'distance');

/** Decoder state: input position and bit buffer, output so far. */
class Inflater {
  private pos = 0;
  private bitBuf = 0;
  private bitCnt = 0;
  /** Zero bytes fed in past the end of the input; consuming any of their bits means truncation. */
  private over = 0;
  out: Uint8Array;
  outLen = 0;

  constructor(private readonly src: Uint8Array, sizeHint: number, private readonly limit: number) {
    this.out = new Uint8Array(Math.min(Math.max(sizeHint, 64), limit));
  }

  /** Runs blocks until the one marked final. */
  run(): void {
    let final = 0;
    while (!final) {
      final = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(FIXED_LIT, FIXED_DIST);
      else if (type === 2) this.dynamic();
      else throw valueError('inflate: invalid block type 3');
    }
  }

  /** Ensures at least n (≤ 16) bits are buffered. */
  private need(n: number): void {
    while (this.bitCnt < n) {
      if (this.pos < this.src.length) this.bitBuf |= this.src[this.pos++] << this.bitCnt;
      else this.over++;
      this.bitCnt += 8;
    }
  }

  private drop(n: number): void {
    this.bitBuf >>>= n;
    this.bitCnt -= n;
    if (this.over !== 0 && this.bitCnt < this.over * 8) throw valueError('inflate: compressed data is truncated');
  }

  private bits(n: number): number {
    if (n === 0) return 0;
    this.need(n);
    const v = this.bitBuf & ((1 << n) - 1);
    this.drop(n);
    return v;
  }

  private symbol(d: Decoder, what: string): number {
    this.need(d.bits);
    const e = d.table[this.bitBuf & ((1 << d.bits) - 1)];
    if (e === 0) throw valueError(`inflate: invalid ${what} code`);
    this.drop(e & 15);
    return e >>> 4;
  }

  private reserve(n: number): void {
    const want = this.outLen + n;
    if (want > this.limit) throw valueError(`inflate: output exceeds the expected ${this.limit} bytes`);
    if (want <= this.out.length) return;
    const grown = new Uint8Array(Math.min(Math.max(want, this.out.length * 2), this.limit));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }

  /** A stored block: byte-aligned LEN, its ones' complement NLEN, then LEN raw bytes. */
  private stored(): void {
    this.drop(this.bitCnt & 7);
    // Whole bytes still in the bit buffer go back to the input; padding bytes vanish.
    this.pos -= (this.bitCnt >>> 3) - this.over;
    this.bitBuf = 0; this.bitCnt = 0; this.over = 0;
    const s = this.src, p = this.pos;
    if (p + 4 > s.length) throw valueError('inflate: compressed data is truncated');
    const len = s[p] | (s[p + 1] << 8), nlen = s[p + 2] | (s[p + 3] << 8);
    if ((len ^ 0xffff) !== nlen) throw valueError('inflate: stored block length check failed');
    if (p + 4 + len > s.length) throw valueError('inflate: compressed data is truncated');
    this.reserve(len);
    this.out.set(s.subarray(p + 4, p + 4 + len), this.outLen);
    this.outLen += len;
    this.pos = p + 4 + len;
  }

  /** A dynamic block's header: the code-length code, then both codes' lengths run-length coded. */
  private dynamic(): void {
    const nlit = this.bits(5) + 257, ndist = this.bits(5) + 1, nclen = this.bits(4) + 4;
    if (nlit > 286 || ndist > 30) throw valueError('inflate: too many length or distance symbols');
    const clen = new Uint8Array(19);
    for (let i = 0; i < nclen; i++) clen[CLEN_ORDER[i]] = this.bits(3);
    const clenDec = buildDecoder(clen, 'code length');
    const lengths = new Uint8Array(nlit + ndist);
    for (let i = 0; i < lengths.length;) {
      const sym = this.symbol(clenDec, 'code length');
      if (sym < 16) { lengths[i++] = sym; continue; }
      let rep: number, val = 0;
      if (sym === 16) {
        if (i === 0) throw valueError('inflate: repeat of a code length with none before it');
        val = lengths[i - 1]; rep = 3 + this.bits(2);
      } else rep = sym === 17 ? 3 + this.bits(3) : 11 + this.bits(7);
      if (i + rep > lengths.length) throw valueError('inflate: code lengths overrun the header');
      lengths.fill(val, i, i + rep);
      i += rep;
    }
    if (lengths[256] === 0) throw valueError('inflate: the block has no end-of-block code');
    this.codes(buildDecoder(lengths.subarray(0, nlit), 'literal/length'),
      buildDecoder(lengths.subarray(nlit), 'distance'));
  }

  /** Literals and (length, distance) back-references until end-of-block. */
  private codes(lit: Decoder, dist: Decoder): void {
    if (this.fast(lit, dist)) return;
    // The last few input bytes: the careful path, which notices truncation.
    for (;;) {
      const sym = this.symbol(lit, 'literal/length');
      if (sym < 256) {
        if (this.outLen === this.out.length) this.reserve(1);
        this.out[this.outLen++] = sym;
        continue;
      }
      if (sym === 256) return;
      if (sym > 285) throw valueError('inflate: invalid literal/length symbol');
      const len = LENGTH_BASE[sym - 257] + this.bits(LENGTH_EXTRA[sym - 257]);
      const dsym = this.symbol(dist, 'distance');
      if (dsym > 29) throw valueError('inflate: invalid distance symbol');
      const d = DIST_BASE[dsym] + this.bits(DIST_EXTRA[dsym]);
      if (d > this.outLen) throw valueError('inflate: distance reaches before the start of the data');
      this.reserve(len);
      const out = this.out;
      // Byte by byte: a match may overlap the bytes it is producing (d < len repeats them).
      for (let i = this.outLen, from = i - d, end = i + len; i < end;) out[i++] = out[from++];
      this.outLen += len;
    }
  }
  /**
   * `codes` for the bulk of a block, with the bit buffer in locals. While 8 input bytes
   * remain, one literal or match (at most 48 bits) cannot run out of input, so refills need
   * no bounds checks. Returns true at end-of-block, false when the input runs low.
   */
  private fast(lit: Decoder, dist: Decoder): boolean {
    const src = this.src, end = src.length - 8;
    const lt = lit.table, lmask = (1 << lit.bits) - 1, dt = dist.table, dmask = (1 << dist.bits) - 1;
    let buf = this.bitBuf, cnt = this.bitCnt, pos = this.pos, out = this.out, n = this.outLen;
    let done = false;
    while (pos <= end) {
      // Each field (code ≤ 15 bits, extra ≤ 13 bits) fits in the ≥ 16 bits a refill leaves.
      if (cnt < 16) { buf |= (src[pos] << cnt) | (src[pos + 1] << (cnt + 8)); pos += 2; cnt += 16; }
      const e = lt[buf & lmask];
      if (e === 0) throw valueError('inflate: invalid literal/length code');
      buf >>>= e & 15; cnt -= e & 15;
      const sym = e >>> 4;
      if (sym < 256) {
        if (n === out.length) { this.outLen = n; this.reserve(1); out = this.out; }
        out[n++] = sym;
        continue;
      }
      if (sym === 256) { done = true; break; }
      if (sym > 285) throw valueError('inflate: invalid literal/length symbol');
      if (cnt < 16) { buf |= (src[pos] << cnt) | (src[pos + 1] << (cnt + 8)); pos += 2; cnt += 16; }
      const lx = LENGTH_EXTRA[sym - 257];
      const len = LENGTH_BASE[sym - 257] + (buf & ((1 << lx) - 1));
      buf >>>= lx; cnt -= lx;
      if (cnt < 16) { buf |= (src[pos] << cnt) | (src[pos + 1] << (cnt + 8)); pos += 2; cnt += 16; }
      const de = dt[buf & dmask];
      if (de === 0) throw valueError('inflate: invalid distance code');
      buf >>>= de & 15; cnt -= de & 15;
      const dsym = de >>> 4;
      if (dsym > 29) throw valueError('inflate: invalid distance symbol');
      if (cnt < 16) { buf |= (src[pos] << cnt) | (src[pos + 1] << (cnt + 8)); pos += 2; cnt += 16; }
      const dx = DIST_EXTRA[dsym];
      const d = DIST_BASE[dsym] + (buf & ((1 << dx) - 1));
      buf >>>= dx; cnt -= dx;
      if (d > n) throw valueError('inflate: distance reaches before the start of the data');
      if (n + len > out.length) { this.outLen = n; this.reserve(len); out = this.out; }
      for (let from = n - d, stop = n + len; n < stop;) out[n++] = out[from++];
    }
    this.bitBuf = buf; this.bitCnt = cnt; this.pos = pos; this.outLen = n;
    return done;
  }
}

/**
 * Decompresses a raw DEFLATE stream (no zlib or gzip wrapper). `expectedSize`, when known
 * (a ZIP member's size), sizes the output up front and caps it: more output is an error.
 * Corrupt or truncated input throws a ValueError naming the fault. Bytes after the final
 * block are ignored.
 */
export function inflateRaw(src: Uint8Array, expectedSize?: number): Uint8Array {
  const limit = expectedSize ?? Number.MAX_SAFE_INTEGER;
  const hint = expectedSize ?? src.length * 4;
  const inf = new Inflater(src, hint, limit);
  inf.run();
  return inf.outLen === inf.out.length ? inf.out : inf.out.slice(0, inf.outLen);
}
