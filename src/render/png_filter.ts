// PNG row filtering (RFC 2083 §6) for RGBA8: each row gets the filter type whose output has the
// smallest sum of absolute values (read as signed bytes), and the Adler-32 of the filtered data
// is computed on the way, cheaply for the long zero runs that blank space becomes.

/** Straight-alpha RGBA pixels, row-major, 4 bytes each. */
export interface RgbaImage { width: number; height: number; data: Uint8Array }

/** Bytes per pixel for RGBA8: also the distance to the "left" byte in filters. */
const BPP = 4;
const ADLER_MOD = 65521;

/** Adler-32 (RFC 1950) fed in pieces; sums are reduced every 5552 bytes, the most that cannot overflow 2^32. */
class Adler32 {
  a = 1;
  b = 0;

  bytes(data: Uint8Array, from = 0, to = data.length): this {
    let a = this.a, b = this.b;
    for (let i = from; i < to;) {
      const end = Math.min(to, i + 5552);
      for (; i < end; i++) { a += data[i]; b += a; }
      a %= ADLER_MOD; b %= ADLER_MOD;
    }
    this.a = a; this.b = b;
    return this;
  }

  /** k zero bytes leave a unchanged and add k·a to b. */
  zeros(k: number): this {
    this.b = (this.b + (k % ADLER_MOD) * this.a) % ADLER_MOD;
    return this;
  }

  get value(): number { return ((this.b << 16) | this.a) >>> 0; }
}

export function adler32(data: Uint8Array): number {
  return new Adler32().bytes(data).value;
}

/** The Paeth predictor: whichever of left, up, upper-left is nearest to left + up − upper-left. */
export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** |v| for a byte read as a signed value. */
function mag(v: number): number {
  return v < 128 ? v : 256 - v;
}

/** Sum of the four bytes of a pixel word read as signed values: its cost unfiltered. */
function pixelMag(p: number): number {
  return mag(p & 255) + mag((p >>> 8) & 255) + mag((p >>> 16) & 255) + mag(p >>> 24);
}

/**
 * The image as bytes and as 32-bit pixel words; `up` is the same image, or for the first row an
 * all-zero row, as PNG defines the row above it. A pixel equal to its left, upper and upper-left
 * neighbours (most of a drawing) gives zeros under every filter but None: one word comparison.
 */
interface Rows { d: Uint8Array; d32: Uint32Array; up: Uint8Array; up32: Uint32Array; w: number }

/**
 * One row's cost under each filter type 0..4 (None, Sub, Up, Average, Paeth), in one pass since
 * every filter reads only unfiltered bytes. `row` and `prev` are pixel offsets. The indices of
 * the pixels that are not flat go to `busy`; returns the costs and how many there were.
 */
function rowCosts(r: Rows, row: number, prev: number, busy: Int32Array): { cost: number[]; busy: number } {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, m = 0;
  let lastWord = -1, lastMag = 0;
  const d32 = r.d32, up32 = r.up32;
  for (let p = 0; p < r.w; p++) {
    const x = d32[row + p];
    // Flat: equal to the left, upper and upper-left pixels (see Rows).
    if (p > 0 && x === d32[row + p - 1] && x === up32[prev + p] && x === up32[prev + p - 1]) {
      if (x !== lastWord) { lastWord = x; lastMag = pixelMag(x); }
      s0 += lastMag;
      continue;
    }
    busy[m++] = p;
    const i = (row + p) * BPP, j = (prev + p) * BPP;
    for (let k = 0; k < BPP; k++) {
      const x = r.d[i + k], b = r.up[j + k];
      const a = p > 0 ? r.d[i + k - BPP] : 0, c = p > 0 ? r.up[j + k - BPP] : 0;
      s0 += mag(x);
      s1 += mag((x - a) & 255);
      s2 += mag((x - b) & 255);
      s3 += mag((x - ((a + b) >> 1)) & 255);
      s4 += mag((x - paeth(a, b, c)) & 255);
    }
  }
  return { cost: [s0, s1, s2, s3, s4], busy: m };
}

