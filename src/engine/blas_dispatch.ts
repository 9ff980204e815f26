// How NumPy 2.x hands float products to BLAS, case by case, so that each case runs the same
// OpenBLAS kernel (openblas_*.ts) or NumPy loop, with the same operand roles and strides:
// - np.dot of ≤ 2-d operands (cblasfuncs.c): a size-1 operand scales the other (axpy); vector·
//   vector is cblas_?dot; matrix·vector and vector·matrix are gemv (a C-ordered matrix gives
//   OpenBLAS's gemv_t, an F-ordered one gemv_n); the rest is gemm (syrk for x·xᵀ).
// - np.matmul (matmul.c.src): (1,n)@(n,1) is ?dot; n = 1 and outer products run NumPy's own loop;
//   one-row or one-column operands go to gemv when the matrix and vector are BLAS-able, else to
//   NumPy's loop; matrix@matrix is gemm (syrk for x@xᵀ), copying operands BLAS cannot read.
// - NumPy's own loops (a negative-stride dot, matmul's noblas): products rounded, summed in order.
// Operands are 2-d (or 1-d) strided views; results are written to `out`, C-ordered.
import { NDArray } from './ndarray';
import { Strided, dgemm } from './openblas_gemm';
import { ColMajor, dgemvN, dgemvT } from './openblas_gemv';
import { Vec, ddot, sdot } from './openblas_level1';

/** A BLAS precision: the kernels and the rounding of stored results. */
export interface Prec {
  single: boolean;
  dot(n: number, x: Vec, y: Vec): number;
  gemvT(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array): void;
  gemvN(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array): void;
  /** `sym`: x·xᵀ, which NumPy hands to ?syrk. */
  gemm(M: number, N: number, K: number, A: Strided, B: Strided, C: Float64Array, sym: boolean): void;
}

export const F64: Prec = { single: false, dot: ddot, gemvT: dgemvT, gemvN: dgemvN, gemm: dgemm };
export const F32: Prec = { single: true, dot: sdot, gemvT: dgemvT, gemvN: dgemvN, gemm: dgemm };

/** A 2-d view's element strides and shape, with 1-d operands as a row (lhs) or column (rhs). */
interface M2 { data: ArrayLike<number>; at: number; rows: number; cols: number; rs: number; cs: number }

function asM2(x: NDArray, lhs: boolean): M2 {
  if (x.ndim === 2) return { data: x.data, at: x.offset, rows: x.shape[0], cols: x.shape[1], rs: x.strides[0], cs: x.strides[1] };
  return lhs ? { data: x.data, at: x.offset, rows: 1, cols: x.shape[0], rs: 0, cs: x.strides[0] }
    : { data: x.data, at: x.offset, rows: x.shape[0], cols: 1, rs: x.strides[0], cs: 0 };
}

/** matmul.c.src's is_blasable2d on element strides: unit inner stride, outer stride ≥ d2. */
function blasable(s1: number, s2: number, d2: number): boolean {
  return s2 === 1 && s1 >= d2;
}

/** NumPy's DOUBLE_dot / FLOAT_dot: BLAS for positive strides, else its own loop. */
export function numpyDot(p: Prec, n: number, x: Vec, y: Vec): number {
  if (x.inc > 0 && y.inc > 0) return 0 + p.dot(n, x, y);
  const f = p.single ? Math.fround : (v: number) => v;
  let s = 0;
  for (let i = 0, xi = x.at, yi = y.at; i < n; i++, xi += x.inc, yi += y.inc) s = f(s + f(x.data[xi] * y.data[yi]));
  return s;
}

/** NumPy's matmul_inner_noblas: each output starts at 0 and adds rounded products in order. */
export function noblas(p: Prec | null, a: M2, b: M2, out: Float64Array | Float32Array, o: number): void {
  const f = p && p.single ? Math.fround : (v: number) => v;
  const K = a.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0, pa = a.at + i * a.rs, pb = b.at + j * b.cs; k < K; k++, pa += a.cs, pb += b.rs) s = f(s + f(a.data[pa] * b.data[pb]));
      out[o + i * b.cols + j] = s;
    }
  }
}

