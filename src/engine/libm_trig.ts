// glibc's sin() and cos(), bit for bit: what np.sin / np.cos give for float64 here (NumPy 2.x
// calls the C library for float64 sin/cos) and what CPython's math.sin / math.cos give. glibc
// ships IBM's Accurate Mathematical Library (s_sin.c, cleaned up in 2.28): |x| < 0.855469 goes
// straight to a table of sin and cos at multiples of 1/128 plus short Taylor polynomials,
// larger |x| is first reduced modulo pi/2 (three-part Cody-Waite up to 105414350, __branred
// beyond). glibc's x86-64 build picks an FMA variant on CPUs with FMA; every multiply-add GCC
// contracts there is done here as a true fma. Constants are glibc's published values; the
// table is regenerated at load.
import { branred } from './libm_branred';
import { Floats, fixedToPair, fma, fmaExact, hexFloat, highWord, scalarKernel } from './libm_fma';

const [S1, S2, S3, S4, S5] = ['-0x1.5555555555555p-3', '0x1.1111111110ECEp-7', '-0x1.A01A019DB08B8p-13',
  '0x1.71DE27B9A7ED9p-19', '-0x1.ADDFFC2FCDF59p-26'].map(hexFloat);
const SN3 = -1.66666666666664880952546298448555e-01, SN5 = 8.33333214285722277379541354343671e-03;
const CS2 = 4.99999999999999999999950396842453e-01, CS4 = -4.16666666666664434524222570944589e-02;
const CS6 = 1.38888874007937613028114285595617e-03;
const BIG = 52776558133248; // 0x1.8p45: adding it rounds to a multiple of 1/128
const HP0 = hexFloat('0x1.921FB54442D18p0'), HP1 = hexFloat('0x1.1A62633145C07p-54'); // pi/2
const MP1 = hexFloat('0x1.921FB58000000p0'), MP2 = hexFloat('-0x1.DDE973C000000p-27');
const PP3 = hexFloat('-0x1.CB3B398000000p-55'), PP4 = hexFloat('-0x1.d747f23e32ed7p-83');
const HPINV = hexFloat('0x1.45F306DC9C883p-1'); // 2/pi
const TOINT = 6755399441055744; // 0x1.8p52

/** sin(i/128), its remainder, cos(i/128), its remainder, for i < 110 (glibc's __sincostab). */
const TAB = new Float64Array(440);
let tableMade = false; // made on first use: BigInt series take milliseconds, at every start otherwise

function makeTable(): void {
  tableMade = true;
  const F = 200n, one = 1n << F;
  for (let i = 0; i < 110; i++) {
    const x = (BigInt(i) << F) / 128n;
    let sin = 0n, cos = 0n, term = one;
    for (let n = 0n; term !== 0n; n += 2n) {
      const sign = n % 4n === 0n ? 1n : -1n; // x^n/n! and x^(n+1)/(n+1)! alternate in pairs
      cos += sign * term;
      const next = (term * x) >> F;
      sin += sign * (next / (n + 1n));
      term = (next * x >> F) / ((n + 1n) * (n + 2n));
    }
    [TAB[4 * i], TAB[4 * i + 1]] = fixedToPair(sin, 200);
    [TAB[4 * i + 2], TAB[4 * i + 3]] = fixedToPair(cos, 200);
  }
  // glibc's remainders were computed to about 120 bits: these 18 of them are off from the
  // correctly rounded values by this many units in their last place (checked against libm.so).
  const bits = new BigInt64Array(TAB.buffer);
  for (const [i, ulps] of [[9, 1], [41, 1], [93, 39], [107, 1], [109, 1], [133, 1], [137, 1], [145, 1],
    [161, -2], [179, 1], [283, 1], [301, 1], [303, -2], [319, 1], [341, 1], [361, -2], [377, 1], [429, 1]]) {
    bits[i] += BigInt(ulps);
  }
}

/** glibc's TAYLOR_SIN: sin(a + da) for |a| < 0.126. */
function taylorSin(xx: number, a: number, da: number): number {
  const poly = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
  return a + fma(xx, fma(poly, a, -(0.5 * da)), da);
}

