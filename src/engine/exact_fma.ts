// Exact fused multiply-add for the BLAS ports (openblas_*.ts): fma64 for any doubles, the
// pieces its fast path is made of (Veltkamp splits, Dekker's product error, Knuth's sum error),
// a range check that lets whole matrices use that fast path, and fma32 for float32 values.
// OpenBLAS's Haswell kernels use vfmadd231pd/ps; these reproduce that single rounding.
import { fma32 } from './libm_fma';

export { fma32 };

/** 2^27 + 1: Veltkamp's splitter for doubles. */
export const SPLIT = 134217729;
const P995 = 2 ** 995, P1000 = 2 ** 1000, PM960 = 2 ** -960;

/** The high half of x (26 bits): x - hi(x) is the low half, both exact. |x| < 2^995. */
export function hiPart(x: number): number {
  const t = SPLIT * x;
  return t - (t - x);
}

/**
 * a*b + c rounded once, for any doubles (IEEE fma, round to nearest even). The fast path is
 * exact when |a|, |b| < 2^995, |a*b| is 0 or above 2^-960 and c + a*b stays finite: then
 * a*b + c = s + es + ep exactly (s = fl(c + a*b), es its rounding error, ep the product's),
 * and s + fl(es + ep) is the right rounding unless it sits exactly on a midpoint of s's
 * neighbours, a case the tie test sends to the exact path.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b, s = c + p;
  const ap = Math.abs(p);
  if (!(ap < P1000 && (ap > PM960 || a === 0 || b === 0) && Math.abs(a) < P995 && Math.abs(b) < P995 && Math.abs(s) < Infinity)) {
    return fmaSlow(a, b, c);
  }
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const ep = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const bv = s - c, es = (c - (s - bv)) + (p - bv);
  const u = es + ep, r = s + u;
  const e2 = u - (r - s);
  if (e2 !== 0) {
    const twice = e2 + e2;
    if ((r + twice) - r === twice) return fmaSlow(a, b, c);
  }
  return r;
}

// ── the exact path: BigInt arithmetic ────────────────────────────────────────

const BITS = new Float64Array(1);
const WORDS = new BigUint64Array(BITS.buffer);

/** x = m · 2^e with m an integer (x finite). */
function decompose(x: number): [bigint, number] {
  BITS[0] = x;
  const w = WORDS[0];
  const bexp = Number((w >> 52n) & 0x7ffn);
  let m = w & 0xfffffffffffffn;
  let e = -1074;
  if (bexp !== 0) { m |= 1n << 52n; e = bexp - 1075; }
  return [(w >> 63n) === 1n ? -m : m, e];
}

/** The double nearest to n · 2^e (ties to even), with gradual underflow and overflow to ±∞. */
export function roundScaled(n: bigint, e: number): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  let m = neg ? -n : n;
  const bits = m.toString(2).length;
  // the exponent of the last kept bit: 53 significant bits, but never below 2^-1074
  const q = Math.max(e + bits - 53, -1074);
  if (q > e) {
    const sh = BigInt(q - e), half = 1n << (sh - 1n), rem = m & ((1n << sh) - 1n);
    m >>= sh;
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
    e = q;
  }
  const v = Number(m) * 2 ** Math.max(e, -1022) * 2 ** Math.min(0, e + 1022);
  return neg ? -v : v;
}

/** fma for every input: special values as IEEE 754 says, finite ones exactly in BigInt. */
export function fmaSlow(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  if (!Number.isFinite(c)) return c;
  if (a === 0 || b === 0) {
    const p = a * b; // a signed zero
    return c === 0 ? p + c : c;
  }
  const [ma, ea] = decompose(a), [mb, eb] = decompose(b), [mc, ec] = decompose(c);
  const ep = ea + eb, e = Math.min(ep, ec);
  const sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return 0; // an exact zero from nonzero terms is +0 when rounding to nearest
  return roundScaled(sum, e);
}

// ── whole-matrix range check ─────────────────────────────────────────────────

/**
 * Whether every product of an element of x with an element of y, and every sum of `k` such
 * products, keeps the fast path of fma64 exact: nonzero magnitudes within [lo, hi] of each
 * with lo_x·lo_y ≥ 2^-960, hi < 2^995 and k·hi_x·hi_y < 2^1000 (NaN and ∞ fail the test).
 */
export function fastRangeOk(x: Range, y: Range, k: number): boolean {
  if (x.hi === 0 || y.hi === 0) return true;
  return x.hi < P995 && y.hi < P995 && x.lo * y.lo >= PM960 && k * x.hi * y.hi < P1000;
}

/** Smallest nonzero and largest magnitudes of some values (hi = ∞ when any is NaN or ∞). */
export interface Range { lo: number; hi: number }
