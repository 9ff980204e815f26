// Bit-exact transcendental functions against NumPy 2.4.6 on x86-64 (AVX2/FMA3, glibc 2.36):
// libm-golden.json (make_libm_fixtures.py) holds, for each function and dtype, SHA-256 digests of
// NumPy's outputs by chunks of 1000 and the bits of a sample of them; the inputs are drawn here
// from RandomState by the generator's recipe; np.power with scalar and array exponents. Then CPython's math module, the exact reference
// paths, strided loops, special values, and a check that V8's Math.* would fail these tests.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDArray } from '../../src/engine/ndarray';
import { RandomState } from '../../src/engine/random';
import { UnaryOp, binary, unary } from '../../src/engine/ufunc';
import { fromWords } from '../../src/engine/libm_fma';
import { libmExpExact } from '../../src/engine/libm_exp';
import { libmLogExact } from '../../src/engine/libm_log';
import { libmCosExact, libmSinExact } from '../../src/engine/libm_trig';
import { MATH_FUNCTIONS } from '../../src/interpreter/modules/math';
import { fmaKernels, useMachineFma } from '../../src/engine/wasm_fma';

interface Golden {
  numpy: string; count: number; chunk: number; seeds: Record<Dt, number>; special: string[];
  functions: Record<string, { sha256: string[]; samples: [number, string][] }>;
}
type Dt = 'float64' | 'float32';
type Out = Float64Array | Float32Array;

const golden = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'libm-golden.json'), 'utf8')) as Golden;

/** Python's repr of a float, as a number. */
const pyFloat = (s: string) => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

/** 2^e exactly, for -1022 <= e <= 1023. */
const pow2 = (e: number) => fromWords((e + 1023) * 2 ** 20, 0);

/** The generator's inputs: ten drawn parts of count/10 values, then the special values. */
function inputs(dtype: Dt): Out {
  const rs = new RandomState(golden.seeds[dtype]);
  const k = golden.count / 10;
  const spread = (lo: number, hi: number) => {
    const m = rs.uniform(1, 2, k), e = rs.randint(lo, hi, k), s = rs.randint(0, 2, k);
    return m.map((v, i) => (s[i] === 1 ? -1 : 1) * (v * pow2(e[i])));
  };
  const top = dtype === 'float64' ? 1024 : 128, tiny = dtype === 'float64' ? pow2(-1022) : pow2(-126);
  const parts = [rs.uniform(-1, 1, k), rs.uniform(-10, 10, k), rs.uniform(-100, 100, k), rs.uniform(-1000, 1000, k),
    rs.uniform(0, 3, k), spread(-60, 0), spread(0, 60), spread(-top + 2, top), rs.randomSample(k).map((v) => v * tiny),
    rs.uniform(0.9, 1.1, k), Float64Array.from(golden.special, pyFloat)];
  const all = parts.flatMap((p) => Array.from(p));
  return dtype === 'float64' ? Float64Array.from(all) : Float32Array.from(all);
}

const INPUTS: Record<Dt, Out> = { float64: inputs('float64'), float32: inputs('float32') };