/** glibc's do_sin: sin(x + dx) from the table row nearest |x| (|x| < 0.855469). */
function doSin(x: number, dx: number): number {
  if (Math.abs(x) < 0.126) return taylorSin(x * x, x, dx);
  if (x <= 0) dx = -dx;
  const ax = Math.abs(x), u = (BIG + ax) - BIG, k = 4 * (u * 128);
  const xr = ax - u, xx = xr * xr;
  const s = xr + fma(xr * xx, fma(xx, SN5, SN3), dx);
  const c = fma(xr, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const cor = fma(s, TAB[k + 2], fma(-c, TAB[k], fma(s, TAB[k + 3], TAB[k + 1])));
  const r = TAB[k] + cor;
  return x < 0 ? -Math.abs(r) : Math.abs(r);
}

/** glibc's do_cos: cos(x + dx) from the table row nearest |x|. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x), u = (BIG + ax) - BIG, k = 4 * (u * 128);
  const xr = (ax - u) + dx, xx = xr * xr;
  const s = fma(xr * xx, fma(xx, SN5, SN3), xr);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  return TAB[k + 2] + fma(-s, TAB[k], fma(-c, TAB[k + 2], fma(-s, TAB[k + 1], TAB[k + 3])));
}

const RED = new Float64Array(2); // a and da of the last reduction, read at once

/** x = n·pi/2 + (a + da) for |x| < 105414350: returns n mod 4, a and da in RED. */
function reduce(x: number): number {
  const t = fmaExact(x, HPINV, TOINT), xn = t - TOINT;
  // xn < 2^26, so xn·MP1, xn·MP2 and xn·PP3 are exact and those fmas are plain operations.
  const y = (x - xn * MP1) - xn * MP2;
  const t2 = y - xn * PP3;
  let db = (y - t2) - xn * PP3;
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  RED[0] = b; RED[1] = db;
  return xn & 3;
}

/** sin or cos of a + da by quadrant n. */
function quadrant(n: number): number {
  const a = RED[0], da = RED[1];
  const r = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -r : r;
}

/** glibc's sin(x) computed step by step with true fmas: the reference the fast path defers to. */
export function libmSinExact(x: number): number {
  if (!tableMade) makeTable();
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x;
  if (k < 0x3feb6000) return doSin(x, 0);
  if (k < 0x400368fd) {
    const r = doCos(HP0 - Math.abs(x), HP1);
    return x < 0 ? -Math.abs(r) : Math.abs(r);
  }
  if (k < 0x419921fb) return quadrant(reduce(x));
  if (k < 0x7ff00000) return quadrant(branred(x, RED));
  return NaN;
}

/** glibc's cos(x) computed step by step with true fmas. */
export function libmCosExact(x: number): number {
  if (!tableMade) makeTable();
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1;
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    const y = HP0 - Math.abs(x), a = y + HP1;
    return doSin(a, (y - a) + HP1);
  }
  if (k < 0x419921fb) return quadrant(reduce(x) + 1);
  if (k < 0x7ff00000) return quadrant(branred(x, RED) + 1);
  return NaN;
}

// ── the fast path ────────────────────────────────────────────────────────────
// The same computation without fused operations, with bounds on how far each value can drift
// from glibc's; a value is kept only when nothing within its bound would round differently,
// and the final multiply-add is done exactly. About 1 argument in 100 goes to the exact path.

const UB = 1.1102230246251565e-16 * 1.05; // 2^-53, with room for the bounds' own roundings
const SPLIT = 134217729; // 2^27 + 1
const PP4H = (SPLIT * PP4) - ((SPLIT * PP4) - PP4), PP4L = PP4 - PP4H; // PP4 in 26 + 27 bits

/**
 * fma(a, b, c') for every c' within m of c, when they all round alike; NaN otherwise. With
 * m = 0, fma(a, b, c) itself (a tie that could hide the product's error goes to fmaExact).
 */
