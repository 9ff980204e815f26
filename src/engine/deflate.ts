// deflate: an RFC 1951 compressor — greedy LZ77 over a hash chain; each block is sent stored,
// fixed- or dynamic-Huffman, whichever is smallest.
import {
  CLEN_ORDER, DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA, fixedLitLengths, reverseBits,
} from './inflate';

const WINDOW = 32768, WMASK = WINDOW - 1;
const MIN_MATCH = 3, MAX_MATCH = 258;
/** 2^15 chains; `hash` keeps the top 15 bits of a multiplicative hash of three bytes. */
const HASH_SIZE = 1 << 15;
/** Chain links followed per position and the match length that ends the search early: speed vs ratio. */
const MAX_CHAIN = 32, NICE_MATCH = 128;
/** Matches longer than this leave their inner positions out of the chains. */
const MAX_INSERT = 32;
/** Symbols per block: bounds the buffers and lets each block's code fit its stretch of data. */
const BLOCK_SYMBOLS = 16384;
const MAX_STORED = 65535;

/** Length symbol minus 257 for each match length 3..258. */
const LEN_SYM = new Uint8Array(MAX_MATCH + 1);
/** Distance symbol for each distance 1..32768. */
const DIST_SYM = new Uint8Array(WINDOW + 1);
for (let s = 0; s < 29; s++) LEN_SYM.fill(s, LENGTH_BASE[s], s === 28 ? 259 : LENGTH_BASE[s + 1]);
// 258 has its own symbol (285), though 284 + 31 extra would also reach it.
for (let s = 0; s < 30; s++) DIST_SYM.fill(s, DIST_BASE[s], DIST_BASE[s] + (1 << DIST_EXTRA[s]));
const FIXED_LIT_LEN = fixedLitLengths();
const FIXED_DIST_LEN = new Uint8Array(30).fill(5);

/** Appends bit fields least significant bit first, as DEFLATE packs them. */
class BitWriter {
  private buf: Uint8Array;
  private len = 0;
  private acc = 0;
  private cnt = 0;

  constructor(sizeHint: number) { this.buf = new Uint8Array(Math.max(sizeHint, 256)); }

  /** Writes the low n (≤ 16) bits of v. */
  write(v: number, n: number): void {
    this.acc |= v << this.cnt;
    this.cnt += n;
    while (this.cnt >= 8) { this.byte(this.acc & 255); this.acc >>>= 8; this.cnt -= 8; }
  }

  /** Pads with zero bits to a byte boundary. */
  align(): void { if (this.cnt > 0) this.write(0, 8 - this.cnt); }

  bytes(src: Uint8Array): void {
    this.grow(src.length);
    this.buf.set(src, this.len);
    this.len += src.length;
  }

  finish(): Uint8Array { this.align(); return this.buf.slice(0, this.len); }

  private byte(b: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }

  private grow(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.len + n, this.buf.length * 2));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
}

/** Optimal (unlimited) Huffman code lengths for the nonzero weights, by the two-queue method. */
function huffmanLengths(freq: ArrayLike<number>): Uint8Array {
  const lengths = new Uint8Array(freq.length);
  const syms: number[] = [];
  for (let s = 0; s < freq.length; s++) if (freq[s] > 0) syms.push(s);
  syms.sort((a, b) => freq[a] - freq[b] || a - b);
  const m = syms.length;
  if (m === 1) lengths[syms[0]] = 1;
  if (m <= 1) return lengths;
  // Nodes 0..m-1 are the sorted leaves, m..2m-2 the merged nodes in creation order; merged
  // weights never decrease, so the two smallest are always at the front of the two queues.
  const weight = new Float64Array(2 * m - 1), parent = new Int32Array(2 * m - 1);
  for (let k = 0; k < m; k++) weight[k] = freq[syms[k]];
  let leaf = 0, inner = m;
  const pick = (made: number) => (leaf < m && (inner >= made || weight[leaf] <= weight[inner]) ? leaf++ : inner++);
  for (let made = m; made < 2 * m - 1; made++) {
    const a = pick(made), b = pick(made);
    weight[made] = weight[a] + weight[b];
    parent[a] = parent[b] = made;
  }
  const depth = new Uint16Array(2 * m - 1);
  for (let k = 2 * m - 3; k >= 0; k--) depth[k] = depth[parent[k]] + 1;
  for (let k = 0; k < m; k++) lengths[syms[k]] = depth[k];
  return lengths;
}

/** Huffman code lengths no longer than maxLen. */
function limitedLengths(freq: Uint32Array, maxLen: number): Uint8Array {
  let f: ArrayLike<number> = freq;
  for (;;) {
    const lengths = huffmanLengths(f);
    if (lengths.every((l) => l <= maxLen)) return lengths;
    // Flattening the weights shortens the longest codes at a small cost in size; repeated,
    // it ends at equal weights, whose code is at most ceil(log2 288) = 9 bits deep.
    f = Array.from(f, (x) => (x === 0 ? 0 : Math.max(1, x >>> 1)));
  }
}

