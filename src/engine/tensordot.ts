// np.tensordot, and the dense kernels convolution runs on Float64Array buffers:
// C += A·B and C += A·Bᵀ.
import { valueError } from './errors';
import { NDArray } from './ndarray';
import { dot } from './linalg';
import { normalizeAxis } from './shape';

/** np.tensordot's `axes`: N (last N of a with first N of b), or (axes of a, axes of b). */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

const list = (a: number | readonly number[]): number[] => (typeof a === 'number' ? [a] : a.slice());
const prod = (xs: readonly number[]): number => xs.reduce((p, q) => p * q, 1);

/** np.tensordot(a, b, axes): sums the products over the paired axes, as one matrix product. */
export function tensordot(a: NDArray, b: NDArray, axes: TensordotAxes = 2): NDArray {
  let axA: number[], axB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0) throw valueError(`tensordot: axes must be a non-negative int, got ${axes}`);
    axA = Array.from({ length: axes }, (_, i) => a.ndim - axes + i);
    axB = Array.from({ length: axes }, (_, i) => i);
  } else {
    axA = list(axes[0]);
    axB = list(axes[1]);
  }
  if (axA.length !== axB.length) throw valueError('shape-mismatch for sum');
  axA = axA.map((x) => normalizeAxis(x, a.ndim));
  axB = axB.map((x) => normalizeAxis(x, b.ndim));
  for (let k = 0; k < axA.length; k++) {
    if (a.shape[axA[k]] !== b.shape[axB[k]]) throw valueError('shape-mismatch for sum');
  }
  const freeA = a.shape.map((_, i) => i).filter((i) => !axA.includes(i));
  const freeB = b.shape.map((_, i) => i).filter((i) => !axB.includes(i));
  const K = prod(axA.map((i) => a.shape[i]));
  const at = a.transpose([...freeA, ...axA]).reshape(prod(freeA.map((i) => a.shape[i])), K);
  const bt = b.transpose([...axB, ...freeB]).reshape(K, prod(freeB.map((i) => b.shape[i])));
  return dot(at, bt).reshape([...freeA.map((i) => a.shape[i]), ...freeB.map((i) => b.shape[i])]);
}

/** The elements of `a` in C order as float64 (shared when `a` already is a contiguous float64 array). */
export function float64Values(a: NDArray): Float64Array {
  const v = a.values();
  return v instanceof Float64Array ? v : Float64Array.from(v);
}

/**
 * C[M×N] += A[M×K]·B[K×N], row-major buffers at the given offsets. A 4×4 block of C is
 * summed in registers over all of K, then added to C.
 */
export function gemmAcc(A: Float64Array, ao: number, B: Float64Array, bo: number, C: Float64Array, co: number, M: number, K: number, N: number): void {
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = ao + i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    const c0 = co + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0, br = bo + j; k < K; k++, br += N) {
        const b0 = B[br], b1 = B[br + 1], b2 = B[br + 2], b3 = B[br + 3];
        const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
        s00 += x0 * b0; s01 += x0 * b1; s02 += x0 * b2; s03 += x0 * b3;
        s10 += x1 * b0; s11 += x1 * b1; s12 += x1 * b2; s13 += x1 * b3;
        s20 += x2 * b0; s21 += x2 * b1; s22 += x2 * b2; s23 += x2 * b3;
        s30 += x3 * b0; s31 += x3 * b1; s32 += x3 * b2; s33 += x3 * b3;
      }
      C[c0 + j] += s00; C[c0 + j + 1] += s01; C[c0 + j + 2] += s02; C[c0 + j + 3] += s03;
      C[c1 + j] += s10; C[c1 + j + 1] += s11; C[c1 + j + 2] += s12; C[c1 + j + 3] += s13;
      C[c2 + j] += s20; C[c2 + j + 1] += s21; C[c2 + j + 2] += s22; C[c2 + j + 3] += s23;
      C[c3 + j] += s30; C[c3 + j + 1] += s31; C[c3 + j + 2] += s32; C[c3 + j + 3] += s33;
    }
    for (; j < N; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0, br = bo + j; k < K; k++, br += N) {
        const y = B[br];
        s0 += A[a0 + k] * y; s1 += A[a1 + k] * y; s2 += A[a2 + k] * y; s3 += A[a3 + k] * y;
      }
      C[c0 + j] += s0; C[c1 + j] += s1; C[c2 + j] += s2; C[c3 + j] += s3;
    }
  }
  // Leftover rows: C row += A[i, k] · B row k, reading B by rows.
  for (; i < M; i++) {
    const a0 = ao + i * K, c0 = co + i * N;
    for (let k = 0; k < K; k++) {
      const x = A[a0 + k], br = bo + k * N;
      for (let j = 0; j < N; j++) C[c0 + j] += x * B[br + j];
    }
  }
}

/**
 * C[M×N] += A[M×K]·B[N×K]ᵀ: dot products of rows of A with rows of B, a 4×4 block of C at
 * a time (each sum in k order).
 */
export function gemmAccNT(A: Float64Array, ao: number, B: Float64Array, bo: number, C: Float64Array, co: number, M: number, K: number, N: number): void {
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = ao + i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    const c0 = co + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      const b0 = bo + j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k];
        const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      C[c0 + j] += s00; C[c0 + j + 1] += s01; C[c0 + j + 2] += s02; C[c0 + j + 3] += s03;
      C[c1 + j] += s10; C[c1 + j + 1] += s11; C[c1 + j + 2] += s12; C[c1 + j + 3] += s13;
      C[c2 + j] += s20; C[c2 + j + 1] += s21; C[c2 + j + 2] += s22; C[c2 + j + 3] += s23;
      C[c3 + j] += s30; C[c3 + j + 1] += s31; C[c3 + j + 2] += s32; C[c3 + j + 3] += s33;
    }
    for (; j < N; j++) {
      const b0 = bo + j * K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < K; k++) {
        const y = B[b0 + k];
        s0 += A[a0 + k] * y; s1 += A[a1 + k] * y; s2 += A[a2 + k] * y; s3 += A[a3 + k] * y;
      }
      C[c0 + j] += s0; C[c1 + j] += s1; C[c2 + j] += s2; C[c3 + j] += s3;
    }
  }
  for (; i < M; i++) {
    const a0 = ao + i * K, c0 = co + i * N;
    for (let j = 0; j < N; j++) {
      const b0 = bo + j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a0 + k] * B[b0 + k];
      C[c0 + j] += s;
    }
  }
}