function fmaSure(a: number, b: number, c: number, m: number): number {
  const p = a * b, S = c + p;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const bv = S - c, T = ((c - (S - bv)) + (p - bv)) + (((ah * bh - p) + ah * bl + al * bh) + al * bl);
  const r = S + T;
  if (m === 0) {
    const e2 = T - (r - S);
    return e2 !== 0 && (r + 2 * e2) - r === 2 * e2 ? fmaExact(a, b, c) : r;
  }
  m += Math.abs(T) * UB;
  return S + (T + m) === r && S + (T - m) === r ? r : NaN;
}

/** Arguments and result of fastSinCos, passed unboxed: a, da in, the value out. */
const ARG = new Float64Array(3);

/**
 * sin(a + da), or cos(a + da) when `cos`, for |a| < 0.855469 with a, da in ARG[0], ARG[1]:
 * glibc's do_sin / do_cos / TAYLOR_SIN. Writes the value to ARG[2] and returns true, or
 * returns false when unsure.
 */
function fastSinCos(cos: boolean): boolean {
  const a = ARG[0], da = ARG[1], ax = Math.abs(a);
  if (!cos && ax < 0.126) {
    // glibc's TAYLOR_SIN: a + (xx·(poly·a - da/2) + da), fused.
    const xx = a * a;
    const poly = (((S5 * xx + S4) * xx + S3) * xx + S2) * xx + S1;
    const pa = poly * a, t1 = pa - 0.5 * da, xt = xx * t1, t = xt + da;
    const dt1 = Math.abs(a * poly) * 4 * UB + (Math.abs(pa) + 2 * Math.abs(t1)) * UB;
    const dt = xx * dt1 + (Math.abs(xt) + 2 * Math.abs(t)) * UB;
    const r = a + t;
    ARG[2] = r;
    return a + (t + dt) === r && a + (t - dt) === r;
  }
  const dx = cos ? (a < 0 ? -da : da) : (a <= 0 ? -da : da);
  const u = (BIG + ax) - BIG, k = 4 * (u * 128);
  const sn = TAB[k], ssn = TAB[k + 1], cs = TAB[k + 2], ccs = TAB[k + 3];
  const xr = cos ? (ax - u) + dx : ax - u, xx = xr * xr;
  // s = xr + (dx + xr·xx·q) for sin, xr + xr·xx·q for cos, fused: kept when its rounding is sure.
  const pq = xr * xx * (xx * SN5 + SN3), si = cos ? pq : pq + dx;
  const s = xr + si, ds = (Math.abs(xr * xx) * 0.3 + Math.abs(pq) + 2 * Math.abs(si)) * UB;
  if (xr + (si + ds) !== s || xr + (si - ds) !== s) return false;
  // w = cs2 + xx·(cs4 + xx·cs6), fused: xx·w1 is tiny next to cs2, so the plain sum is the
  // fused one unless it lies within the product's (and w1's) error of a midpoint.
  const w1 = xx * CS6 + CS4, xw = xx * w1, w = CS2 + xw, dw = (xx * Math.abs(w1) * 2 + Math.abs(xw)) * UB;
  if (CS2 + (xw + dw) !== w || CS2 + (xw - dw) !== w) return false;
  const cw = xx * w; // glibc's value: a plain product there too
  let cor: number;
  if (cos) {
    // cor = ((ccs - s·ssn) - c·cs) - s·sn with c = xx·w; the last two multiply-adds exactly.
    const sq = s * ssn, d1 = ccs - sq;
    cor = fmaSure(-s, sn, fmaSure(-cw, cs, d1, (Math.abs(sq) + 2 * Math.abs(d1)) * UB), 0);
  } else {
    // c = xr·dx + xx·w, kept when the product's error cannot move its rounding; then
    // cor = ((ssn + s·ccs) - c·sn) + s·cs, the last multiply-add exactly.
    const xd = xr * dx, c = xd + cw, dc = Math.abs(xd) * UB;
    if (cw + (xd + dc) !== c || cw + (xd - dc) !== c) return false;
    const sc = s * ccs, d1 = sc + ssn, cn = c * sn, d = d1 - cn;
    cor = fmaSure(s, cs, d, (Math.abs(sc) + 2 * Math.abs(d1) + Math.abs(cn) + 2 * Math.abs(d)) * UB);
  }
  if (cor !== cor) return false;
  if (cos) { ARG[2] = cs + cor; return true; }
  const r = sn + cor;
  ARG[2] = a < 0 ? -Math.abs(r) : Math.abs(r);
  return true;
}