/** Bits of one value as big-endian hex, NaNs canonical. */
function hex(v: number, dtype: Dt): string {
  const a = dtype === 'float64' ? new Float64Array([Number.isNaN(v) ? NaN : v]) : new Float32Array([Number.isNaN(v) ? NaN : v]);
  return Array.from(new Uint8Array(a.buffer)).reverse().map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first disagreement with the golden digests and samples, or null. */
function disagreement(key: string, y: Out): string | null {
  const g = golden.functions[key], dtype = key.split('/')[1] as Dt;
  const x = INPUTS[dtype];
  const bad = g.samples.filter(([i, bits]) => hex(y[i], dtype) !== bits);
  if (bad.length) {
    const [i, bits] = bad[0];
    return `${key}: ${bad.length} sample(s) differ, first at x = ${x[i]}: NumPy ${bits}, ours ${hex(y[i], dtype)} (${y[i]})`;
  }
  const canon = dtype === 'float64' ? Float64Array.from(y, (v) => (Number.isNaN(v) ? NaN : v)) : Float32Array.from(y, (v) => (Number.isNaN(v) ? NaN : v));
  const bytes = new Uint8Array(canon.buffer), step = golden.chunk * canon.BYTES_PER_ELEMENT;
  for (let c = 0; c < g.sha256.length; c++) {
    const got = createHash('sha256').update(bytes.subarray(c * step, (c + 1) * step)).digest('hex');
    if (got !== g.sha256[c]) return `${key}: chunk ${c} (inputs ${c * golden.chunk}…${(c + 1) * golden.chunk - 1}) differs`;
  }
  return null;
}

const apply = (f: (v: number) => number, dtype: Dt): Out =>
  dtype === 'float64' ? Float64Array.from(INPUTS[dtype], (v) => f(v)) : Float32Array.from(INPUTS[dtype], (v) => f(v));

describe('bit-exact transcendental functions (NumPy 2.4.6, x86-64 AVX2/FMA3, glibc 2.36)', () => {
  it('the golden file was made by the NumPy it claims', () => {
    assert.equal(golden.numpy, '2.4.6');
    assert.equal(Object.keys(golden.functions).length, 18);
  });

  for (const key of Object.keys(golden.functions).filter((k) => !k.startsWith('power'))) {
    const [op, dtype] = key.split('/') as [UnaryOp, Dt];
    it(`np.${op} on ${dtype}: contiguous, as NumPy`, () => {
      const x = INPUTS[dtype];
      assert.equal(disagreement(key, unary(op, NDArray.from(x, [x.length], dtype)).data as Out), null);
    });
    it(`np.${op} on ${dtype}: strided and into out=, as NumPy`, () => {
      const x = INPUTS[dtype], n = x.length;
      const pairs = NDArray.from(Array.from(x).flatMap((v) => [v, 0]), [n, 2], dtype);
      const column = pairs.transpose().get(0); // every other element: a strided view
      assert.equal(column.contiguous, false);
      assert.equal(disagreement(key, unary(op, column).data as Out), null);
      const out = NDArray.empty([n], dtype);
      unary(op, column, out);
      assert.equal(disagreement(key, out.data as Out), null);
    });
  }

  for (const key of Object.keys(golden.functions).filter((k) => k.startsWith('power'))) {
    // power^E: a scalar exponent (NumPy squares, roots, inverts, or calls pow); power^E[]: an array.
    const e = key.slice(6, key.indexOf('/')), x = INPUTS.float64, n = x.length;
    const exponent = e.endsWith('[]') ? NDArray.full([n], Number(e.slice(0, -2)), 'float64') : Number(e);
    it(`np.power(x, ${e.endsWith('[]') ? `full(${e.slice(0, -2)})` : e}) on float64, as NumPy`, () => {
      assert.equal(disagreement(key, binary('power', NDArray.from(x, [n], 'float64'), exponent).data as Out), null);
    });
  }

  for (const on of [false, true]) {
    it(`np.tanh on float64 with the ${on ? 'machine' : 'JavaScript'} fma (WebAssembly relaxed SIMD ${on ? 'on' : 'off'}), as NumPy`, () => {
      try {
        useMachineFma(on);
        assert.equal(fmaKernels() !== null, on);
        const x = INPUTS.float64;
        assert.equal(disagreement('tanh/float64', unary('tanh', NDArray.from(x, [x.length], 'float64')).data as Out), null);
      } finally {
        useMachineFma(true);
      }
    });
  }

  for (const name of ['exp', 'log', 'sin', 'cos', 'cbrt']) {
    it(`math.${name} is glibc's ${name}, as in CPython`, () => {
      assert.equal(disagreement(`${name}/float64`, apply(MATH_FUNCTIONS[name], 'float64')), null);
    });
  }

  it('the exact reference paths agree with NumPy on every input', () => {
    for (const [name, f] of [['exp', libmExpExact], ['log', libmLogExact], ['sin', libmSinExact], ['cos', libmCosExact]] as const) {
      assert.equal(disagreement(`${name}/float64`, apply(f, 'float64')), null);
    }
  });

  it('V8 Math.* would fail these tests (they can tell the algorithms apart)', () => {
    for (const [name, f] of [['exp', Math.exp], ['log', Math.log], ['sin', Math.sin], ['cos', Math.cos], ['tanh', Math.tanh]] as const) {
      assert.notEqual(disagreement(`${name}/float64`, apply(f, 'float64')), null, name);
      assert.notEqual(disagreement(`${name}/float32`, apply((v) => Math.fround(f(v)), 'float32')), null, `${name} f32`);
    }
  });

  it('special values', () => {
    const one = (op: UnaryOp, v: number, dtype: Dt = 'float64') => unary(op, NDArray.from([v], [1], dtype)).data[0];
    assert.ok(Object.is(one('sin', -0), -0) && Object.is(one('tanh', -0), -0) && Object.is(one('sin', -0, 'float32'), -0));
    assert.ok(Number.isNaN(one('sin', Infinity)) && Number.isNaN(one('cos', -Infinity)) && Number.isNaN(one('log', -1)));
    assert.equal(one('exp', -Infinity), 0);
    assert.equal(one('exp', 710), Infinity);
    assert.equal(one('log', 0), -Infinity);
    assert.equal(one('tanh', -Infinity), -1);
    assert.equal(one('tanh', 1e300), 1);
    assert.equal(one('exp', 89, 'float32'), Infinity);
    assert.equal(one('log', 0, 'float32'), -Infinity);
    // glibc's huge-argument reduction (__branred) and NumPy's float32 fallback to glibc's sinf.
    assert.equal(one('sin', 1e22), -0.8522008497671888);
    assert.equal(one('sin', 1e300), -0.8178819121159085);
    assert.equal(one('cos', 1e22, 'float32'), 0.6790613532066345);
  });
});
