// Printing against NumPy 2.4: the 41 "repr" and 14 "python_float" cases of numpy-golden.json,
// then the generated numpy-print-golden.json (make_numpy_golden.py).
import { strict as assert } from 'node:assert';
import { NDArray } from '../../src/engine/ndarray';
import * as np from '../../src/engine/creation';
import type { DType } from '../../src/engine/dtype';
import { shapeStr } from '../../src/engine/errors';
import { arrayRepr, arrayStr, dtypeRepr, scalarRepr, scalarStr } from '../../src/engine/format';
import { pyFloatRepr } from '../../src/engine/floatfmt';
import { decodeArray, decodeValue, loadFixture, type EncodedArray } from './helpers';

interface ReprCase { expr: string; repr: string; str: string }
interface Golden { repr: ReprCase[]; python_float: { value: number; repr: string }[] }

/** What an expression evaluates to: an array, a NumPy scalar, a dtype or a shape tuple. */
type Printable =
  | { kind: 'array'; a: NDArray }
  | { kind: 'scalar'; v: number; dtype: DType }
  | { kind: 'dtype'; dtype: DType }
  | { kind: 'shape'; shape: readonly number[] };

const arr = (a: NDArray): Printable => ({ kind: 'array', a });

/** Each golden `expr`, built with the engine. */
const BUILD: Record<string, () => Printable> = {
  'np.array(2.0)': () => arr(np.array(2.0)),
  'np.array(1.4545454545454546)': () => arr(np.array(1.4545454545454546)),
  'np.array(0.1+0.2)': () => arr(np.array(0.1 + 0.2)),
  'np.array(1e-5)': () => arr(np.array(1e-5)),
  'np.array(1e16)': () => arr(np.array(1e16)),
  'np.array(-0.0)': () => arr(np.array(-0.0)),
  'np.array(np.nan)': () => arr(np.array(NaN)),
  'np.array(np.inf)': () => arr(np.array(Infinity)),
  'np.array(3)': () => arr(np.array(3n)),
  'np.array(True)': () => arr(np.array(true)),
  'np.array(0.1, dtype=np.float32)': () => arr(np.array(0.1, 'float32')),
  'np.array([1.0, 2.0, 3.0])': () => arr(np.array([1.0, 2.0, 3.0])),
  'np.array([8.0, 10.0])': () => arr(np.array([8.0, 10.0])),
  'np.array([[1, 2], [3, 4]])': () => arr(np.array([[1n, 2n], [3n, 4n]])),
  'np.array([[1.5, 2.25], [3.0, 4.0]])': () => arr(np.array([[1.5, 2.25], [3.0, 4.0]])),
  'np.array([1e-5, 1.0])': () => arr(np.array([1e-5, 1.0])),
  'np.array([1e-9, 1e9])': () => arr(np.array([1e-9, 1e9])),
  'np.array([0.1, 0.25, 123.456])': () => arr(np.array([0.1, 0.25, 123.456])),
  'np.array([-1.0, 0.5])': () => arr(np.array([-1.0, 0.5])),
  'np.arange(12).reshape(2, 3, 2)': () => arr(np.arange(12n).reshape(2, 3, 2)),
  'np.arange(1001)': () => arr(np.arange(1001n)),
  'np.arange(2000.0).reshape(40, 50)': () => arr(np.arange(2000.0).reshape(40, 50)),
  'np.array([True, False])': () => arr(np.array([true, false])),
  'np.zeros((0, 3))': () => arr(np.zeros([0, 3])),
  'np.array([])': () => arr(np.array([])),
  'np.ones((2, 3), dtype=np.float32)': () => arr(np.ones([2, 3], 'float32')),
  'np.array([0.1, 0.2], dtype=np.float32)': () => arr(np.array([0.1, 0.2], 'float32')),
  'np.array([[0.12345678912, 2.0]])': () => arr(np.array([[0.12345678912, 2.0]])),
  'np.linspace(0, 1, 7)': () => arr(np.linspace(0, 1, 7)),
  'np.array([1/3, 2/3, 1.0])': () => arr(np.array([1 / 3, 2 / 3, 1.0])),
  'np.array([100000000.0, 1.0])': () => arr(np.array([100000000.0, 1.0])),
  'np.array([[-1.0, 2.5, 3.14159], [4.0, -5.0, 6.0]])': () => arr(np.array([[-1.0, 2.5, 3.14159], [4.0, -5.0, 6.0]])),
  'np.array([np.nan, 1.0, np.inf])': () => arr(np.array([NaN, 1.0, Infinity])),
  'np.arange(6.0).reshape(6, 1)': () => arr(np.arange(6.0).reshape(6, 1)),
  'np.array([[[1.0]]])': () => arr(np.array([[[1.0]]])),
  'np.float64(2.5)': () => ({ kind: 'scalar', v: 2.5, dtype: 'float64' }),
  'np.float32(0.1)': () => ({ kind: 'scalar', v: Math.fround(0.1), dtype: 'float32' }),
  'np.int64(7)': () => ({ kind: 'scalar', v: 7, dtype: 'int64' }),
  'np.array([1, 2, 3]).dtype': () => ({ kind: 'dtype', dtype: np.array([1n, 2n, 3n]).dtype }),
  'np.array([1.0]).shape': () => ({ kind: 'shape', shape: np.array([1.0]).shape }),
  'np.array(5.0).shape': () => ({ kind: 'shape', shape: np.array(5.0).shape }),
};

