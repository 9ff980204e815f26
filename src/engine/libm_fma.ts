// Exact floating-point building blocks for the C-library and NumPy-SIMD ports (libm_*.ts,
// npsimd_*.ts): fused multiply-add in double and in float32, error-free sums and products,
// C hex-float literals, and BigInt fixed point for the tables those ports generate.
// The ports do, operation for operation, what the compiled C does; where GCC contracts
// a*b + c into one FMA instruction (x86-64 with FMA, aarch64) they call fma() here.

/** The storage of float arrays, which the row kernels read and write. */
export type Floats = Float64Array | Float32Array;

const BITS = new Float64Array(1); // bit-cast scratch, not state
const WORDS = new Uint32Array(BITS.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Indexes of the low and high 32-bit words of BITS[0]. */
const LO = LITTLE ? 0 : 1, HI = LITTLE ? 1 : 0;
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** Parse a C hex-float literal such as `-0x1.7cc7f79e69000p-2` exactly (normal doubles, or 0). */
export function hexFloat(s: string): number {
  if (s === '0') return 0;
  const m = /^(-?)0x1(?:\.([0-9a-f]{1,13}))?p([+-]?\d+)$/i.exec(s);
  if (!m) throw new Error(`bad hex float ${s}`);
  const v = (2 ** 52 + parseInt((m[2] ?? '').padEnd(13, '0'), 16)) * 2 ** (Number(m[3]) - 52);
  return m[1] ? -v : v;
}

/** The double whose IEEE bits are `hi:lo` (two 32-bit words). */
export function fromWords(hi: number, lo: number): number {
  WORDS[HI] = hi; WORDS[LO] = lo;
  return BITS[0];
}

/** The high 32-bit word of x's IEEE bits (sign, exponent, top of the significand). */
export function highWord(x: number): number {
  BITS[0] = x;
  return WORDS[HI];
}

/** The low 32-bit word of x's IEEE bits. */
export function lowWord(x: number): number {
  BITS[0] = x;
  return WORDS[LO];
}

/** The rounding error of p = fl(a*b): a*b = p + error exactly (Dekker; |a|, |b| < 2^995). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** The rounding error of s = fl(a+b): a+b = s + error exactly (Knuth's TwoSum). */
export function sumError(a: number, b: number, s: number): number {
  const bv = s - a;
  return (a - (s - bv)) + (b - bv);
}

/** a+b rounded to odd: when inexact, the neighbour of the exact sum whose last bit is 1. */
function addRoundOdd(a: number, b: number): number {
  const s = a + b;
  const e = sumError(a, b, s);
  BITS[0] = s;
  if (e === 0 || (WORDS[LO] & 1) === 1) return s;
  // s is even, so the odd neighbour is one ulp toward the exact sum (s !== 0 when inexact).
  if ((e > 0) === (s > 0)) {
    WORDS[LO] += 1;
    if (WORDS[LO] === 0) WORDS[HI] += 1;
  } else {
    if (WORDS[LO] === 0) WORDS[HI] -= 1;
    WORDS[LO] -= 1;
  }
  return BITS[0];
}

/** fma(a, b, c) with a single rounding, always (Boldo–Melquiond: exact parts, round-to-odd, RN). */
export function fmaExact(a: number, b: number, c: number): number {
  const p = a * b;
  const s = c + p;
  return s + addRoundOdd(sumError(c, p, s), productError(a, b, p));
}

/**
 * fma(a, b, c) = a*b + c with a single rounding. a*b + c = s + se + pe exactly; s + fl(se + pe)
 * rounds right unless it lands exactly on a midpoint of s's neighbours while fl(se + pe) is
 * inexact, which the tie test catches (then the slow exact path decides). Finite operands with
 * |a|, |b| < 2^995 and no underflow; otherwise the unfused result.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b, s = c + p;
  const t = sumError(c, p, s) + productError(a, b, p);
  const r = s + t;
  if (r !== r) return s;
  const e2 = t - (r - s); // the error of s + t (Fast2Sum: |s| >= |t| whenever t is inexact)
  if (e2 !== 0) {
    const twice = e2 + e2;
    if ((r + twice) - r === twice) return fmaExact(a, b, c);
  }
  return r;
}

/**
 * The float32 fma of float32 values: a*b is exact in double, so only the sum rounds, and the
 * double sum rounded to float32 is right unless it landed exactly on a float32 midpoint
 * (then fma32Tie decides by the sum's own rounding error). Kept small so that V8 inlines it.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b, s = p + c, r = Math.fround(s), t = 2 * s - r; // t: r reflected through s
  return t === r || Math.fround(t) !== t ? r : fma32Tie(p, c, s, r, t);
}

/** fma32 when s = p + c (rounded) is the midpoint of the float32 values r and t. */
function fma32Tie(p: number, c: number, s: number, r: number, t: number): number {
  const e = sumError(p, c, s);
  return e === 0 ? r : (e > 0) === (t > r) ? t : r;
}

// ── row kernels ──────────────────────────────────────────────────────────────

/** o[oi + j·os] = f(x[xi + j·xs]) for j < n. */
export type RowKernel = (n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number) => void;

const ONE = new Float64Array(1); // the argument and result of one scalar call

/** A row kernel as a function of one value (math.* in Python, NumPy scalars, strided loops). */
export function scalarKernel(k: RowKernel): (x: number) => number {
  return (x) => {
    ONE[0] = x;
    k(1, ONE, 0, 1, ONE, 0, 1);
    return ONE[0];
  };
}

// ── fast loops with a rare exact path ────────────────────────────────────────

/** Elements per chunk of a fast loop, and where it lists (by index in its chunk) those left over. */
const CHUNK = 256;
export const REDO = new Int32Array(CHUNK);

/** A fast loop over at most 256 elements: writes most, lists the rest in REDO, returns how many. */
export type FastChunk = (n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number) => number;

/**
 * o[oi + j·os] = f(x[xi + j·xs]) for j < n: `fast` by chunks, then `exact` (one element at a
 * time) for what it left. A call inside a hot loop, even one never taken, makes V8 keep the
 * loop's values on the stack; here the loop has none. `exact` must not run chunked loops itself
 * (they share REDO).
 */
export function runChunked(fast: FastChunk, exact: RowKernel,
  n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  for (let j0 = 0; j0 < n; j0 += CHUNK) {
    const xb = xi + j0 * xs, ob = oi + j0 * os;
    const left = fast(Math.min(CHUNK, n - j0), x, xb, xs, o, ob, os);
    for (let k = 0; k < left; k++) exact(1, x, xb + REDO[k] * xs, 1, o, ob + REDO[k] * os, 1);
  }
}

let tie = false; // set by fma32Quick, read and cleared by takeTie

/**
 * fma32 for hot loops: fround(a*b + c), which is the fused result unless the double sum sat
 * exactly on a float32 midpoint (then a*b + c may have been rounded twice). That case only
 * raises a flag, read by takeTie(): a loop runs its steps through this, and redoes the rare
 * element whose flag is up with fma32. No call on the common path, so V8 keeps values in registers.
 */
export function fma32Quick(a: number, b: number, c: number): number {
  const s = a * b + c, r = Math.fround(s), t = 2 * s - r;
  if (t !== r && Math.fround(t) === t) tie = true;
  return r;
}

/** Whether an fma32Quick since the last call may have rounded twice; clears the flag. */
export function takeTie(): boolean {
  const t = tie;
  tie = false;
  return t;
}

// ── BigInt fixed point, for tables generated at load ─────────────────────────

/** floor(sqrt(n)) for n >= 0 (Newton's iteration from above). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** v / 2^bits rounded to the nearest double (Number of a BigInt rounds to nearest-even). */
export function fixedToDouble(v: bigint, bits: number): number {
  return Number(v) * 2 ** -bits;
}

/** A double's exact value as a fixed-point BigInt with `bits` fractional bits (|x| * 2^bits integral). */
export function doubleToFixed(x: number, bits: number): bigint {
  return BigInt(x * 2 ** bits);
}

/** [hi, lo]: v / 2^bits as a double plus the double nearest to what hi leaves over. */
export function fixedToPair(v: bigint, bits: number): [number, number] {
  const hi = fixedToDouble(v, bits);
  return [hi, fixedToDouble(v - doubleToFixed(hi, bits), bits)];
}
