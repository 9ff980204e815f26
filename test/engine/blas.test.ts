// np.dot and np.matmul bit for bit against NumPy 2.4.6's OpenBLAS (Haswell kernels, x86-64):
// blas-golden.json (make_blas_fixtures.py) holds, per case, the route NumPy takes (ddot, gemv_t,
// gemv_n, gemm, syrk, batched, NumPy's own loops, axpy), the operands as strided views of
// buffers drawn here from RandomState, the SHA-256 of the result and a few sample values.
// Then a check that plain a*b + c arithmetic would fail these tests, and the size threshold.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dot, matmul } from '../../src/engine/linalg';
import { NDArray } from '../../src/engine/ndarray';
import { RandomState } from '../../src/engine/random';
import { EXACT_MAX_WORK, dgemm } from '../../src/engine/openblas_gemm';
import { fmaKernels, useMachineFma } from '../../src/engine/wasm_fma';

interface View { seed: number; n: number; shape: number[]; strides: number[]; offset: number }
interface Case {
  op: 'dot' | 'matmul'; route: string; dtype: 'float64' | 'float32'; note: string;
  a: View; b: View; shape: number[]; sha256: string; samples: [number, string][];
}
const golden = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'blas-golden.json'), 'utf8')) as { numpy: string; cases: Case[] };

const buffers = new Map<string, NDArray>();
/** The generator's buffer: RandomState(seed).uniform(-1, 1, n) in the dtype (one per seed, shared). */
function operand(v: View, dtype: 'float64' | 'float32'): NDArray {
  const key = `${dtype}:${v.seed}`;
  let base = buffers.get(key);
  if (!base) {
    const x = new RandomState(v.seed).uniform(-1, 1, v.n);
    base = new NDArray(dtype === 'float32' ? Float32Array.from(x) : x, [v.n], dtype);
    buffers.set(key, base);
  }
  return base.view(v.shape, v.strides, v.offset);
}

function bytesOf(x: NDArray): Buffer {
  const c = x.contiguous && x.offset === 0 ? x : x.copy();
  const d = c.data as Float64Array | Float32Array;
  return Buffer.from(d.buffer, d.byteOffset, d.length * d.BYTES_PER_ELEMENT);
}

const sha = (x: NDArray) => createHash('sha256').update(bytesOf(x)).digest('hex');

function run(c: Case): NDArray {
  const a = operand(c.a, c.dtype), b = operand(c.b, c.dtype);
  return c.op === 'dot' ? dot(a, b) : matmul(a, b);
}

describe(`BLAS products bit-exact against NumPy ${golden.numpy} (OpenBLAS Haswell)`, () => {
  for (const c of golden.cases) {
    it(`${c.op} ${c.route} ${c.dtype}: ${c.note}`, () => {
      const got = run(c);
      assert.deepEqual(got.shape, c.shape);
      const flat = (got.contiguous && got.offset === 0 ? got : got.copy()).data;
      for (const [i, want] of c.samples) assert.equal(flat[i], Number(want), `sample [${i}]`);
      assert.equal(sha(got), c.sha256);
    });
  }
});