/** Canonical codes for the lengths, bit-reversed so they can be written LSB first. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16), next = new Uint16Array(16), codes = new Uint16Array(lengths.length);
  for (const l of lengths) count[l]++;
  count[0] = 0;
  for (let len = 1; len < 16; len++) next[len] = (next[len - 1] + count[len - 1]) << 1;
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) codes[s] = reverseBits(next[lengths[s]]++, lengths[s]);
  return codes;
}

/** A decoder needs a complete code; one used symbol (or none) gets partners of zero weight. */
function ensureTwo(freq: Uint32Array): void {
  let used = 0;
  for (const f of freq) if (f > 0) used++;
  for (let s = 0; used < 2; s++) if (freq[s] === 0) { freq[s] = 1; used++; }
}

const sumCost = (freq: Uint32Array, lengths: Uint8Array) => freq.reduce((c, f, s) => c + f * lengths[s], 0);

/** Extra bits after code-length symbols 16, 17, 18 (none before). */
const EXTRA_RLE = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7);

/** A dynamic block's header: code lengths run-length coded (symbols 16–18), then Huffman coded. */
class DynamicHeader {
  readonly nlit: number;
  readonly ndist: number;
  readonly nclen: number;
  /** Code-length symbols 0..18, each followed by its repeat count's extra-bit value. */
  private readonly rle: number[] = [];
  private readonly clenLen: Uint8Array;
  private readonly clenCode: Uint16Array;

  constructor(litLen: Uint8Array, distLen: Uint8Array) {
    let nlit = 286, ndist = 30;
    while (nlit > 257 && litLen[nlit - 1] === 0) nlit--;
    while (ndist > 1 && distLen[ndist - 1] === 0) ndist--;
    this.nlit = nlit; this.ndist = ndist;
    const all = new Uint8Array(nlit + ndist);
    all.set(litLen.subarray(0, nlit)); all.set(distLen.subarray(0, ndist), nlit);
    const freq = new Uint32Array(19);
    for (let i = 0; i < all.length;) i = this.run(all, i, freq);
    ensureTwo(freq);
    this.clenLen = limitedLengths(freq, 7);
    this.clenCode = canonicalCodes(this.clenLen);
    let nclen = 19;
    while (nclen > 4 && this.clenLen[CLEN_ORDER[nclen - 1]] === 0) nclen--;
    this.nclen = nclen;
  }

  /** Codes the run of equal lengths starting at i (or part of it); returns where the next begins. */
  private run(all: Uint8Array, i: number, freq: Uint32Array): number {
    const v = all[i];
    let n = 1;
    while (i + n < all.length && all[i + n] === v && n < (v === 0 ? 138 : 7)) n++;
    const emit = (sym: number, extra: number) => { this.rle.push(sym, extra); freq[sym]++; };
    if (v === 0 && n >= 11) emit(18, n - 11);
    else if (v === 0 && n >= 3) emit(17, n - 3);
    else if (v !== 0 && n >= 4) { emit(v, 0); emit(16, n - 4); }
    else { for (let k = 0; k < n; k++) emit(v, 0); }
    return i + n;
  }

  /** Size in bits, excluding the 3-bit block header. */
  bits(): number {
    let b = 5 + 5 + 4 + 3 * this.nclen;
    for (let k = 0; k < this.rle.length; k += 2) b += this.clenLen[this.rle[k]] + EXTRA_RLE[this.rle[k]];
    return b;
  }

  write(w: BitWriter): void {
    w.write(this.nlit - 257, 5); w.write(this.ndist - 1, 5); w.write(this.nclen - 4, 4);
    for (let k = 0; k < this.nclen; k++) w.write(this.clenLen[CLEN_ORDER[k]], 3);
    for (let k = 0; k < this.rle.length; k += 2) {
      const sym = this.rle[k];
      w.write(this.clenCode[sym], this.clenLen[sym]);
      if (sym >= 16) w.write(this.rle[k + 1], EXTRA_RLE[sym]);
    }
  }
}

/** One block's LZ77 output: `len` is a literal byte where `dist` is 0, else a match length. */
interface Symbols { len: Uint16Array; dist: Uint16Array; n: number }

/** Writes the block covering src[start, end) in the cheapest of the three block types. */
function writeBlock(w: BitWriter, src: Uint8Array, start: number, end: number, s: Symbols, final: boolean): void {
  const litFreq = new Uint32Array(286), distFreq = new Uint32Array(30);
  let extra = 0;
  for (let k = 0; k < s.n; k++) {
    if (s.dist[k] === 0) { litFreq[s.len[k]]++; continue; }
    const ls = LEN_SYM[s.len[k]], ds = DIST_SYM[s.dist[k]];
    litFreq[257 + ls]++; distFreq[ds]++;
    extra += LENGTH_EXTRA[ls] + DIST_EXTRA[ds];
  }
  litFreq[256] = 1;
  ensureTwo(litFreq); ensureTwo(distFreq);
  const litLen = limitedLengths(litFreq, 15), distLen = limitedLengths(distFreq, 15);
  const header = new DynamicHeader(litLen, distLen);
  const dynamic = header.bits() + sumCost(litFreq, litLen) + sumCost(distFreq, distLen);
  const fixed = sumCost(litFreq, FIXED_LIT_LEN) + sumCost(distFreq, FIXED_DIST_LEN);
  const stored = (end - start) * 8 + Math.ceil((end - start + 1) / MAX_STORED) * 48;
  if (stored <= Math.min(fixed, dynamic) + extra) return writeStored(w, src.subarray(start, end), final);
  w.write(final ? 1 : 0, 1);
  if (fixed <= dynamic) {
    w.write(1, 2);
    writeSymbols(w, s, FIXED_LIT_LEN, FIXED_DIST_LEN);
  } else {
    w.write(2, 2);
    header.write(w);
    writeSymbols(w, s, litLen, distLen);
  }
}

