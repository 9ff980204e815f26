// glibc's __branred: the reduction of a huge argument (|x| >= 105414350) modulo pi/2 for sin
// and cos, from IBM's Accurate Mathematical Library. glibc compiles this file without FMA
// contraction on x86-64, so every operation below is the plain one, in C's order. The 75
// base-2^24 digits of 2/pi are computed (once, on first use) from Machin's formula.

const SPLIT = 134217729; // 2^27 + 1
const BIG = 6755399441055744; // 2^52 + 2^51
const BIG1 = 27021597764222976; // 2^54 + 2^53
const TM600 = 2 ** -600, TM24 = 2 ** -24;
const HP0 = 1.5707963267948966, HP1 = 6.123233995736766e-17; // pi/2 = HP0 + HP1
const MP1 = 1.5707963407039642, MP2 = -1.3909067675399456e-8; // HP0 ≈ MP1 + MP2, 28 bits each

let digits: Float64Array | null = null;

/** arctan(1/n) · 2^bits, truncated (Taylor series in fixed point). */
function atanInv(n: bigint, bits: bigint): bigint {
  const n2 = n * n;
  let term = (1n << bits) / n, sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= n2;
    sum += (k & 1n ? -term : term) / (2n * k + 1n);
  }
  return sum;
}

/** 2/pi = sum of TOVERP[i] · 2^(-24(i+1)): 75 digits in base 2^24. */
function twoOverPiDigits(): Float64Array {
  const bits = 75n * 24n + 64n;
  const pi = 16n * atanInv(5n, bits) - 4n * atanInv(239n, bits);
  const twoOverPi = (1n << (2n * bits + 1n)) / pi; // 2/pi · 2^bits
  const out = new Float64Array(75);
  for (let i = 0; i < 75; i++) out[i] = Number((twoOverPi >> (bits - 24n * BigInt(i + 1))) & 0xffffffn);
  return out;
}

const HIGH = new Float64Array(1);
const HIGH_WORDS = new Uint32Array(HIGH.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Biased exponent of x. */
function exponentBits(x: number): number {
  HIGH[0] = x;
  return (HIGH_WORDS[HI] >>> 20) & 2047;
}

/** The products of one 27-bit half of x with 2/pi: [sum (an integer part), b, bb]. */
function half(x: number, out: Float64Array): number {
  const toverp = digits!;
  const k = Math.max(Math.trunc((exponentBits(x) - 450) / 24), 0);
  let gor = 2 ** (576 - 24 * k);
  const r = R;
  for (let i = 0; i < 6; i++) { r[i] = x * toverp[k + i] * gor; gor *= TM24; }
  let sum = 0, s: number;
  for (let i = 0; i < 3; i++) {
    s = (r[i] + BIG) - BIG;
    sum += s;
    r[i] -= s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += r[5 - i];
  let bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5];
  s = (t + BIG) - BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = (t - b) + bb;
  s = (sum + BIG1) - BIG1;
  out[0] = b; out[1] = bb;
  return sum - s;
}

const PART = new Float64Array(2); // scratch for half()'s two outputs, read at once
const R = new Float64Array(6); // half()'s six partial products

/**
 * x = n·pi/2 + (a + aa) with |a + aa| <= pi/4: writes a and aa into out[0], out[1] and returns
 * n mod 4, exactly as glibc's __branred.
 */
export function branred(x: number, out: Float64Array): number {
  digits ??= twoOverPiDigits();
  x *= TM600;
  let t = x * SPLIT;
  const x1 = t - (t - x), x2 = x - x1;
  const sum1 = half(x1, PART), b1 = PART[0], bb1 = PART[1];
  const sum2 = half(x2, PART), b2 = PART[0], bb2 = PART[1];
  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? (b1 - b) + b2 : (b2 - b) + b1;
  if (b > 0.5) { b -= 1; sum += 1; } else if (b < -0.5) { b += 1; sum -= 1; }
  let s = b + (bb + bb1 + bb2);
  t = ((b - s) + bb) + (bb1 + bb2);
  b = s * SPLIT;
  const t1 = b - (b - s), t2 = s - t1;
  b = s * HP0;
  bb = (((t1 * MP1 - b) + t1 * MP2) + t2 * MP1) + (t2 * MP2 + s * HP1 + t * HP0);
  s = b + bb;
  out[0] = s;
  out[1] = (b - s) + bb;
  return Math.trunc(sum) & 3;
}