describe('BLAS products: the machine\'s fma (WebAssembly relaxed SIMD) and the JavaScript one agree', () => {
  after(() => useMachineFma(true));

  it('the tests run with the machine fma kernels on (Node host flag set by src/node/wasm_flags.ts)', () => {
    useMachineFma(true);
    assert.ok(fmaKernels(), 'relaxed SIMD fma kernels unavailable');
  });

  for (const on of [false, true]) {
    for (const c of golden.cases.filter((x) => x.route === 'gemm' || x.route === 'syrk' || x.route === 'batched')) {
      it(`${on ? 'machine' : 'JavaScript'} fma: ${c.op} ${c.route} ${c.dtype}: ${c.note}`, () => {
        useMachineFma(on);
        assert.equal(fmaKernels() !== null, on);
        assert.equal(sha(run(c)), c.sha256);
      });
    }
  }

  it('special values go through the machine fma as IEEE says (NaN, ∞, signed zeros, subnormals)', () => {
    const vals = [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, -2.5e-310, 1e308, -1e308, 3, 0.1];
    const K = 3, M = vals.length, N = vals.length;
    const A = new Float64Array(M * K), B = new Float64Array(K * N);
    for (let i = 0; i < M; i++) for (let k = 0; k < K; k++) A[i * K + k] = vals[(i + k) % M];
    for (let k = 0; k < K; k++) for (let j = 0; j < N; j++) B[k * N + j] = vals[(j * 2 + k) % N];
    const got: Float64Array[] = [];
    for (const on of [false, true]) {
      useMachineFma(on);
      const C = new Float64Array(M * N);
      dgemm(M, N, K, { data: A, at: 0, rs: K, cs: 1 }, { data: B, at: 0, rs: N, cs: 1 }, C);
      got.push(C);
    }
    for (let i = 0; i < M * N; i++) assert.ok(Object.is(got[0][i], got[1][i]), `C[${i}]: ${got[0][i]} vs ${got[1][i]}`);
  });
});

describe('BLAS products: what the goldens can tell', () => {
  const find = (note: string) => golden.cases.find((c) => c.note === note)!;

  it('plain a*b + c (a rounded product, then a rounded add) fails the gemm golden', () => {
    const c = find('gemm CC 33x300x40');
    const a = operand(c.a, 'float64'), b = operand(c.b, 'float64');
    const [M, K] = a.shape, N = b.shape[1], ad = a.data, bd = b.data;
    const out = NDArray.empty([M, N], 'float64'), o = out.data;
    // the same chains and K blocks (256, then 44) as OpenBLAS, without the fused multiply-add
    for (const [k0, k1] of [[0, 256], [256, K]]) {
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let k = k0; k < k1; k++) s += ad[a.offset + i * a.strides[0] + k * a.strides[1]] * bd[b.offset + k * b.strides[0] + j * b.strides[1]];
          o[i * N + j] += s;
        }
      }
    }
    assert.notEqual(sha(out), c.sha256);
    assert.deepEqual(run(c).shape, out.shape);
    assert.equal(sha(run(c)), c.sha256);
  });

  it('every route of the goldens is one NumPy takes on a CBLAS build', () => {
    const routes = new Set(golden.cases.map((c) => c.route));
    for (const r of ['dot', 'gemv_t', 'gemv_n', 'gemm', 'syrk', 'batched', 'noblas', 'axpy']) assert.ok(routes.has(r), r);
  });

  it(`above M·N·K = ${EXACT_MAX_WORK} the plain kernel agrees with the exact one to rounding`, () => {
    const rs = new RandomState(7), M = 90, K = 80, N = 75;
    const A = rs.uniform(-1, 1, M * K), B = rs.uniform(-1, 1, K * N);
    const exact = new Float64Array(M * N), plain = new Float64Array(M * N);
    const sa = { data: A, at: 0, rs: K, cs: 1 }, sb = { data: B, at: 0, rs: N, cs: 1 };
    dgemm(M, N, K, sa, sb, exact);
    assert.ok(M * N * K > EXACT_MAX_WORK);
    // split into two exact halves by rows: the same chains, each under the threshold
    const top = new Float64Array(45 * N);
    dgemm(45, N, K, sa, sb, top);
    plain.set(exact);
    // |a·b| ≤ 1 per term: K terms round to within K·2^-52 of each other
    let worst = 0, same = 0;
    for (let i = 0; i < 45 * N; i++) { worst = Math.max(worst, Math.abs(top[i] - plain[i])); if (top[i] === plain[i]) same++; }
    assert.ok(worst < K * 2 ** -52, `absolute ${worst}`);
    assert.ok(same < 45 * N, 'the plain kernel is not exact, so some entries differ');
  });
});