function writeStored(w: BitWriter, data: Uint8Array, final: boolean): void {
  let at = 0;
  do {
    const n = Math.min(MAX_STORED, data.length - at);
    w.write(final && at + n === data.length ? 1 : 0, 1);
    w.write(0, 2);
    w.align();
    w.write(n, 16); w.write(n ^ 0xffff, 16);
    w.bytes(data.subarray(at, at + n));
    at += n;
  } while (at < data.length);
}

function writeSymbols(w: BitWriter, s: Symbols, litLen: Uint8Array, distLen: Uint8Array): void {
  const litCode = canonicalCodes(litLen), distCode = canonicalCodes(distLen);
  for (let k = 0; k < s.n; k++) {
    const len = s.len[k], d = s.dist[k];
    if (d === 0) { w.write(litCode[len], litLen[len]); continue; }
    const ls = LEN_SYM[len], ds = DIST_SYM[d];
    w.write(litCode[257 + ls], litLen[257 + ls]);
    w.write(len - LENGTH_BASE[ls], LENGTH_EXTRA[ls]);
    w.write(distCode[ds], distLen[ds]);
    w.write(d - DIST_BASE[ds], DIST_EXTRA[ds]);
  }
  w.write(litCode[256], litLen[256]);
}

/** Hash chains over the last WINDOW positions, keyed by the next three bytes. */
class Matcher {
  private readonly head = new Int32Array(HASH_SIZE).fill(-1);
  private readonly prev = new Int32Array(WINDOW);
  /** Distance of the match `longest` last found. */
  dist = 0;

  constructor(private readonly src: Uint8Array) {}

  private hash(i: number): number {
    const s = this.src;
    return Math.imul(s[i] | (s[i + 1] << 8) | (s[i + 2] << 16), 0x9e3779b1) >>> 17;
  }

  /** Records position i (which has three bytes after it) in its chain. */
  insert(i: number): void {
    const h = this.hash(i);
    this.prev[i & WMASK] = this.head[h];
    this.head[h] = i;
  }

  /** The longest match for position i among earlier positions in the window (0 if under 3). */
  longest(i: number): number {
    const s = this.src, max = Math.min(MAX_MATCH, s.length - i), limit = i - WINDOW;
    let best = MIN_MATCH - 1, cand = this.head[this.hash(i)];
    for (let chain = MAX_CHAIN; cand >= limit && cand >= 0 && chain > 0; chain--) {
      // Checking the byte just past the best so far rejects most candidates at once.
      if (s[cand + best] === s[i + best]) {
        let l = 0;
        while (l < max && s[cand + l] === s[i + l]) l++;
        if (l > best) { best = l; this.dist = i - cand; if (l >= max || l >= NICE_MATCH) break; }
      }
      const next = this.prev[cand & WMASK];
      if (next >= cand) break;
      cand = next;
    }
    return best >= MIN_MATCH ? best : 0;
  }
}

/** Compresses to a raw DEFLATE stream (no zlib or gzip wrapper) that any inflater reads. */
export function deflateRaw(src: Uint8Array): Uint8Array {
  const w = new BitWriter((src.length >>> 1) + 64);
  const m = new Matcher(src);
  const s: Symbols = { len: new Uint16Array(BLOCK_SYMBOLS), dist: new Uint16Array(BLOCK_SYMBOLS), n: 0 };
  const n = src.length;
  let start = 0, i = 0;
  while (i < n) {
    const canHash = i + MIN_MATCH <= n;
    const len = canHash ? m.longest(i) : 0;
    if (canHash) m.insert(i);
    if (len > 0) {
      s.len[s.n] = len; s.dist[s.n++] = m.dist;
      // Inside a long match (runs of one colour in an image, zeros in weights) indexing every
      // position costs more time than the rare later match it would find.
      if (len <= MAX_INSERT) for (let j = i + 1; j < i + len && j + MIN_MATCH <= n; j++) m.insert(j);
      i += len;
    } else {
      s.len[s.n] = src[i]; s.dist[s.n++] = 0;
      i++;
    }
    if (s.n === BLOCK_SYMBOLS && i < n) { writeBlock(w, src, start, i, s, false); start = i; s.n = 0; }
  }
  writeBlock(w, src, start, n, s, true);
  return w.finish();
}