/** Writes pixel p of the row filtered with type `f` to `out[o]…out[o + 3]`. */
function filterPixel(f: number, r: Rows, row: number, prev: number, p: number, out: Uint8Array, o: number): void {
  const i = (row + p) * BPP, j = (prev + p) * BPP;
  for (let k = 0; k < BPP; k++) {
    const left = p > 0 ? r.d[i + k - BPP] : 0, up = r.up[j + k], corner = p > 0 ? r.up[j + k - BPP] : 0;
    const pred = f === 1 ? left : f === 2 ? up : f === 3 ? (left + up) >> 1 : f === 4 ? paeth(left, up, corner) : 0;
    out[o + k] = (r.d[i + k] - pred) & 255;
  }
}

/**
 * Writes the row filtered with type `f` into `out` at `o` and adds it to `sum`. Under filters 1–4
 * only the `busy` pixels are nonzero (`out` starts zero-filled), and a run of k zero bytes adds
 * k·a to Adler's b. Sums stay exact in doubles over one row and are reduced at its end.
 */
function applyFilter(f: number, r: Rows, row: number, prev: number, busy: Int32Array, m: number, out: Uint8Array, o: number, sum: Adler32): void {
  let a = sum.a, b = sum.b, next = 0;
  const visit = (p: number) => {
    b += (p - next) * BPP * a;
    filterPixel(f, r, row, prev, p, out, o + p * BPP);
    for (let k = 0; k < BPP; k++) { a += out[o + p * BPP + k]; b += a; }
    next = p + 1;
  };
  if (f === 0) for (let p = 0; p < r.w; p++) visit(p);
  else for (let k = 0; k < m; k++) visit(busy[k]);
  b += (r.w - next) * BPP * a;
  sum.a = a % ADLER_MOD;
  sum.b = b % ADLER_MOD;
}

/** Whether the row at pixel offset `row` repeats the one above it. */
function sameAsAbove(d32: Uint32Array, w: number, row: number): boolean {
  for (let p = row, q = row - w, end = row + w; p < end; p++, q++) if (d32[p] !== d32[q]) return false;
  return true;
}

/**
 * Each row prefixed by the filter type with the smallest cost (ties to the lower type), with the
 * Adler-32 of the result. A row that repeats the one above is Up-filtered to zeros at once.
 */
export function filterRows(img: RgbaImage): { data: Uint8Array; adler: number } {
  const w = img.width, n = w * BPP;
  // Word access needs 4-byte alignment; copy the rare unaligned view.
  const d = img.data.byteOffset % 4 === 0 ? img.data : img.data.slice();
  const d32 = new Uint32Array(d.buffer, d.byteOffset, w * img.height);
  const zeros = new Uint8Array(n);
  const first: Rows = { d, d32, up: zeros, up32: new Uint32Array(zeros.buffer), w };
  const rest: Rows = { ...first, up: d, up32: d32 };
  const out = new Uint8Array(img.height * (n + 1));
  const busy = new Int32Array(w);
  const sum = new Adler32();
  for (let y = 0; y < img.height; y++) {
    const o = y * (n + 1), row = y * w;
    if (y > 0 && sameAsAbove(d32, w, row)) {
      out[o] = 2;
      sum.bytes(out, o, o + 1).zeros(n);
      continue;
    }
    const r = y > 0 ? rest : first, prev = y > 0 ? row - w : 0;
    const { cost, busy: m } = rowCosts(r, row, prev, busy);
    let best = 0;
    for (let f = 1; f < 5; f++) if (cost[f] < cost[best]) best = f;
    out[o] = best;
    sum.bytes(out, o, o + 1);
    applyFilter(best, r, row, prev, busy, m, out, o + 1, sum);
  }
  return { data: out, adler: sum.value };
}
