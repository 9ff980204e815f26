// Matrix product for larger operands: A and B are packed into contiguous float64 panels
// (any strides, so transposed views need no copy), then a 4×4 register-blocked kernel runs
// over each panel pair. C accumulates in float64.
import { NDArray } from './ndarray';

const KC = 256;

/** Copies rows i0..i0+3 of A, columns k0..k1, as [k][4] (rows past M are zero). */
function packA(A: NDArray, i0: number, M: number, k0: number, k1: number, out: Float64Array): void {
  const d = A.data, [si, sk] = A.strides, o = A.offset;
  out.fill(0, 0, (k1 - k0) * 4);
  for (let r = 0; r < 4 && i0 + r < M; r++) {
    let p = o + (i0 + r) * si + k0 * sk;
    for (let k = 0; k < k1 - k0; k++, p += sk) out[k * 4 + r] = d[p];
  }
}

/** Copies rows k0..k1 of B as panels of 4 columns: [panel][k][4] (columns past N are zero). */
function packB(B: NDArray, k0: number, k1: number, N: number, out: Float64Array): void {
  const d = B.data, [sk, sj] = B.strides, o = B.offset, kc = k1 - k0;
  const panels = Math.ceil(N / 4);
  out.fill(0, 0, panels * kc * 4);
  for (let k = 0; k < kc; k++) {
    let p = o + (k0 + k) * sk;
    for (let j = 0; j < N; j++, p += sj) out[((j >> 2) * kc + k) * 4 + (j & 3)] = d[p];
  }
}

/** C (M×N, row-major, float64) += A·B for 2-d A (M×K) and B (K×N) of any layout. */
export function gemmPacked(A: NDArray, B: NDArray, C: Float64Array, M: number, K: number, N: number): void {
  const panels = Math.ceil(N / 4);
  const ap = new Float64Array(KC * 4), bp = new Float64Array(panels * KC * 4);
  for (let k0 = 0; k0 < K; k0 += KC) {
    const k1 = Math.min(K, k0 + KC), kc = k1 - k0;
    packB(B, k0, k1, N, bp);
    for (let i0 = 0; i0 < M; i0 += 4) {
      packA(A, i0, M, k0, k1, ap);
      for (let p = 0; p < panels; p++) micro(ap, bp, p * kc * 4, kc, C, i0, p * 4, M, N);
    }
  }
}

/** One 4×4 tile: 16 sums in locals over kc steps, added into C. */
function micro(ap: Float64Array, bp: Float64Array, b0: number, kc: number, C: Float64Array, i0: number, j0: number, M: number, N: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let k = 0, a = 0, b = b0; k < kc; k++, a += 4, b += 4) {
    const a0 = ap[a], a1 = ap[a + 1], a2 = ap[a + 2], a3 = ap[a + 3];
    const x0 = bp[b], x1 = bp[b + 1], x2 = bp[b + 2], x3 = bp[b + 3];
    c00 += a0 * x0; c01 += a0 * x1; c02 += a0 * x2; c03 += a0 * x3;
    c10 += a1 * x0; c11 += a1 * x1; c12 += a1 * x2; c13 += a1 * x3;
    c20 += a2 * x0; c21 += a2 * x1; c22 += a2 * x2; c23 += a2 * x3;
    c30 += a3 * x0; c31 += a3 * x1; c32 += a3 * x2; c33 += a3 * x3;
  }
  if (i0 + 3 < M && j0 + 3 < N) {
    let at = i0 * N + j0;
    C[at] += c00; C[at + 1] += c01; C[at + 2] += c02; C[at + 3] += c03; at += N;
    C[at] += c10; C[at + 1] += c11; C[at + 2] += c12; C[at + 3] += c13; at += N;
    C[at] += c20; C[at + 1] += c21; C[at + 2] += c22; C[at + 3] += c23; at += N;
    C[at] += c30; C[at + 1] += c31; C[at + 2] += c32; C[at + 3] += c33;
    return;
  }
  const rows = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let r = 0; r < 4 && i0 + r < M; r++) {
    const at = (i0 + r) * N + j0;
    for (let c = 0; c < 4 && j0 + c < N; c++) C[at + c] += rows[r * 4 + c];
  }
}
