// NumPy's own float32 exp, log, sin and cos loops, bit for bit, as they run on x86-64 with
// AVX2/FMA3 (and AVX-512F): loops_exponent_log.dispatch.c.src (exp, log) and
// loops_trigonometric.dispatch.cpp (sin, cos). Every operation is a float32 one; the
// multiply-adds are fused (fma32). Sine and cosine of |x| beyond the Cody-Waite range fall
// back to the C library's sinf / cosf (glibc's, in libm_sinf.ts). The coefficients are
// NumPy's published constants (npy_math.h), written as the float32 values they round to.
import { FastChunk, Floats, REDO, fma32, fma32Quick as fq, hexFloat, runChunked, takeTie } from './libm_fma';
import { glibcCosf, glibcSinf } from './libm_sinf';

const f = Math.fround;
const MAGIC = 12582912; // 0x1.8p23: adding and subtracting it rounds a float32 to an integer
const LOG2E = f(1.442695040888963407359924681001892137);
const LOGE2 = f(0.693147180559945309417232121458176568);
const SQRT1_2 = f(0.707106781186547524400844362104849039);
const LN2_HI = f(-6.93145752e-1), LN2_LO = f(-1.42860677e-6);
const [EP0, EP1, EP2, EP3, EP4, EP5] = [9.999999999980870924916e-01, 7.257664613233124478488e-01,
  2.473615434895520810817e-01, 5.114512081637298353406e-02, 6.757896990527504603057e-03,
  5.082762527590693718096e-04].map(f);
const [EQ0, EQ1, EQ2] = [1, -2.742335390411667452936e-01, 2.159509375685829852307e-02].map(f);
/** log's numerator and denominator coefficients, P5..P0 and Q5..Q0 (the loops keep fma32 inlined). */
const LOG_P = Float64Array.from([2.589979117907922693523e-02, 3.808837741388407920751e-01, 1.480000633576506585156e+00,
  2.112677543073053063722e+00, 9.999999999999998702752e-01, 0], f);
const LOG_Q = Float64Array.from([5.875095403124574342950e-03, 1.546476374983906719538e-01, 9.864942958519418960339e-01,
  2.453006071784736363091e+00, 2.612677543073109236779e+00, 1], f);
const EXP_MAX = 88.72283935546875, EXP_MIN = -103.97208404541015625;
/** 2^k for k in [-160, 160], at POW2[k + 160]. */
const POW2 = Float64Array.from({ length: 321 }, (_, i) => 2 ** (i - 160));
const F32 = new Float32Array(1), I32 = new Int32Array(F32.buffer); // float32 bit casts (scratch)

/** o[j] = np.exp(x[j]) for float32 values (NumPy's AVX2/AVX-512F kernel), every step fused. */
export function expRowF32Exact(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    if (v !== v) { o[oi] = v; continue; }
    if (v >= EXP_MAX) { o[oi] = Infinity; continue; }
    if (v <= EXP_MIN) { o[oi] = 0; continue; }
    // x = q·ln2 + r, q = rint(x·log2e), by two-part Cody-Waite (the third constant is 0).
    const q = f(f(f(v * LOG2E) + MAGIC) - MAGIC);
    const r = fma32(q, LN2_LO, fma32(q, LN2_HI, v));
    const num = fma32(fma32(fma32(fma32(fma32(EP5, r, EP4), r, EP3), r, EP2), r, EP1), r, EP0);
    const poly = f(num / fma32(fma32(EQ2, r, EQ1), r, EQ0));
    // poly·2^q by the exponent bits; below 2^-125 through a division that rounds once.
    o[oi] = q > -125 ? poly * POW2[q + 160] : f(poly * POW2[35] / POW2[35 - q]); // 2^-125 / 2^(-125-q)
  }
}

/** o[j] = np.log(x[j]) for float32 values (NumPy's AVX2/AVX-512F kernel), every step fused. */
export function logRowF32Exact(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    if (!(v > 0 && v < Infinity)) { o[oi] = v === 0 ? -Infinity : v === Infinity ? v : NaN; continue; }
    // v = m·2^e with m in [0.5, 1) from the float32 bits (subnormals scaled by 2^100 first).
    const sub = v < 1.1754943508222875e-38;
    F32[0] = sub ? v * 1.2676506002282294e30 : v;
    const bits = I32[0];
    let e = (bits >>> 23) - (sub ? 226 : 126);
    I32[0] = (bits & 0x7fffff) | 0x3f000000;
    let m = F32[0];
    if (m <= SQRT1_2) { m += m; e -= 1; }
    const r = m - 1;
    let num = LOG_P[0], den = LOG_Q[0];
    for (let k = 1; k < 6; k++) { num = fma32(num, r, LOG_P[k]); den = fma32(den, r, LOG_Q[k]); }
    o[oi] = fma32(e, LOGE2, f(num / den));
  }
}

