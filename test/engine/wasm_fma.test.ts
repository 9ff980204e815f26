// The machine-fma kernels (src/engine/wasm_fma.ts, built with src/engine/wasm_asm.ts): the
// assembler's encodings, and each kernel against the exact JavaScript reference — gemm_block's
// chains against fmaSlow (BigInt-exact fma) on random shapes, tanh_f64 against NumPy's algorithm
// with every step fused exactly, including the special values. NumPy goldens: blas/libm tests.
import { strict as assert } from 'node:assert';
import { sleb, uleb } from '../../src/engine/wasm_asm';
import { fmaKernels, fmaKernelsValidate } from '../../src/engine/wasm_fma';
import { fmaSlow } from '../../src/engine/exact_fma';
import { tanhRowF64Exact } from '../../src/engine/npsimd_tanh';
import { RandomState } from '../../src/engine/random';
import { unary } from '../../src/engine/ufunc';
import { NDArray } from '../../src/engine/ndarray';

describe('WebAssembly kernels: the assembler', () => {
  it('LEB128 as the WebAssembly spec encodes it', () => {
    assert.deepEqual(uleb(0), [0]);
    assert.deepEqual(uleb(127), [0x7f]);
    assert.deepEqual(uleb(128), [0x80, 0x01]);
    assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(sleb(-1), [0x7f]);
    assert.deepEqual(sleb(63), [0x3f]);
    assert.deepEqual(sleb(64), [0xc0, 0x00]);
    assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
    assert.deepEqual(sleb(0x7ff80000), [0x80, 0x80, 0xe0, 0xff, 0x07]);
  });

  it('the module validates (relaxed SIMD on) and its probe sees a fused result', () => {
    assert.ok(fmaKernelsValidate());
    assert.ok(fmaKernels());
  });
});

describe('WebAssembly kernels: gemm_block and tanh_f64 against exact references', () => {
  const k = fmaKernels()!;

  it('gemm_block: every chain equals a BigInt-exact fma chain (random shapes, wide exponents)', () => {
    const rs = new RandomState(11);
    for (let t = 0; t < 40; t++) {
      const rows = 1 + rs.randint(0, 9, 1)[0], np = 4 * (1 + rs.randint(0, 4, 1)[0]), kc = 1 + rs.randint(0, 40, 1)[0];
      const scale = (n: number) => Array.from(rs.uniform(-1, 1, n), (v, i) => v * 2 ** ((i * 7) % 60 - 30));
      const A = scale(rows * kc), B = scale(kc * np);
      const base = k.base / 8, pb = base + rows * kc, po = pb + kc * np;
      const h = k.heap(8 * (po - base + rows * np));
      h.set(A, base); h.set(B, pb);
      k.gemmBlock(rows, np, kc, 8 * base, 8 * pb, 8 * po);
      for (let i = 0; i < rows; i++) for (let j = 0; j < np; j++) {
        let x = A[i * kc] * B[j];
        for (let q = 1; q < kc; q++) x = fmaSlow(A[i * kc + q], B[q * np + j], x);
        assert.ok(Object.is(h[po + i * np + j], x), `rows ${rows} np ${np} kc ${kc}: C[${i}][${j}]`);
      }
    }
  });

  it('tanh_f64 equals NumPy\'s algorithm fused exactly, special values included', () => {
    const rs = new RandomState(5);
    const xs = [...rs.uniform(-30, 30, 5000), ...Array.from(rs.uniform(-1, 1, 3000), (v, i) => v * 2 ** (-(i % 1000))),
      0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 24, -24, 23.999999999999996, 1e300, -1.7976931348623157e308, 0.1875, 0.375];
    const x = Float64Array.from(xs), want = new Float64Array(x.length);
    tanhRowF64Exact(x.length, x, 0, 1, want, 0, 1);
    const got = unary('tanh', NDArray.from(x, [x.length], 'float64')).data;
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(got[i], want[i]) || (Number.isNaN(got[i]) && Number.isNaN(want[i])), `tanh(${x[i]}): ${got[i]} vs ${want[i]}`);
  });
});
