// NDArray shape, products, joins, casts, creation and sorting against NumPy (ops-golden.json),
// and the errors NumPy raises (type and message).
import { strict as assert } from 'node:assert';
import { EngineError } from '../../src/engine/errors';
import { NDArray } from '../../src/engine/ndarray';
import { Slice, ELLIPSIS, addAt } from '../../src/engine/indexing';
import { binary } from '../../src/engine/ufunc';
import { reduce } from '../../src/engine/reduce';
import { dot, matmul } from '../../src/engine/linalg';
import { arange } from '../../src/engine/creation';
import { describeGroups } from './ops_eval';

describeGroups('ndarray: matmul and dot', 'linalg');
describeGroups('ndarray: reshape, transpose, broadcast_to, squeeze, expand_dims', 'shape');
describeGroups('ndarray: concatenate, stack, vstack, hstack', 'join');
describeGroups('ndarray: astype', 'astype');
describeGroups('ndarray: arange, linspace, eye, meshgrid', 'creation');
describeGroups('ndarray: argsort, sort, cumsum, pad, repeat, tile, nonzero', 'manip');
describeGroups('ndarray: errors', 'errors');

/** Asserts that f throws an EngineError standing for Python's `pyType` with exactly `message`. */
function raises(f: () => unknown, pyType: string, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof EngineError, String(e));
    assert.equal(e.pyType, pyType);
    assert.equal(e.message, message);
    return true;
  });
}

const m23 = () => arange(6.0).reshape(2, 3);

describe('ndarray: the errors NumPy raises, verbatim', () => {
  it('broadcast mismatch', () => raises(() => binary('add', m23(), arange(4.0)), 'ValueError', 'operands could not be broadcast together with shapes (2,3) (4,) '));
  it('reshape size mismatch', () => raises(() => m23().reshape(4, 2), 'ValueError', 'cannot reshape array of size 6 into shape (4,2)'));
  it('dot misalignment', () => raises(() => dot(m23(), m23()), 'ValueError', 'shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)'));
  it('matmul core mismatch', () => raises(() => matmul(m23(), m23()), 'ValueError',
    'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)'));
  it('axis out of bounds', () => raises(() => reduce('sum', m23(), 2, false), 'AxisError', 'axis 2 is out of bounds for array of dimension 2'));
  it('index out of bounds', () => raises(() => m23().get([0, 3]), 'IndexError', 'index 3 is out of bounds for axis 1 with size 3'));
  it('too many indices', () => raises(() => m23().get([0, 0, 0]), 'IndexError', 'too many indices for array: array is 2-dimensional, but 3 were indexed'));
  it('boolean index mismatch', () => raises(() => m23().get(NDArray.from([1, 0, 1], [3], 'bool')), 'IndexError',
    'boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3'));
  it('non-integer index arrays', () => raises(() => m23().get(NDArray.from([0, 1], [2])), 'IndexError', 'arrays used as indices must be of integer (or boolean) type'));
  it('bool subtract', () => raises(() => binary('subtract', NDArray.from([1], [1], 'bool'), NDArray.from([0], [1], 'bool')), 'TypeError',
    'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.'));
  it('assignment to a read-only broadcast view', () => raises(() => arange(3.0).broadcastTo([2, 3]).set(0, 1.0), 'ValueError', 'assignment destination is read-only'));
  it('views of a read-only view stay read-only', () => {
    const b = arange(3.0).broadcastTo([2, 3]);
    for (const v of [b.T, b.get(new Slice(0, 1)), b.reshape(6 / 3, 3), b.expandDims(0), b.squeeze()]) {
      raises(() => v.set(ELLIPSIS, 0.0), 'ValueError', 'assignment destination is read-only');
    }
  });
  it('int ** negative int', () => raises(() => binary('power', arange(3n), -1n), 'ValueError', 'Integers to negative integer powers are not allowed.'));
  it('int out for a float result', () => raises(() => binary('add', arange(3n), 0.5, arange(3n)), 'TypeError',
    "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"));
});

describe('ndarray: views share memory', () => {
  it('writes through slices, transposes, reshapes and expand_dims reach the base', () => {
    const a = m23();
    a.get([new Slice(), 1]).set(ELLIPSIS, -1.0);
    a.T.set(2, 9.0);
    a.reshape(6).set(0, 7.0);
    a.expandDims(0).set([0, 1, 0], 8.0);
    assert.deepEqual(a.tolist(), [[7, -1, 9], [8, -1, 9]]);
  });
  it('a -= b mutates a in place (np.subtract(a, b, out=a)) and keeps views in sync', () => {
    const a = m23(), row = a.get(1);
    binary('subtract', a, arange(3.0), a);
    assert.deepEqual(row.tolist(), [3, 3, 3]);
  });
  it('float32 out takes a float64 result, rounded (same_kind)', () => {
    const out = NDArray.empty([1], 'float32');
    binary('add', NDArray.from([0.1], [1]), 0.2, out);
    assert.equal(out.item(), Math.fround(0.1 + 0.2));
  });
  it('np.add.at accumulates repeated indices; item assignment keeps the last', () => {
    const a = arange(4.0), b = arange(4.0);
    const idx = NDArray.from([0, 0, 2, 0], [4], 'int64');
    addAt(a, idx, 1.0);
    b.set(idx, NDArray.from([1, 2, 3, 4], [4]));
    assert.deepEqual(a.tolist(), [3, 1, 3, 3]);
    assert.deepEqual(b.tolist(), [4, 1, 3, 3]);
  });
});
