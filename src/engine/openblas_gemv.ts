// OpenBLAS's dgemv as NumPy's wheel runs it on x86-64 with AVX2 (dgemv_t_4.c, dgemv_n_4.c and
// their Haswell micro-kernels), operation for operation, for alpha = 1 and beta = 0 (y zeroed).
// A is m×n column-major: A(i, j) = data[at + i + j*lda]; x is read as x.data[x.at + i*x.inc];
// y is a fresh zeroed Float64Array written with unit stride.
// gemv_t: y[j] = Σ_i A(i, j)·x[i] — rows go in blocks of up to 2048 (a multiple of 4); in each
//   block, columns by fours (4 lanes of fma per column, reduced (l0+l2)+(l1+l3)), then a pair
//   (2 lanes, products rounded, then added), then one (4 lanes the same way), each block's sums
//   added to y; the last m % 4 rows are added at the end by C code that GCC contracted to fma.
// gemv_n: y[i] = Σ_j A(i, j)·x[j] — same row blocks; columns by fours (two fma chains per row,
//   over columns 0,2 and 1,3, added, then added to y), then a pair and a single column (products
//   added to y one by one); the last m % 4 rows are single fma chains over all columns.
// With two threads (m·n ≥ 460800), gemv_t splits the columns and gemv_n the rows in two.
import { BLAS_THREADS, Vec } from './openblas_level1';
import { fma64 } from './exact_fma';

/** Column-major matrix access: data[at + i + j*lda]. */
export interface ColMajor { data: ArrayLike<number>; at: number; lda: number }

const NBMAX = 2048;

/**
 * gemv runs on one thread below m·n = 2304 · GEMM_MULTITHREAD_THRESHOLD; NumPy's OpenBLAS
 * (scipy-openblas) is built with a threshold of 200, measured here: threads from m·n = 460800.
 */
export const GEMV_THREADS_FROM = 2304 * 200;

/** The row blocks of the kernels: [start, size] pairs over the first m - m % 4 rows. */
function rowBlocks(m: number): [number, number][] {
  const m3 = m & 3, m2 = (m & (NBMAX - 1)) - m3, blocks: [number, number][] = [];
  let m1 = m - m3, nb = NBMAX, r0 = 0;
  while (nb === NBMAX) {
    m1 -= nb;
    if (m1 < 0) {
      if (m2 === 0) break;
      nb = m2;
    }
    blocks.push([r0, nb]);
    r0 += nb;
  }
  return blocks;
}

/** The [start, width] ranges gemv_thread gives each thread over `count` rows or columns. */
export function threadRanges(count: number, threads: number): [number, number][] {
  const out: [number, number][] = [];
  for (let left = count, start = 0, t = threads; left > 0; t--) {
    const w = Math.min(left, Math.max(4, Math.ceil(left / t)));
    out.push([start, w]);
    start += w; left -= w;
  }
  return out;
}

/** y = Aᵀ·x (y of length n, zeroed), as cblas_dgemv with trans, threads included. */
export function dgemvT(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array): void {
  if (m === 0 || n === 0) return;
  if (m * n < GEMV_THREADS_FROM || BLAS_THREADS === 1) { gemvT(m, n, A, x, y, 0); return; }
  for (const [j0, w] of threadRanges(n, BLAS_THREADS)) gemvT(m, w, { data: A.data, at: A.at + j0 * A.lda, lda: A.lda }, x, y, j0);
}

function gemvT(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array, y0: number): void {
  const a = A.data, lda = A.lda, xd = x.data;
  const xs = (i: number) => xd[x.at + i * x.inc];
  for (const [r0, nb] of rowBlocks(m)) {
    const n4 = n & -4;
    for (let j = 0; j < n4; j++) y[y0 + j] += colDot4(a, A.at + r0 + j * lda, nb, xs, r0);
    if (n & 2) {
      for (let j = n4; j < n4 + 2; j++) y[y0 + j] += colDot2(a, A.at + r0 + j * lda, nb, xs, r0);
    }
    if (n & 1) y[y0 + n - 1] += colDot1(a, A.at + r0 + (n - 1) * lda, nb, xs, r0);
  }
  const m3 = m & 3;
  if (m3 === 0) return;
  const r = m - m3, x0 = xs(r), x1 = m3 > 1 ? xs(r + 1) : 0, x2 = m3 > 2 ? xs(r + 2) : 0;
  for (let j = 0; j < n; j++) {
    const p = A.at + r + j * lda;
    if (m3 === 1) y[y0 + j] = fma64(a[p], x0, y[y0 + j]);
    else if (m3 === 2) y[y0 + j] += fma64(a[p], x0, a[p + 1] * x1);
    else y[y0 + j] += fma64(a[p + 2], x2, fma64(a[p], x0, a[p + 1] * x1));
  }
}

/** The 4-column AVX2 kernel, one column: 4 fma lanes over rows r ≡ l (mod 4). */
function colDot4(a: ArrayLike<number>, p: number, nb: number, xs: (i: number) => number, r0: number): number {
  let l0 = 0, l1 = 0, l2 = 0, l3 = 0;
  for (let i = 0; i < nb; i += 4) {
    l0 = fma64(a[p + i], xs(r0 + i), l0);
    l1 = fma64(a[p + i + 1], xs(r0 + i + 1), l1);
    l2 = fma64(a[p + i + 2], xs(r0 + i + 2), l2);
    l3 = fma64(a[p + i + 3], xs(r0 + i + 3), l3);
  }
  return (l0 + l2) + (l1 + l3);
}

