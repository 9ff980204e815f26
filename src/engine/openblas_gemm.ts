// OpenBLAS's dgemm as NumPy's wheel runs it on x86-64 with AVX2 (driver/level3 and the Haswell
// kernel dgemm_kernel_4x8_haswell.S), for alpha = 1 and beta = 0, in NumPy's terms (C = A·B,
// M×N row-major; CBLAS hands OpenBLAS Cᵀ = Bᵀ·Aᵀ, so its columns are our rows):
// - every C(i, j) starts at 0; K is cut into blocks (GEMM_Q = 256, halved evenly when between
//   Q and 2Q); each block's kernel sum is added to C;
// - in a block the kernel runs one fma chain per element over k in order (the first product
//   rounded alone), the same for every tile shape and transpose, with one exception:
// - when M is odd, the last row goes through the kernel's one-column code, which for each
//   group of 4 columns (j < N & -4) spreads the first kc & -8 steps over 4 chains by k mod 4,
//   adds the last kc % 8 to chain 0, and sums the chains as (c0 + c1) + (c2 + c3).
// Exactness costs about twenty flops per step (Dekker's product error, Knuth's sum error), so
// products above EXACT_MAX_WORK = M·N·K run a plain packed kernel in the same order with the
// product rounded before the add: results then differ from NumPy's in the last bits.
import { Range, fastRangeOk, fma64, fmaSlow } from './exact_fma';
import { fmaKernels } from './wasm_fma';

/** 2^27 + 1, Veltkamp's splitter (a local constant: the packing loops read it per element). */
const SPLIT = 134217729;

/** Strided matrix access: element (i, k) is data[at + i*rs + k*cs]. */
export interface Strided { data: ArrayLike<number>; at: number; rs: number; cs: number }

/** DGEMM_DEFAULT_Q and DGEMM_DEFAULT_UNROLL_M for Haswell (param.h). */
const DGEMM_Q = 256, DGEMM_UNROLL_M = 4;

/**
 * The largest M·N·K computed bit for bit. NumPy's OpenBLAS runs gemm on one thread up to
 * M·N·K = 2 · 65536 · GEMM_MULTITHREAD_THRESHOLD (4) and splits it between two above, which
 * moves the lone-column rows and the K blocks in ways not modelled here; the DeZero book's
 * small networks (spiral, sin regression: batches of 30–100, 10 hidden units) stay far below.
 */
export const EXACT_MAX_WORK = 2 * 65536 * 4 - 1;

// Packed panels, reused between calls (grown on demand): B in panels of 4 columns and A in
// panels of 4 rows, both laid out [panel][k][4], each value beside its Veltkamp halves.
let BV = new Float64Array(1024), BH = new Float64Array(1024), BL = new Float64Array(1024);
let AV = new Float64Array(1024), AH = new Float64Array(1024), AL = new Float64Array(1024);
const RA: Range = { lo: Infinity, hi: 0 }, RB: Range = { lo: Infinity, hi: 0 };

function growB(n: number): void {
  if (BV.length >= n) return;
  const size = Math.max(n, 2 * BV.length);
  BV = new Float64Array(size); BH = new Float64Array(size); BL = new Float64Array(size);
}

function growA(n: number): void {
  if (AV.length >= n) return;
  const size = Math.max(n, 2 * AV.length);
  AV = new Float64Array(size); AH = new Float64Array(size); AL = new Float64Array(size);
}

/**
 * C (M×N, row-major, zeroed) = A (M×K) · B (K×N), as OpenBLAS's dgemm rounds it; with `sym`
 * (B = Aᵀ), as its dsyrk does: the same chains without the one-column code (its diagonal
 * blocks are cut into squares of 8), the upper triangle mirrored, which chains already are.
 */
export function dgemm(M: number, N: number, K: number, A: Strided, B: Strided, C: Float64Array, sym = false): void {
  if (M === 0 || N === 0 || K === 0) return;
  if (M * N * K > EXACT_MAX_WORK) { plainGemm(M, N, K, A, B, C); return; }
  // the one-column code takes the last row when M is odd (not in syrk)
  const lone = (M & 1) === 1 && !sym ? M - 1 : -1, rows = lone >= 0 ? lone : M;
  for (let ls = 0; ls < K;) {
    const kc = blockSize(K - ls);
    if (!blockWasm(rows, N, ls, kc, A, B, C) && !blockFast(rows, N, ls, kc, A, B, C)) for (let i = 0; i < rows; i++) chains(i, 0, N, N, ls, kc, A, B, C);
    if (lone >= 0) oneColumnRow(lone, N, [[0, N]], ls, kc, A, B, C);
    ls += kc;
  }
}