const TWO_OVER_PI = hexFloat('0x1.45f306p-1');
const PIO2_HI = hexFloat('-0x1.921fb0p+0'), PIO2_MED = hexFloat('-0x1.5110b4p-22'), PIO2_LO = hexFloat('-0x1.846988p-48');
/** The cosine polynomial c8..c0 and the sine one s9..s3 in r² (arrays keep fma32 inlined). */
const COS = Float64Array.from(['0x1.98e616p-16', '-0x1.6c06dcp-10', '0x1.55553cp-5', '-0x1p-1', '0x1p+0'], hexFloat);
const SIN = Float64Array.from(['0x1.7d3bbcp-19', '-0x1.a06bbap-13', '0x1.11119ap-7', '-0x1.555556p-3'], hexFloat);
const PIO2 = Float64Array.from([PIO2_HI, PIO2_MED, PIO2_LO]);

/** o[j] = np.sin / np.cos (cos when `cos`) of float32 values: NumPy's FMA3 kernel, every step fused. */
export function sinCosRowF32Exact(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number, cos: boolean): void {
  const limit = cos ? 71476.0625 : 117435.9921875; // where Cody-Waite reduction stops being accurate
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    if (v !== v) { o[oi] = v; continue; }
    if (!(Math.abs(v) <= limit)) { o[oi] = cos ? glibcCosf(v) : glibcSinf(v); continue; }
    // GCC contracts Highway's Mul and Add here into one FMA (tested: the exp kernel above is
    // not contracted, this one is).
    const q = f(fma32(v, TWO_OVER_PI, MAGIC) - MAGIC);
    let r = v;
    for (let k = 0; k < 3; k++) r = fma32(q, PIO2[k], r); // three-part Cody-Waite
    const r2 = f(r * r);
    const iq = q + (cos ? 1 : 0);
    let y: number;
    if ((iq & 1) === 0) {
      let s = SIN[0];
      for (let k = 1; k < 4; k++) s = fma32(s, r2, SIN[k]);
      y = fma32(f(s * r2) + 0, r, r); // fma(s, r2, +0) turns -0 into +0
    } else {
      y = COS[0];
      for (let k = 1; k < 5; k++) y = fma32(y, r2, COS[k]);
    }
    o[oi] = (iq & 2) === 2 ? 0 - y : y;
  }
}


/** The reference loops of sin and cos, every step fused. */
export function sinRowF32Exact(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  sinCosRowF32Exact(n, x, xi, xs, o, oi, os, false);
}

export function cosRowF32Exact(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  sinCosRowF32Exact(n, x, xi, xs, o, oi, os, true);
}

// ── the fast loops ───────────────────────────────────────────────────────────
// The same operations, each multiply-add as fround(a*b + c) (fma32Quick); an element where one
// of them may have rounded twice is redone by the loops above, after its chunk (runChunked). Steps whose double sum is exact
// (shown by counting bits) need no check: there fround(a*b + c) is the fused result.

/** o[j] = np.exp(x[j]) for float32 values (NumPy's AVX2/AVX-512F kernel). */
export function expRowF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  runChunked(expChunkF32, expRowF32Exact, n, x, xi, xs, o, oi, os);
}

function expChunkF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): number {
  let left = 0;
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    if (!(v > EXP_MIN && v < EXP_MAX)) { REDO[left++] = j; continue; }
    if (v === 0) { o[oi] = 1; continue; } // (below, every sum would be a float32: the exact loop)
    const q = Math.fround(Math.fround(Math.fround(v * LOG2E) + MAGIC) - MAGIC);
    // Exact sums: q·LN2_HI has at most 23 bits from 2^-15 up; q != 0 means |v| > 1/4, so v's
    // bits start at 2^-25 and v + q·LN2_HI spans at most 2^7..2^-25, and is a float32 below
    // 1/2. With q·LN2_LO (bits from 2^-43) the second sum spans at most 2^-1..2^-43.
    const r = Math.fround(q * LN2_LO + Math.fround(q * LN2_HI + v));
    // fma32Quick's check without branches: s is a float32 midpoint only if its reflection
    // t = 2s - fround(s) is a float32, so z, the product of each step's t - fround(t), is 0 then
    // (or when a sum is itself a float32: rare, and merely sent to the exact loop).
    let s = EP5 * r + EP4, a = Math.fround(s), t = 2 * s - a, z = t - Math.fround(t);
    s = a * r + EP3; a = Math.fround(s); t = 2 * s - a; z *= t - Math.fround(t);
    s = a * r + EP2; a = Math.fround(s); t = 2 * s - a; z *= t - Math.fround(t);
    s = a * r + EP1; a = Math.fround(s); t = 2 * s - a; z *= t - Math.fround(t);
    s = a * r + EP0; const num = Math.fround(s); t = 2 * s - num; z *= t - Math.fround(t);
    s = EQ2 * r + EQ1; a = Math.fround(s); t = 2 * s - a; z *= t - Math.fround(t);
    s = a * r + EQ0; const den = Math.fround(s); t = 2 * s - den; z *= t - Math.fround(t);
    if (z === 0) { REDO[left++] = j; continue; } // (the factors are at least 2^-64: no underflow)
    const poly = Math.fround(num / den);
    o[oi] = q > -125 ? poly * POW2[q + 160] : Math.fround(poly * POW2[35] / POW2[35 - q]);
  }
  return left;
}