/** The SSE2 2-column kernel, one column: 2 lanes (row parity) of rounded products, then lane0 + lane1. */
function colDot2(a: ArrayLike<number>, p: number, nb: number, xs: (i: number) => number, r0: number): number {
  let l0 = 0, l1 = 0;
  for (let i = 0; i < nb; i += 2) {
    l0 += a[p + i] * xs(r0 + i);
    l1 += a[p + i + 1] * xs(r0 + i + 1);
  }
  return l0 + l1;
}

/** The SSE2 1-column kernel: rows 0,1 (mod 4) in one register, rows 2,3 in another. */
function colDot1(a: ArrayLike<number>, p: number, nb: number, xs: (i: number) => number, r0: number): number {
  let a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  for (let i = 0; i < nb; i += 4) {
    a0 += a[p + i] * xs(r0 + i);
    a1 += a[p + i + 1] * xs(r0 + i + 1);
    b0 += a[p + i + 2] * xs(r0 + i + 2);
    b1 += a[p + i + 3] * xs(r0 + i + 3);
  }
  return (a0 + b0) + (a1 + b1);
}

/** y = A·x (y of length m, zeroed), as cblas_dgemv without trans, threads included. */
export function dgemvN(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array): void {
  if (m === 0 || n === 0) return;
  if (m * n < GEMV_THREADS_FROM || BLAS_THREADS === 1) { gemvN(m, n, A, x, y, 0); return; }
  const ranges = threadRanges(m, BLAS_THREADS);
  if (ranges.length < BLAS_THREADS && m * n > 24 * 24 * 200 * 200 && m * BLAS_THREADS <= 1024) {
    // few rows: each thread takes a range of columns into its own buffer, then y adds them in order
    for (const [j0, w] of threadRanges(n, BLAS_THREADS)) {
      const part = new Float64Array(m);
      gemvN(m, w, { data: A.data, at: A.at + j0 * A.lda, lda: A.lda }, { data: x.data, at: x.at + j0 * x.inc, inc: x.inc }, part, 0);
      for (let i = 0; i < m; i++) y[i] += part[i];
    }
    return;
  }
  for (const [i0, w] of ranges) gemvN(w, n, { data: A.data, at: A.at + i0, lda: A.lda }, x, y, i0);
}

function gemvN(m: number, n: number, A: ColMajor, x: Vec, y: Float64Array, y0: number): void {
  const a = A.data, lda = A.lda, xd = x.data;
  const xs = (j: number) => xd[x.at + j * x.inc];
  for (const [r0, nb] of rowBlocks(m)) {
    const n4 = n & -4;
    for (let j = 0; j < n4; j += 4) {
      const c = A.at + r0 + j * lda, x0 = xs(j), x1 = xs(j + 1), x2 = xs(j + 2), x3 = xs(j + 3);
      for (let i = 0; i < nb; i++) {
        const t4 = fma64(a[c + i + 2 * lda], x2, a[c + i] * x0);
        const t5 = fma64(a[c + i + 3 * lda], x3, a[c + i + lda] * x1);
        y[y0 + r0 + i] += t4 + t5;
      }
    }
    let j = n4;
    if (x.inc === 1 && (n & 2)) {
      const c = A.at + r0 + j * lda, x0 = xs(j), x1 = xs(j + 1);
      for (let i = 0; i < nb; i++) y[y0 + r0 + i] += a[c + i] * x0 + a[c + i + lda] * x1;
      j += 2;
    }
    for (; j < n; j++) {
      const c = A.at + r0 + j * lda, xj = xs(j);
      for (let i = 0; i < nb; i++) y[y0 + r0 + i] += a[c + i] * xj;
    }
  }
  const m3 = m & 3;
  for (let r = m - m3; r < m; r++) y[y0 + r] += tailRow(m3, n, a, A.at + r, lda, x);
}

/**
 * One of the last m % 4 rows of gemv_n: a sum over the columns in order. When the matrix is
 * exactly those rows (lda = m % 4) and x has unit stride, the C loop takes columns in groups
 * (pairs for 2 or 3 rows, fours for 1 row) and adds each group's products before the sum.
 */
function tailRow(m3: number, n: number, a: ArrayLike<number>, p: number, lda: number, x: Vec): number {
  const xd = x.data, xo = x.at;
  let t = 0, j = 0;
  if (lda === m3 && x.inc === 1) {
    const n4 = n & -4;
    if (m3 === 1) {
      for (; j < n4; j += 4) t += a[p + j] * xd[xo + j] + a[p + j + 1] * xd[xo + j + 1] + a[p + j + 2] * xd[xo + j + 2] + a[p + j + 3] * xd[xo + j + 3];
    } else {
      for (; j < n4; j += 2) t += a[p + j * lda] * xd[xo + j] + a[p + (j + 1) * lda] * xd[xo + j + 1];
    }
  }
  for (; j < n; j++) t += a[p + j * lda] * xd[xo + j * x.inc];
  return t;
}