/** RN(c - xn·PP4) exactly (xn < 2^26 is an integer: xn·PP4H and xn·PP4L are exact). */
function minusPP4(c: number, xn: number): number {
  const p = xn * PP4, pe = (xn * PP4H - p) + xn * PP4L; // xn·PP4 = p + pe
  const S = c - p, bv = S - c, T = ((c - (S - bv)) + (-p - bv)) - pe;
  const r = S + T, e2 = T - (r - S);
  return e2 !== 0 && (r + 2 * e2) - r === 2 * e2 ? fmaExact(-xn, PP4, c) : r;
}

/** o[j] = glibc's sin (cos when `cos`) of x[j] over a row. */
function sinCosRow(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number, cos: boolean): void {
  for (let j = 0; j < n; j++, xi += xs, oi += os) {
    const v = x[xi], av = Math.abs(v);
    let a: number, da: number, q: number, r: number;
    if (av < 0.85546875) { // 0x3feb6000
      if (av < (cos ? 7.450580596923828e-9 : 1.4901161193847656e-8)) { o[oi] = cos ? 1 : v; continue; } // 2^-27, 2^-26
      a = v; da = 0; q = cos ? 1 : 0;
    } else if (av < 2.4262638092041016) { // 0x400368fd
      const y = HP0 - av;
      if (cos) { a = y + HP1; da = (y - a) + HP1; q = 0; } else { a = y; da = HP1; q = 1; }
    } else if (av < 105414336) { // 0x419921fb
      const z = v * HPINV, xn = (z + TOINT) - TOINT, d = z - xn;
      if (!(d < 0.4999999 && d > -0.4999999)) { o[oi] = cos ? libmCosExact(v) : libmSinExact(v); continue; }
      // xn < 2^26: the products with MP1, MP2, PP3 are exact, so these are glibc's fused values.
      const y = (v - xn * MP1) - xn * MP2, t2 = y - xn * PP3;
      // b = t2 - xn·PP4, fused: the product's error is far below b's ulp unless t2 is tiny.
      const p4 = xn * PP4, b0 = t2 - p4, e4 = Math.abs(p4) * UB;
      const b = t2 - (p4 + e4) === b0 && t2 - (p4 - e4) === b0 ? b0 : minusPP4(t2, xn);
      a = b; da = ((y - t2) - xn * PP3) + minusPP4(t2 - b, xn);
      q = (xn & 3) + (cos ? 1 : 0);
    } else { o[oi] = cos ? libmCosExact(v) : libmSinExact(v); continue; }
    ARG[0] = a; ARG[1] = da;
    if (!fastSinCos((q & 1) === 1)) { o[oi] = cos ? libmCosExact(v) : libmSinExact(v); continue; }
    r = ARG[2];
    if (!cos && av >= 0.85546875 && av < 2.4262638092041016) r = v < 0 ? -Math.abs(r) : Math.abs(r);
    o[oi] = q & 2 ? -r : r;
  }
}

/** o[oi + j·os] = glibc's sin(x[xi + j·xs]) for j < n. */
export function sinRow(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  if (!tableMade) makeTable();
  sinCosRow(n, x, xi, xs, o, oi, os, false);
}

/** o[oi + j·os] = glibc's cos(x[xi + j·xs]) for j < n. */
export function cosRow(n: number, x: Floats, xi: number, xs: number, o: Floats, oi: number, os: number): void {
  if (!tableMade) makeTable();
  sinCosRow(n, x, xi, xs, o, oi, os, true);
}

/** glibc's sin(x) (x86-64 with FMA): CPython's math.sin and NumPy's float64 sin. */
export const libmSin = scalarKernel(sinRow);

/** glibc's cos(x) (x86-64 with FMA): CPython's math.cos and NumPy's float64 cos. */
export const libmCos = scalarKernel(cosRow);