/** One matmul core (a: M×K or K, b: K×N or K), written C-ordered at out[o…]. */
export function matmulCore(p: Prec, x: NDArray, y: NDArray, out: Float64Array | Float32Array, o: number): void {
  const a = asM2(x, true), b = asM2(y, false);
  const dm = a.rows, dn = a.cols, dp = b.cols;
  if (dm === 0 || dn === 0 || dp === 0) { noblas(p, a, b, out, o); return; }
  if (dm === 1 || dn === 1 || dp === 1) { special(p, a, b, out, o); return; }
  const i1 = blasable(a.rs, a.cs, dn) || blasable(a.cs, a.rs, dm);
  const i2 = blasable(b.rs, b.cs, dp) || blasable(b.cs, b.rs, dn);
  const C = target(out, o, dm * dp);
  // x @ x.T and x.T @ x go to syrk (NumPy's copy of an operand changes no arithmetic)
  const sym = a.data === b.data && a.at === b.at && dm === dp && a.rs === b.cs && a.cs === b.rs && i1 && i2
    && blasable(a.rs, a.cs, dn) !== blasable(b.rs, b.cs, dp);
  p.gemm(dm, dp, dn, { data: a.data, at: a.at, rs: a.rs, cs: a.cs }, { data: b.data, at: b.at, rs: b.rs, cs: b.cs }, C, sym);
  if (!(out instanceof Float64Array)) out.set(C, o);
}

/** A zeroed float64 block for n results at out[o…]: out's own memory when it is float64. */
function target(out: Float64Array | Float32Array, o: number, n: number): Float64Array {
  if (!(out instanceof Float64Array)) return new Float64Array(n);
  const C = o === 0 && out.length === n ? out : out.subarray(o, o + n);
  return C.fill(0);
}

/** matmul's special cases: a 1 among m, n, p. */
function special(p: Prec, a: M2, b: M2, out: Float64Array | Float32Array, o: number): void {
  const dm = a.rows, dn = a.cols, dp = b.cols;
  if (dm === 1 && dp === 1) { out[o] = numpyDot(p, dn, { data: a.data, at: a.at, inc: a.cs }, { data: b.data, at: b.at, inc: b.rs }); return; }
  if (dn === 1 && (dp === 1 || dm === 1)) { noblas(p, a, b, out, o); return; }
  const i1 = blasable(a.rs, a.cs, dn) || blasable(a.cs, a.rs, dm);
  const i2 = blasable(b.rs, b.cs, dp) || blasable(b.cs, b.rs, dn);
  if (dm === 1 && i2 && a.cs >= 1) {
    const y = new Float64Array(dp), x: Vec = { data: a.data, at: a.at, inc: a.cs };
    if (blasable(b.cs, b.rs, dn)) p.gemvT(dn, dp, { data: b.data, at: b.at, lda: b.cs }, x, y);
    else p.gemvN(dp, dn, { data: b.data, at: b.at, lda: b.rs }, x, y);
    store(y, out, o);
  } else if (dp === 1 && i1 && b.rs >= 1) {
    const y = new Float64Array(dm), x: Vec = { data: b.data, at: b.at, inc: b.rs };
    if (blasable(a.rs, a.cs, dn)) p.gemvT(dn, dm, { data: a.data, at: a.at, lda: a.rs }, x, y);
    else p.gemvN(dm, dn, { data: a.data, at: a.at, lda: a.cs }, x, y);
    store(y, out, o);
  } else noblas(p, a, b, out, o);
}

function store(src: Float64Array, out: Float64Array | Float32Array, o: number): void {
  out.set(src, o);
}

// ── np.dot of ≤ 2-d operands: cblasfuncs.c's cblas_matrixproduct ─────────────

type Shape = 'scalar' | 'column' | 'row' | 'matrix';

function shapeClass(x: NDArray): Shape {
  if (x.ndim <= 1) return x.ndim === 1 && x.shape[0] > 1 ? 'column' : 'scalar';
  if (x.shape[0] > 1) return x.shape[1] === 1 ? 'column' : 'matrix';
  return x.shape[1] === 1 ? 'scalar' : 'row';
}

