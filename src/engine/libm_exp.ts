// glibc's exp(), bit for bit: what np.exp gives for float64 here (NumPy's float64 exp calls the
// C library unless AVX-512 SVML is present) and what CPython's math.exp gives. glibc (>= 2.28)
// ships Szabolcs Nagy's exp from Arm's optimized-routines: exp(x) = 2^(k/128) * exp(r) with
// r in [-ln2/256, ln2/256], a degree-5 polynomial, and a 128-entry table of 2^(j/128) split into
// a double and a relative tail. On x86-64 with FMA (and on aarch64) GCC contracts its
// multiply-adds; each one is done here as a true fma. The constants below are that
// MIT-licensed source's published values; the table is regenerated at load.
import { Floats, REDO, fixedToDouble, doubleToFixed, fma, fmaExact, hexFloat, isqrt, runChunked, scalarKernel } from './libm_fma';

const N = 128;
const INV_LN2_N = hexFloat('0x1.71547652b82fep0') * N;
const NEG_LN2_HI_N = hexFloat('-0x1.62e42fefa0000p-8');
const NEG_LN2_LO_N = hexFloat('-0x1.cf79abc9e3b3ap-47');
const SHIFT = 6755399441055744; // 0x1.8p52: adding it rounds to an integer
const [C2, C3, C4, C5] = ['0x1.ffffffffffdbdp-2', '0x1.555555555543cp-3', '0x1.55555cf172b91p-5',
  '0x1.1111167a4d017p-7'].map(hexFloat);

/** 2^(j/128) ≈ H[j] * (1 + TAIL[j]): H rounded to nearest, TAIL the relative rest, rounded. */
const H = new Float64Array(N), TAIL = new Float64Array(N);
{
  const F = 200, FB = BigInt(F);
  let root = 2n << FB; // 2^(1/128) by seven square roots, in fixed point with F fraction bits
  for (let i = 0; i < 7; i++) root = isqrt(root << FB);
  for (let j = 0, v = 1n << FB; j < N; j++, v = (v * root) >> FB) {
    H[j] = fixedToDouble(v, F);
    const h = doubleToFixed(H[j], F);
    TAIL[j] = fixedToDouble(((v - h) << FB) / h, F);
  }
}

/** 2^e for e in [-1022, 1023], at POW2[e + 1022]. */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => 2 ** (i - 1022));

/** k = round(x * 128/ln2), rounding the exact product as glibc's fma(x, InvLn2N, Shift) does. */
function reduce(x: number): number {
  return fmaExact(x, INV_LN2_N, SHIFT) - SHIFT;
}

/** tail + exp(r) - 1 by the degree-5 polynomial, with GCC's contractions. */
function poly(r: number, tail: number): number {
  const r2 = r * r;
  return fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), tail + r));
}

/** glibc's exp(x) computed step by step with true fmas: the reference the fast path defers to. */
export function libmExpExact(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= 5.551115123125783e-17 && ax < 1024)) { // 2^-54
    if (ax < 5.551115123125783e-17 || x !== x || x === Infinity) return 1 + x;
    return x < 0 ? 0 : Infinity;
  }
  const k = reduce(x), j = k & (N - 1), e = (k - j) / N, h = H[j];
  // For |x| < 512, |k| < 2^17: k·NEG_LN2_HI_N is exact and so is x plus it (Sterbenz).
  const r = fma(k, NEG_LN2_LO_N, ax < 512 ? x + k * NEG_LN2_HI_N : fma(k, NEG_LN2_HI_N, x));
  const tmp = poly(r, TAIL[j]);
  if (ax < 512) return fma(h, tmp, h) * POW2[e + 1022];
  // glibc's specialcase(): the scale 2^(k/128) may overflow or underflow.
  if (k >= 0) return fma(h, tmp, h) * POW2[e - 1009 + 1022] * 2 ** 1009;
  const scale = h * POW2[e + 1022 + 1022];
  const st = scale * tmp; // not contracted: the product is used twice
  let y = scale + st;
  if (y < 1) {
    // Round to the subnormal precision once, not twice (glibc's comment).
    const lo = scale - y + st;
    const hi = 1 + y;
    y = ((1 - hi + y) + lo + hi) - 1;
    if (y === 0) y = 0;
  }
  return y * 2 ** -1022;
}

/**
 * o[oi + j·os] = exp(x[xi + j·xs]) for j < n, as glibc computes it. For 2^-54 <= |x| < 512
 * glibc's formula runs without fused operations, and the result stands when no deviation
 * within the bound (a few ulps of tmp, and the product's rounding) can move the final
 * rounding of scale + scale·tmp; otherwise (about 3% of arguments) libmExpExact decides.
 */
export function expRow(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  runChunked(expChunk, expExactRow, n, x, xi, xs, o, oi, os);
}

function expExactRow(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  for (let j = 0; j < n; j++, xi += xs, oi += os) o[oi] = libmExpExact(x[xi]);
}

/** expRow's fast loop over one chunk; what it is unsure of goes to REDO. */
function expChunk(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): number {
  let left = 0;
  for (let i = 0; i < n; i++, xi += xs, oi += os) {
    const v = x[xi], av = Math.abs(v);
    const z = v * INV_LN2_N, k = (z + SHIFT) - SHIFT, d = z - k; // d is exact
    // Next to a half-integer, the rounding of v·INV_LN2_N could decide k: left to the exact path.
    if (!(av >= 5.551115123125783e-17 && av < 512 && d < 0.4999999 && d > -0.4999999)) {
      REDO[left++] = i;
      continue;
    }
    const r = v + k * NEG_LN2_HI_N + k * NEG_LN2_LO_N;
    const j = k & (N - 1), h = H[j];
    const r2 = r * r;
    const tmp = r2 * r2 * (r * C5 + C4) + (r2 * (r * C3 + C2) + (TAIL[j] + r));
    const p = h * tmp, s = h + p;
    const err = (h - s) + p; // h + p = s + err exactly (|h| >= |p|)
    const m = Math.abs(p) * 1.7763568394002505e-15 + 1.2924697071141057e-26; // |p|·2^-49 + 2^-86
    if (s + (err + m) === s && s + (err - m) === s) o[oi] = s * POW2[(k - j) / N + 1022];
    else REDO[left++] = i;
  }
  return left;
}

/** The shared exp data, for pow's exp_inline (libm_pow.ts). */
export const EXP_DATA = { H, TAIL, POW2, INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, SHIFT, C2, C3, C4, C5 } as const;

/** glibc's exp(x) (x86-64 with FMA, aarch64): CPython's math.exp and NumPy's float64 exp. */
export const libmExp = scalarKernel(expRow);