/** level3.c's K block (min_l) for `left` remaining steps. */
function blockSize(left: number): number {
  if (left >= 2 * DGEMM_Q) return DGEMM_Q;
  if (left > DGEMM_Q) return ((left >> 1) + DGEMM_UNROLL_M - 1) & -DGEMM_UNROLL_M;
  return left;
}

/** Columns [j0, j1) of row i for one K block: fma64 chains added to C. */
function chains(i: number, j0: number, j1: number, N: number, k0: number, kc: number, A: Strided, B: Strided, C: Float64Array): void {
  const a = A.data, b = B.data;
  for (let j = j0; j < j1; j++) {
    let pa = A.at + i * A.rs + k0 * A.cs, pb = B.at + k0 * B.rs + j * B.cs;
    let acc = a[pa] * b[pb];
    for (let k = 1; k < kc; k++) { pa += A.cs; pb += B.rs; acc = fma64(a[pa], b[pb], acc); }
    C[i * N + j] += acc;
  }
}

/** A row of the one-column code: four chains by k mod 4 over each whole group of 4 columns. */
function oneColumnRow(i: number, N: number, quads: [number, number][], k0: number, kc: number, A: Strided, B: Strided, C: Float64Array): void {
  const a = A.data, b = B.data, k8 = kc & -8, as = A.cs, bs = B.rs;
  for (const [start, count] of quads) {
    const q = count & -4;
    for (let j = start; j < start + q; j++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      const pa = A.at + i * A.rs + k0 * as, pb = B.at + k0 * bs + j * B.cs;
      for (let k = 0; k < k8; k += 4) {
        c0 = fma64(a[pa + k * as], b[pb + k * bs], c0);
        c1 = fma64(a[pa + (k + 1) * as], b[pb + (k + 1) * bs], c1);
        c2 = fma64(a[pa + (k + 2) * as], b[pb + (k + 2) * bs], c2);
        c3 = fma64(a[pa + (k + 3) * as], b[pb + (k + 3) * bs], c3);
      }
      for (let k = k8; k < kc; k++) c0 = fma64(a[pa + k * as], b[pb + k * bs], c0);
      C[i * N + j] += (c0 + c1) + (c2 + c3);
    }
    chains(i, start + q, start + count, N, k0, kc, A, B, C);
  }
}

/**
 * Rows [0, rows) of one K block, when every product and chain sum stays in the range where
 * Dekker's product error and Knuth's sum error are exact (else false, nothing written). Chains
 * are independent, so they are grouped by four: a row against a 4-column panel of B, or, for
 * the N % 4 last columns, a column against a 4-row panel of A (no padded columns computed).
 */
function blockFast(rows: number, N: number, k0: number, kc: number, A: Strided, B: Strided, C: Float64Array): boolean {
  const stride = 4 * kc, groups = (rows + 3) >> 2, n4 = N & -4;
  growB(((N + 3) >> 2) * stride); growA(groups * stride);
  RA.lo = RB.lo = Infinity; RA.hi = RB.hi = 0;
  pack(B.data, B.at + k0 * B.rs, B.rs, B.cs, N, kc, BV, BH, BL, RB);
  pack(A.data, A.at + k0 * A.cs, A.cs, A.rs, rows, kc, AV, AH, AL, RA);
  if (!fastRangeOk(RA, RB, kc)) return false;
  for (let i = 0; i < rows; i++) {
    const s0 = (i >> 2) * stride + (i & 3);
    for (let j = 0; j < n4; j += 4) quad(AV, AH, AL, s0, BV, BH, BL, j * kc, kc, C, i * N + j, 1, 4);
  }
  for (let j = n4; j < N; j++) {
    const s0 = (j >> 2) * stride + (j & 3);
    for (let g = 0; g < groups; g++) quad(BV, BH, BL, s0, AV, AH, AL, g * stride, kc, C, 4 * g * N + j, N, Math.min(4, rows - 4 * g));
  }
  return true;
}