/** NumPy's C-contiguity flag: strides of size-1 axes do not count. */
export function isC(x: NDArray): boolean {
  let want = 1;
  for (let i = x.ndim - 1; i >= 0; i--) {
    if (x.shape[i] !== 1 && x.strides[i] !== want) return false;
    want *= x.shape[i];
  }
  return true;
}

export function isF(x: NDArray): boolean {
  let want = 1;
  for (let i = 0; i < x.ndim; i++) {
    if (x.shape[i] !== 1 && x.strides[i] !== want) return false;
    want *= x.shape[i];
  }
  return true;
}

/** cblasfuncs.c's _bad_strides: a negative stride, or a zero one over more than one element. */
function badStrides(x: NDArray): boolean {
  return x.strides.some((s, i) => s < 0 || (s === 0 && x.shape[i] > 1));
}

/** np.dot(a, b) for float operands of one dtype with ndim ≤ 2; `out` is the C-ordered result. */
export function dotBlas(p: Prec, a: NDArray, b: NDArray, out: Float64Array | Float32Array): void {
  if (badStrides(a)) a = a.copy();
  if (badStrides(b)) b = b.copy();
  let c1 = shapeClass(a), c2 = shapeClass(b);
  if (c1 === 'scalar' || c2 === 'scalar') {
    if (c1 === 'scalar') { [a, b] = [b, a]; [c1, c2] = [c2, c1]; }
    const s = b.data[b.offset], f = p.single ? Math.fround : (v: number) => v;
    const vals = a.ndim === 0 ? [a.data[a.offset]] : Array.from(a.copy().data);
    if (out.length === 1) out[0] = f(s * vals[0]);
    else for (let i = 0; i < out.length; i++) out[i] = 0 + f(s * vals[i]);
    return;
  }
  const vec = (x: NDArray, cls: Shape): Vec => ({ data: x.data, at: x.offset, inc: x.strides[cls === 'row' ? 1 : 0] });
  if (c2 === 'column' && c1 !== 'matrix') {
    out[0] = numpyDot(p, a.ndim === 2 ? a.shape[c1 === 'row' ? 1 : 0] : a.shape[0], vec(a, c1), vec(b, c2));
    return;
  }
  if (c1 === 'matrix' && c2 !== 'matrix') {
    if (!isC(a) && !isF(a)) a = a.copy();
    const [M, K] = a.shape, y = new Float64Array(M);
    if (isC(a)) p.gemvT(K, M, { data: a.data, at: a.offset, lda: Math.max(K, 1) }, vec(b, c2), y);
    else p.gemvN(M, K, { data: a.data, at: a.offset, lda: Math.max(M, 1) }, vec(b, c2), y);
    out.set(y);
    return;
  }
  if (c1 !== 'matrix' && c2 === 'matrix') {
    if (!isC(b) && !isF(b)) b = b.copy();
    const [K, N] = b.shape, y = new Float64Array(N);
    if (isC(b)) p.gemvN(N, K, { data: b.data, at: b.offset, lda: Math.max(N, 1) }, vec(a, c1), y);
    else p.gemvT(K, N, { data: b.data, at: b.offset, lda: Math.max(K, 1) }, vec(a, c1), y);
    out.set(y);
    return;
  }
  if (!isC(a) && !isF(a)) a = a.copy();
  if (!isC(b) && !isF(b)) b = b.copy();
  const [M, K] = a.shape, N = b.shape[1], C = target(out, 0, M * N);
  const sym = a.data === b.data && a.offset === b.offset && M === N && a.strides[0] === b.strides[1] && a.strides[1] === b.strides[0]
    && isC(a) !== isC(b);
  p.gemm(M, N, K, { data: a.data, at: a.offset, rs: a.strides[0], cs: a.strides[1] }, { data: b.data, at: b.offset, rs: b.strides[0], cs: b.strides[1] }, C, sym);
  if (!(out instanceof Float64Array)) out.set(C);
}
