// glibc's pow(), bit for bit: what np.power gives for float64 (NumPy calls the C library unless
// AVX-512 SVML is present) and what CPython's ** and math.pow give for floats. glibc (>= 2.28)
// ships Szabolcs Nagy's pow from Arm's optimized-routines: log(x) to about 68 bits as hi + lo
// from a 128-entry table and a degree-8 polynomial, y·log(x) as ehi + elo with an exact
// product, then exp's table and polynomial with the extra low part. The FMA build (x86-64
// with FMA, aarch64) contracts its multiply-adds; each one is done here as a true fma. The
// polynomial is glibc's published coefficients; the log table is regenerated at load by the
// rule glibc documents for it (checked against libm.so).
import { EXP_DATA } from './libm_exp';
import { fixedToDouble, fma, fromWords, hexFloat, highWord, productError } from './libm_fma';

const { H, TAIL, POW2, INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, SHIFT, C2, C3, C4, C5 } = EXP_DATA;
const LN2HI = hexFloat('0x1.62e42fefa3800p-1'), LN2LO = hexFloat('0x1.ef35793c76730p-45');
const A = [hexFloat('-0x1p-1'), hexFloat('0x1.555555555556p-2') * -2, hexFloat('-0x1.0000000000006p-2') * -2,
  hexFloat('0x1.999999959554ep-3') * 4, hexFloat('-0x1.555555529a47ap-3') * 4, hexFloat('0x1.2495b9b4845e9p-3') * -8,
  hexFloat('-0x1.0002b8b263fc3p-3') * -8];

/**
 * Per subinterval i of [0x1.69555p-1, 0x1.69555p0) (128 runs of the significand's bits), glibc's
 * 1/c, log(c) rounded to 2^-43 and the rest: 1/c = round(128/m)/128 below 1, round(256/m)/256
 * above, m the subinterval's midpoint, so that z·(1/c) - 1 is exact.
 */
const INVC = new Float64Array(128), LOGC = new Float64Array(128), LOGCTAIL = new Float64Array(128);
let tablesMade = false; // made on the first pow: BigInt series take milliseconds, at every start otherwise

function makeTables(): void {
  tablesMade = true;
  const F = 200n;
  for (let i = 0; i < 128; i++) {
    const m = (fromWords(0x3fe69555 + i * 0x2000, 0) + fromWords(0x3fe69555 + (i + 1) * 0x2000, 0)) / 2;
    const den = m < 1 ? 128 : 256, j = Math.round(den / m);
    INVC[i] = j / den;
    // log(c) = -log(j/den) = -2·atanh((j - den)/(j + den)), in fixed point.
    const t = (BigInt(j - den) << F) / BigInt(j + den), t2 = (t * t) >> F;
    let sum = 0n; // (division truncates toward 0, where >> would leave a negative term at -1)
    for (let term = t, n = 1n; term !== 0n; term = term * t2 / (1n << F), n += 2n) sum += term / n;
    const log = -2n * sum, rounded = (log + (1n << 156n)) >> 157n; // to a multiple of 2^-43
    LOGC[i] = Number(rounded) * 2 ** -43;
    LOGCTAIL[i] = fixedToDouble(log - (rounded << 157n), 200);
  }
}

/** log(x·2^e) as hi + tail (glibc's log_inline), x a positive normal double. */
function logInline(x: number, e: number, out: Float64Array): void {
  const top = (highWord(x) - 0x3fe69555) | 0, i = (top >>> 13) & 127, k0 = top >> 20, k = k0 + e;
  // z = x·2^-k0 in [0x1.69555p-1, 0x1.69555p0), exactly (k0 is up to 1024, past POW2's range).
  const z = k0 > 1000 ? x * 2 ** -1000 * POW2[2022 - k0] : x * POW2[1022 - k0];
  const invc = INVC[i];
  const p = z * invc, r = (p - 1) + productError(z, invc, p); // fma(z, invc, -1), exact
  const t1 = k * LN2HI + LOGC[i]; // exact by the table's construction
  const t2 = t1 + r;
  const lo1 = fma(k, LN2LO, LOGCTAIL[i]), lo2 = t1 - t2 + r;
  const ar = A[0] * r, ar2 = r * ar, ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = productError(ar, r, ar2), lo4 = t2 - hi + ar2; // lo3 = fma(ar, r, -ar2)
  const q = fma(ar2, fma(ar2, fma(r, A[6], A[5]), fma(r, A[4], A[3])), fma(r, A[2], A[1]));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  out[0] = y;
  out[1] = hi - y + lo;
}