function reprOf(p: Printable): string {
  switch (p.kind) {
    case 'array': return arrayRepr(p.a);
    case 'scalar': return scalarRepr(p.v, p.dtype);
    case 'dtype': return dtypeRepr(p.dtype);
    case 'shape': return shapeStr(p.shape);
  }
}

function strOf(p: Printable): string {
  switch (p.kind) {
    case 'array': return arrayStr(p.a);
    case 'scalar': return scalarStr(p.v, p.dtype);
    case 'dtype': return p.dtype;
    case 'shape': return shapeStr(p.shape);
  }
}

const golden = loadFixture<Golden>('numpy-golden.json');

describe('format: numpy-golden.json repr cases', () => {
  it('has a constructor for each of the 41 cases', () => {
    assert.equal(golden.repr.length, 41);
    for (const c of golden.repr) assert.ok(BUILD[c.expr], `no constructor for ${c.expr}`);
  });
  for (const c of golden.repr) {
    it(`${c.expr}`, () => {
      const p = BUILD[c.expr]();
      assert.equal(reprOf(p), c.repr, 'repr');
      assert.equal(strOf(p), c.str, 'str');
    });
  }
});

describe('format: Python float repr', () => {
  it('has the 14 cases', () => assert.equal(golden.python_float.length, 14));
  for (const c of golden.python_float) {
    it(`repr(${c.repr})`, () => assert.equal(pyFloatRepr(c.value), c.repr));
  }
});

interface PrintCase { name: string; array: EncodedArray; repr: string; str: string }

interface ScalarCase { dtype: string; value: string | number; repr: string; str: string }
interface PrintGolden { numpy_version: string; cases: PrintCase[]; scalars: ScalarCase[]; python_float: { value: string; repr: string }[] }

describe('format: generated NumPy print golden', () => {
  const printGolden = loadFixture<PrintGolden>('numpy-print-golden.json');
  const cases = printGolden.cases;
  for (const c of printGolden.scalars) {
    it(`scalar ${c.repr}`, () => {
      const v = decodeArray({ dtype: c.dtype, shape: [], data: [c.value] }).item();
      assert.equal(scalarRepr(v, c.dtype as DType), c.repr, 'repr');
      assert.equal(scalarStr(v, c.dtype as DType), c.str, 'str');
    });
  }
  for (const c of printGolden.python_float) {
    it(`python float ${c.repr}`, () => assert.equal(pyFloatRepr(decodeValue(c.value)), c.repr));
  }
  it('has hundreds of cases', () => assert.ok(cases.length >= 300, String(cases.length)));
  for (const c of cases) {
    it(c.name, () => {
      const a = decodeArray(c.array);
      assert.equal(arrayRepr(a), c.repr, 'repr');
      assert.equal(arrayStr(a), c.str, 'str');
    });
  }
});