/** Rows [0, rows) of one K block by the machine's own fma (wasm_fma.ts), when it has one. */
function blockWasm(rows: number, N: number, k0: number, kc: number, A: Strided, B: Strided, C: Float64Array): boolean {
  if (rows === 0) return true;
  const kern = fmaKernels();
  if (kern === null) return false;
  const np = (N + 3) & -4, pa = kern.base / 8, pb = pa + rows * kc, po = pb + kc * np;
  const h = kern.heap(8 * (po - pa + rows * np));
  const a = A.data, b = B.data, ars = A.rs, acs = A.cs, brs = B.rs, bcs = B.cs;
  for (let i = 0, o = pa, r = A.at + k0 * acs; i < rows; i++, r += ars) {
    for (let q = r, end = o + kc; o < end; o++, q += acs) h[o] = a[q];
  }
  for (let k = 0, o = pb, r = B.at + k0 * brs; k < kc; k++, r += brs) {
    for (let q = r, end = o + N; o < end; o++, q += bcs) h[o] = b[q];
    for (let end = o + np - N; o < end; o++) h[o] = 0;
  }
  kern.gemmBlock(rows, np, kc, 8 * pa, 8 * pb, 8 * po);
  for (let i = 0, o = po, c = 0; i < rows; i++, o += np - N) for (const end = c + N; c < end; c++, o++) C[c] += h[o];
  return true;
}

/**
 * `lines` vectors of kc steps (columns of B: line stride ls, step stride ks; or rows of A) in
 * panels of 4, [panel][k][4], zero-padded, each value with its Veltkamp halves; the nonzero
 * magnitude range joins r (hi = ∞ on NaN or ∞).
 */
function pack(d: ArrayLike<number>, at: number, ks: number, ls: number, lines: number, kc: number,
  v: Float64Array, h: Float64Array, l: Float64Array, r: Range): void {
  let lo = r.lo, hi = r.hi;
  for (let j = 0, end = (lines + 3) & -4; j < end; j++) {
    let o = (j >> 2) * 4 * kc + (j & 3);
    if (j >= lines) {
      for (let k = 0; k < kc; k++, o += 4) { v[o] = 0; h[o] = 0; l[o] = 0; }
      continue;
    }
    for (let k = 0, q = at + j * ls; k < kc; k++, o += 4, q += ks) {
      const x = d[q], t = SPLIT * x, xh = t - (t - x), m = Math.abs(x);
      v[o] = x; h[o] = xh; l[o] = x - xh;
      if (m > hi || m !== m) hi = m !== m ? Infinity : m;
      if (m < lo && m !== 0) lo = m;
    }
  }
  r.lo = lo; r.hi = hi;
}

/**
 * Four exact fma chains over kc steps: chain q multiplies S[s0 + 4k] by Q[q0 + 4k + q] (SH, SL
 * and QH, QL: their Veltkamp halves), each step s + fl(es + ep) with fma64's tie test (the
 * product's error is symmetric in its factors). Chain q is added to C[c + q·cs] for q < count.
 */
function quad(S: Float64Array, SH: Float64Array, SL: Float64Array, s0: number, Q: Float64Array, QH: Float64Array, QL: Float64Array,
  q0: number, kc: number, C: Float64Array, c: number, cs: number, count: number): void {
  const a0 = S[s0];
  let x0 = a0 * Q[q0], x1 = a0 * Q[q0 + 1], x2 = a0 * Q[q0 + 2], x3 = a0 * Q[q0 + 3];
  for (let k = 1, i = s0 + 4, o = q0 + 4; k < kc; k++, i += 4, o += 4) {
    const a = S[i], h = SH[i], l = SL[i];
    let b = Q[o], p = a * b, s = x0 + p, z = s - x0;
    let u = ((x0 - (s - z)) + (p - z)) + (((h * QH[o] - p) + h * QL[o] + l * QH[o]) + l * QL[o]);
    let r = s + u, e = u - (r - s);
    x0 = (r + 2 * e) - r === 2 * e && e !== 0 ? fmaSlow(a, b, x0) : r;
    b = Q[o + 1]; p = a * b; s = x1 + p; z = s - x1;
    u = ((x1 - (s - z)) + (p - z)) + (((h * QH[o + 1] - p) + h * QL[o + 1] + l * QH[o + 1]) + l * QL[o + 1]);
    r = s + u; e = u - (r - s);
    x1 = (r + 2 * e) - r === 2 * e && e !== 0 ? fmaSlow(a, b, x1) : r;
    b = Q[o + 2]; p = a * b; s = x2 + p; z = s - x2;
    u = ((x2 - (s - z)) + (p - z)) + (((h * QH[o + 2] - p) + h * QL[o + 2] + l * QH[o + 2]) + l * QL[o + 2]);
    r = s + u; e = u - (r - s);
    x2 = (r + 2 * e) - r === 2 * e && e !== 0 ? fmaSlow(a, b, x2) : r;
    b = Q[o + 3]; p = a * b; s = x3 + p; z = s - x3;
    u = ((x3 - (s - z)) + (p - z)) + (((h * QH[o + 3] - p) + h * QL[o + 3] + l * QH[o + 3]) + l * QL[o + 3]);
    r = s + u; e = u - (r - s);
    x3 = (r + 2 * e) - r === 2 * e && e !== 0 ? fmaSlow(a, b, x3) : r;
  }
  C[c] += x0;
  if (count > 1) C[c + cs] += x1;
  if (count > 2) C[c + 2 * cs] += x2;
  if (count > 3) C[c + 3 * cs] += x3;
}

