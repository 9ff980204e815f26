// IEEE-754 double helpers with C's exact semantics: frexp, ldexp (one rounding, also for
// subnormal results), sign bits, nextafter, round-half-even.

const BUF = new DataView(new ArrayBuffer(8)); // bit-cast scratch, not state

/** Whether the sign bit of x is set (true for -0.0 and negative NaNs). */
export function signBit(x: number): boolean {
  BUF.setFloat64(0, x);
  return (BUF.getUint8(0) & 0x80) !== 0;
}

/** C's copysign. */
export function copySign(x: number, y: number): number {
  const mag = Math.abs(x);
  return signBit(y) ? -mag : mag;
}

/** C's frexp: x = m * 2^e with 0.5 <= |m| < 1 (0, inf and NaN give [x, 0]). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = 0, m = x;
  if (Math.abs(m) < 2 ** -1022) { m *= 2 ** 64; e -= 64; } // subnormal: normalise exactly first
  BUF.setFloat64(0, m);
  const hi = BUF.getUint16(0);
  e += ((hi >> 4) & 0x7ff) - 1022;
  BUF.setUint16(0, (hi & 0x800f) | (1022 << 4));
  return [BUF.getFloat64(0), e];
}

/** Rounds half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** C's ldexp: x * 2^e rounded once; Infinity on overflow (callers raise). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, ex] = frexp(x);
  const target = ex + e; // result = m * 2^target, 0.5 <= |m| < 1
  if (target > 1024) return x > 0 ? Infinity : -Infinity;
  // Normal result: exact (2^1024 itself is not a double, hence the split).
  if (target >= -1021) return target > 1000 ? m * 2 ** (target - 100) * 2 ** 100 : m * 2 ** target;
  if (target < -1075) return x > 0 ? 0 : -0;
  // Subnormal result: count units of 2^-1074, rounding once.
  const units = roundHalfEven(m * 2 ** (target + 1074));
  return units === 0 ? (x > 0 ? 0 : -0) : units * 2 ** -1074;
}

/** C's nextafter. */
export function nextAfter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -1074 : -(2 ** -1074);
  BUF.setFloat64(0, x);
  let bits = BUF.getBigUint64(0);
  bits += (x < y) === (x > 0) ? 1n : -1n;
  BUF.setBigUint64(0, bits);
  return BUF.getFloat64(0);
}

/** math.ulp: the gap from |x| to the next larger double. */
export function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a === Infinity) return a;
  const up = nextAfter(a, Infinity);
  if (up === Infinity) return a - nextAfter(a, -Infinity);
  return up - a;
}

/** An exact decomposition of a finite double: |x| = mant * 2^exp with mant a non-negative integer. */
export function decompose(x: number): [bigint, number] {
  const a = Math.abs(x);
  if (a === 0) return [0n, 0];
  const [m, e] = frexp(a);
  return [BigInt(m * 2 ** 53), e - 53];
}
