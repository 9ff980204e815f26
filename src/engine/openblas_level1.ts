// OpenBLAS's level-1 dot products as NumPy's wheel runs them on x86-64 with AVX2 (the Haswell
// kernels): ddot, sdot, operation for operation. Vectors are read as v[at + i*inc].
// ddot, unit stride: 16 running sums (4 vectors of 4 lanes) fed by fma over the first n & -16
//   elements, reduced lane-wise, then the rest added one fma at a time; other strides: two
//   sums over pairs of products (the C compiler contracts a*b + c*d into fma(a, b, c*d)).
// sdot, unit stride: 32 float sums (4 × 8 lanes) over n & -32 elements; the rest is added in
//   double, one float product at a time, before the vector part; the result is rounded to float.
// Long vectors (n > 10000) are split between the library's threads, each part summed alone.
import { fma32, fma64 } from './exact_fma';

/** OpenBLAS's thread count in NumPy's wheel on this machine (it uses one per core). */
export const BLAS_THREADS: number = 2;

/** Strided vector access: data[at + i*inc]. */
export interface Vec { data: ArrayLike<number>; at: number; inc: number }

/** Splits n between the threads as blas_level1_thread does (first parts take the ceiling). */
export function threadParts(n: number, threads: number): number[] {
  const parts: number[] = [];
  for (let left = n, t = threads; left > 0; t--) {
    const w = Math.min(left, Math.ceil(left / t));
    parts.push(w);
    left -= w;
  }
  return parts;
}

/** cblas_ddot(n, x, incx, y, incy). */
export function ddot(n: number, x: Vec, y: Vec): number {
  if (n <= 0) return 0;
  if (n <= 10000 || x.inc === 0 || y.inc === 0 || BLAS_THREADS === 1) return ddotPart(n, x, y, 0);
  let dot = 0, done = 0;
  for (const w of threadParts(n, BLAS_THREADS)) { dot += ddotPart(w, x, y, done); done += w; }
  return dot;
}

function ddotPart(n: number, x: Vec, y: Vec, from: number): number {
  const xd = x.data, yd = y.data;
  let xi = x.at + from * x.inc, yi = y.at + from * y.inc;
  if (x.inc === 1 && y.inc === 1) {
    const n1 = n & -16;
    let dot = n1 ? ddotKernel16(n1, xd, xi, yd, yi) : 0;
    for (let i = n1; i < n; i++) dot += yd[yi + i] * xd[xi + i];
    return dot;
  }
  let t1 = 0, t2 = 0, i = 0;
  const ix = x.inc, iy = y.inc;
  for (const n1 = n & -4; i < n1; i += 4, xi += 4 * ix, yi += 4 * iy) {
    t1 += yd[yi] * xd[xi] + yd[yi + 2 * iy] * xd[xi + 2 * ix];
    t2 += yd[yi + iy] * xd[xi + ix] + yd[yi + 3 * iy] * xd[xi + 3 * ix];
  }
  for (; i < n; i++, xi += ix, yi += iy) t1 += yd[yi] * xd[xi];
  return t1 + t2;
}

/** The AVX2 loop: lane L of 16 takes elements L, L+16, …; lanes reduce as the register layout says. */
function ddotKernel16(n: number, x: ArrayLike<number>, xi: number, y: ArrayLike<number>, yi: number): number {
  const acc = new Float64Array(16);
  for (let i = 0; i < n; i += 16) {
    for (let l = 0; l < 16; l++) acc[l] = fma64(x[xi + i + l], y[yi + i + l], acc[l]);
  }
  return reduce4x4(acc);
}

/** Four 4-lane registers r: (r[0]+r[2], r[1]+r[3]) each, then (0+1)+(2+3) lane-wise, then a horizontal add. */
function reduce4x4(acc: Float64Array): number {
  const h = (r: number, l: number) => acc[4 * r + l] + acc[4 * r + l + 2];
  const u0 = h(0, 0) + h(1, 0), u1 = h(0, 1) + h(1, 1);
  const v0 = h(2, 0) + h(3, 0), v1 = h(2, 1) + h(3, 1);
  return (u0 + v0) + (u1 + v1);
}

/** cblas_sdot(n, x, incx, y, incy) on float32 values: the float result. */
export function sdot(n: number, x: Vec, y: Vec): number {
  if (n <= 0) return 0;
  if (n <= 10000 || x.inc === 0 || y.inc === 0 || BLAS_THREADS === 1) return Math.fround(sdotPart(n, x, y, 0));
  let dot = 0, done = 0;
  for (const w of threadParts(n, BLAS_THREADS)) { dot += Math.fround(sdotPart(w, x, y, done)); done += w; }
  return Math.fround(dot);
}

/** One part's double sum (before the final rounding to float). */
function sdotPart(n: number, x: Vec, y: Vec, from: number): number {
  const xd = x.data, yd = y.data, f = Math.fround;
  let xi = x.at + from * x.inc, yi = y.at + from * y.inc;
  let dot = 0;
  if (x.inc === 1 && y.inc === 1) {
    const n1 = n & -32;
    const vec = n1 ? sdotKernel32(n1, xd, xi, yd, yi) : 0;
    for (let i = n1; i < n; i++) dot += f(yd[yi + i] * xd[xi + i]);
    return dot + vec;
  }
  const ix = x.inc, iy = y.inc;
  let i = 0;
  for (const n1 = n & -2; i < n1; i += 2, xi += 2 * ix, yi += 2 * iy) {
    dot += fma32(yd[yi], xd[xi], f(yd[yi + iy] * xd[xi + ix]));
  }
  for (; i < n; i++, xi += ix, yi += iy) dot += f(yd[yi] * xd[xi]);
  return dot;
}

/** The AVX2 loop on floats: 32 lanes (4 registers of 8), reduced as the register layout says. */
function sdotKernel32(n: number, x: ArrayLike<number>, xi: number, y: ArrayLike<number>, yi: number): number {
  const acc = new Float64Array(32), f = Math.fround;
  for (let i = 0; i < n; i += 32) {
    for (let l = 0; l < 32; l++) acc[l] = fma32(x[xi + i + l], y[yi + i + l], acc[l]);
  }
  const h = (r: number, l: number) => f(acc[8 * r + l] + acc[8 * r + l + 4]);
  const w = [0, 1, 2, 3].map((l) => f(f(h(0, l) + h(1, l)) + f(h(2, l) + h(3, l))));
  return f(f(w[0] + w[1]) + f(w[2] + w[3]));
}