/** sign·exp(x + xtail) (glibc's exp_inline), |xtail| tiny next to |x|. */
function expInline(x: number, xtail: number, negative: boolean): number {
  const ax = Math.abs(x);
  if (ax < 5.551115123125783e-17) return negative ? -(1 + x) : 1 + x; // 2^-54
  if (ax >= 1024) return x < 0 ? (negative ? -0 : 0) : (negative ? -Infinity : Infinity);
  const k = fma(x, INV_LN2_N, SHIFT) - SHIFT;
  const r = fma(k, NEG_LN2_LO_N, fma(k, NEG_LN2_HI_N, x)) + xtail;
  const j = k & 127, e = (k - j) / 128, h = negative ? -H[j] : H[j];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), TAIL[j] + r));
  if (ax < 512) return fma(h, tmp, h) * POW2[e + 1022];
  // glibc's specialcase(): the scale 2^(k/128) may overflow or underflow.
  if (k >= 0) return fma(h, tmp, h) * POW2[e - 1009 + 1022] * 2 ** 1009;
  const scale = h * POW2[e + 1022 + 1022];
  const st = scale * tmp; // not contracted: the product is used twice
  let y = scale + st;
  if (Math.abs(y) < 1) {
    const one = y < 0 ? -1 : 1;
    const lo = scale - y + st, hi = one + y;
    y = ((one - hi + y) + lo + hi) - one;
    if (y === 0) y = negative ? -0 : 0;
  }
  return y * 2 ** -1022;
}

/** 0 when y is not an integer, 1 when odd, 2 when even (y finite, non-zero). */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) >= 9007199254740992 || y % 2 === 0 ? 2 : 1;
}

const LOG = new Float64Array(2); // logInline's hi and tail, read at once

const SPLIT = 134217729; // 2^27 + 1

/**
 * x^y for an integer y in [2, 8] from x^y as an unevaluated sum h + l (relative error below
 * 2^-100): glibc's pow errs by at most 0.54 ulp (its source's bound), so it gives the double
 * nearest to x^y whenever x^y is within 0.45 ulp of it. When h + l is within 0.05·|h|·2^-52 (at most
 * 0.1 ulp) of a midpoint, or x^y may leave the normal range, NaN: then the full computation.
 */
function smallIntPower(x: number, y: number): number {
  const ax = Math.abs(x);
  if (!(ax > 7.52316384526264e-37 && ax < 1.329227995784916e36)) return NaN; // 2^-120, 2^120: x^8 stays normal
  let t = SPLIT * x;
  const xh = t - (t - x), xl = x - xh;
  let h = x, l = 0;
  for (let k = 1; k < y; k++) {
    // (h + l)·x = p + (Dekker's error of h·x) + l·x
    const p = h * x;
    t = SPLIT * h;
    const hh = t - (t - h), hl = h - hh;
    const e = (((hh * xh - p) + hh * xl + hl * xh) + hl * xl) + l * x;
    h = p + e; l = e - (h - p); // Fast2Sum: |p| >= |e|
  }
  const m = Math.abs(h) * 1.1102230246251566e-17; // 0.05·|h|·2^-52
  const r = h + l;
  return r + (l - (r - h) + m) === r && r + (l - (r - h) - m) === r ? r : NaN;
}

/** glibc's pow(x, y) as built for x86-64 with FMA and for aarch64. */
export function libmPow(x: number, y: number): number {
  if (y >= 2 && y <= 8 && y === Math.floor(y)) {
    const r = smallIntPower(x, y);
    if (r === r) return r;
  }
  let negative = false, e = 0;
  const ay = Math.abs(y);
  if (!(x >= 2.2250738585072014e-308 && x < Infinity) || !(ay >= 2 ** -65 && ay < 2 ** 63)) {
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0 || x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      if (Math.abs(x) === 1) return 1;
      return (Math.abs(x) < 1) === (y > 0) ? 0 : y * y;
    }
    if (x === 0 || !Number.isFinite(x)) {
      let x2 = x * x;
      if ((x < 0 || Object.is(x, -0)) && checkint(y) === 1) x2 = -x2;
      return y < 0 ? 1 / x2 : x2;
    }
    if (x < 0) { // finite x < 0
      const yint = checkint(y);
      if (yint === 0) return NaN;
      negative = yint === 1;
      x = -x;
    }
    if (!(ay >= 2 ** -65 && ay < 2 ** 63)) {
      if (x === 1) return 1;
      if (ay < 2 ** -65) return x > 1 ? 1 + y : 1 - y;
      return (x > 1) === (y > 0) ? Infinity : 0;
    }
    if (x < 2.2250738585072014e-308) { x *= 4503599627370496; e = -52; } // subnormal: scale by 2^52
  }
  if (!tablesMade) makeTables();
  logInline(x, e, LOG);
  const hi = LOG[0], lo = LOG[1];
  const ehi = y * hi, elo = fma(y, lo, productError(y, hi, ehi)); // fma(y, hi, -ehi) is exact
  return expInline(ehi, elo, negative);
}