// ── above EXACT_MAX_WORK: the same order, products rounded ──────────────────

let PA = new Float64Array(4 * DGEMM_Q), PB = new Float64Array(1024);

/** C += A·B block by block: 4×4 tiles from packed panels, each chain in k order. */
function plainGemm(M: number, N: number, K: number, A: Strided, B: Strided, C: Float64Array): void {
  const panels = (N + 3) >> 2;
  for (let k0 = 0, kc = 0; k0 < K; k0 += kc) {
    kc = blockSize(K - k0);
    if (PB.length < panels * kc * 4) PB = new Float64Array(Math.max(panels * kc * 4, 2 * PB.length));
    if (PA.length < kc * 4) PA = new Float64Array(kc * 4);
    const pb = PB, pa = PA, bd = B.data, ad = A.data;
    for (let p = 0; p < panels; p++) {
      const w = Math.min(4, N - 4 * p);
      for (let k = 0; k < kc; k++) {
        const o = (p * kc + k) * 4;
        let q = B.at + (k0 + k) * B.rs + 4 * p * B.cs;
        for (let c = 0; c < 4; c++, q += B.cs) pb[o + c] = c < w ? bd[q] : 0;
      }
    }
    for (let i0 = 0; i0 < M; i0 += 4) {
      const h = Math.min(4, M - i0);
      for (let r = 0; r < 4; r++) {
        let q = A.at + (i0 + r) * A.rs + k0 * A.cs;
        for (let k = 0; k < kc; k++, q += A.cs) pa[k * 4 + r] = r < h ? ad[q] : 0;
      }
      for (let p = 0; p < panels; p++) tile4(pa, pb, p * kc * 4, kc, C, i0, p * 4, h, Math.min(4, N - p * 4), N);
    }
  }
}

/** One 4×4 tile: 16 chains in locals over kc steps, added into C. */
function tile4(pa: Float64Array, pb: Float64Array, b0: number, kc: number, C: Float64Array, i0: number, j0: number, h: number, w: number, N: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let k = 0, a = 0, b = b0; k < kc; k++, a += 4, b += 4) {
    const a0 = pa[a], a1 = pa[a + 1], a2 = pa[a + 2], a3 = pa[a + 3];
    const x0 = pb[b], x1 = pb[b + 1], x2 = pb[b + 2], x3 = pb[b + 3];
    c00 += a0 * x0; c01 += a0 * x1; c02 += a0 * x2; c03 += a0 * x3;
    c10 += a1 * x0; c11 += a1 * x1; c12 += a1 * x2; c13 += a1 * x3;
    c20 += a2 * x0; c21 += a2 * x1; c22 += a2 * x2; c23 += a2 * x3;
    c30 += a3 * x0; c31 += a3 * x1; c32 += a3 * x2; c33 += a3 * x3;
  }
  let at = i0 * N + j0;
  if (h === 4 && w === 4) {
    C[at] += c00; C[at + 1] += c01; C[at + 2] += c02; C[at + 3] += c03; at += N;
    C[at] += c10; C[at + 1] += c11; C[at + 2] += c12; C[at + 3] += c13; at += N;
    C[at] += c20; C[at + 1] += c21; C[at + 2] += c22; C[at + 3] += c23; at += N;
    C[at] += c30; C[at + 1] += c31; C[at + 2] += c32; C[at + 3] += c33;
    return;
  }
  const t = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let r = 0; r < h; r++, at += N) for (let c = 0; c < w; c++) C[at + c] += t[r * 4 + c];
}