const [P5, P4, P3, P2, P1] = LOG_P, [Q5, Q4, Q3, Q2, Q1] = LOG_Q;

/** o[j] = np.log(x[j]) for float32 values (NumPy's AVX2/AVX-512F kernel). */
export function logRowF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  runChunked(logChunkF32, logRowF32Exact, n, x, xi, xs, o, oi, os);
}

function logChunkF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): number {
  let left = 0;
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    // v = m·2^e, m in [0.5, 1): the exponent from the leading zeros of v·2^32 or of v.
    let e: number;
    if (v >= 1 && v < 4294967296) e = 32 - Math.clz32(v >>> 0);
    else if (v >= 2.3283064365386963e-10 && v < 1) e = -Math.clz32((v * 4294967296) >>> 0);
    else { REDO[left++] = j; continue; }
    let m = v * POW2[160 - e];
    if (m <= SQRT1_2) { m += m; e -= 1; }
    const r = m - 1; // exact (Sterbenz), a multiple of 2^-24
    // Every multiply-add of both polynomials has an exact double sum for each of the 2^23
    // values r can take (checked exhaustively), so rounding it to float32 is the fused result.
    const num = Math.fround(Math.fround(Math.fround(Math.fround(Math.fround(P5 * r + P4) * r + P3) * r + P2) * r + P1) * r);
    const den = Math.fround(Math.fround(Math.fround(Math.fround(Math.fround(Q5 * r + Q4) * r + Q3) * r + Q2) * r + Q1) * r + 1);
    const q = Math.fround(num / den);
    // e·LOGE2 has bits from 2^-24 up and |e·LOGE2 + q| < 2^7, so the sum is exact in double
    // when q's bits start at 2^-46 or above: q = 0 or |q| >= 2^-22 (else m is next to 1).
    if (q !== 0 && Math.abs(q) < 2.384185791015625e-7) { REDO[left++] = j; continue; }
    o[oi] = Math.fround(e * LOGE2 + q);
  }
  return left;
}

const [S9, S7, S5, S3] = SIN, [C8, C6, C4, C2, C0] = COS;

/** np.sin / np.cos (cos when `cos`) of float32 values over one chunk: NumPy's FMA3 kernel. */
function sinCosChunkF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number, cos: boolean): number {
  let left = 0;
  const limit = cos ? 71476.0625 : 117435.9921875;
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi];
    if (!(Math.abs(v) <= limit)) { REDO[left++] = j; continue; }
    const q = Math.fround(fq(v, TWO_OVER_PI, MAGIC) - MAGIC);
    // Exact sums: q·PIO2_HI has bits from 2^-19 up and q != 0 means |v| > pi/4, so the first
    // sum spans at most 2^17..2^-24 and, below 1, is a float32; with q·PIO2_MED (bits from
    // 2^-44) the second spans at most 2^-1..2^-44. The third needs the check.
    const r = fq(q, PIO2_LO, Math.fround(q * PIO2_MED + Math.fround(q * PIO2_HI + v)));
    const r2 = Math.fround(r * r);
    const iq = q + (cos ? 1 : 0);
    let y: number;
    if ((iq & 1) === 0) {
      const s = fq(fq(fq(S9, r2, S7), r2, S5), r2, S3);
      y = fq(Math.fround(s * r2) + 0, r, r);
    } else {
      y = fq(fq(fq(fq(C8, r2, C6), r2, C4), r2, C2), r2, C0);
    }
    if (takeTie()) { REDO[left++] = j; continue; }
    o[oi] = (iq & 2) === 2 ? 0 - y : y;
  }
  return left;
}

const sinChunkF32: FastChunk = (n, x, xi, xs, o, oi, os) => sinCosChunkF32(n, x, xi, xs, o, oi, os, false);
const cosChunkF32: FastChunk = (n, x, xi, xs, o, oi, os) => sinCosChunkF32(n, x, xi, xs, o, oi, os, true);

/** o[j] = np.sin(x[j]) for float32 values. */
export function sinRowF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  runChunked(sinChunkF32, sinRowF32Exact, n, x, xi, xs, o, oi, os);
}

/** o[j] = np.cos(x[j]) for float32 values. */
export function cosRowF32(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  runChunked(cosChunkF32, cosRowF32Exact, n, x, xi, xs, o, oi, os);
}
