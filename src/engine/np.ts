// The `np` namespace: NumPy's functions over NDArray.
import { NDArray, Operand, asNDArray } from './ndarray';
import { binary, unary, where as npWhere, clip as npClip } from './ufunc';
import { reduce, mean as npMean, variance, argReduce } from './reduce';
import { dot as npDot, matmul as npMatmul } from './linalg';
import { addAt } from './indexing';
import { globalRandom } from './np_random';
import { ShapeLike, toShape } from './creation';

export * from './creation';
export { concatenate, stack, vstack, hstack, repeat, tile, pad, sort, argsort, cumsum, nonzero } from './manip';
export { allclose, arrayEqual as array_equal } from './utils';
export { tensordot } from './tensordot';
export { arrayRepr, arrayStr, array2string, scalarRepr, scalarStr, dtypeRepr, DEFAULT_PRINT_OPTIONS, type PrintOptions } from './format';
export { NpRandom, globalRandom } from './np_random';

type Axis = number | readonly number[] | null;

export const add = (a: Operand, b: Operand) => binary('add', a, b);
export const subtract = (a: Operand, b: Operand) => binary('subtract', a, b);
export const multiply = (a: Operand, b: Operand) => binary('multiply', a, b);
export const divide = (a: Operand, b: Operand) => binary('true_divide', a, b);
export const power = (a: Operand, b: Operand) => binary('power', a, b);
export const maximum = (a: Operand, b: Operand) => binary('maximum', a, b);
export const minimum = (a: Operand, b: Operand) => binary('minimum', a, b);
export const exp = (a: Operand) => unary('exp', asNDArray(a));
export const log = (a: Operand) => unary('log', asNDArray(a));
export const sin = (a: Operand) => unary('sin', asNDArray(a));
export const cos = (a: Operand) => unary('cos', asNDArray(a));
export const tanh = (a: Operand) => unary('tanh', asNDArray(a));
export const sqrt = (a: Operand) => unary('sqrt', asNDArray(a));
export const abs = (a: Operand) => unary('absolute', asNDArray(a));
export const square = (a: Operand) => unary('square', asNDArray(a));

export const sum = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('sum', a, axis, keepdims);
export const prod = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('prod', a, axis, keepdims);
export const max = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('max', a, axis, keepdims);
export const min = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('min', a, axis, keepdims);
export const any = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('any', a, axis, keepdims);
export const all = (a: NDArray, axis: Axis = null, keepdims = false) => reduce('all', a, axis, keepdims);
export const mean = (a: NDArray, axis: Axis = null, keepdims = false) => npMean(a, axis, keepdims);
export const variance_ = (a: NDArray, axis: Axis = null, keepdims = false, ddof = 0) => variance(a, axis, keepdims, ddof);
export const argmax = (a: NDArray, axis: number | null = null) => argReduce('argmax', a, axis, false);
export const argmin = (a: NDArray, axis: number | null = null) => argReduce('argmin', a, axis, false);

export const dot = npDot;
export const matmul = npMatmul;
export const where = npWhere;
export const clip = npClip;
export const broadcastTo = (a: NDArray, shape: readonly number[]) => a.broadcastTo(shape);
export const reshape = (a: NDArray, shape: number[]) => a.reshape(shape);
export const transpose = (a: NDArray, axes?: number[]) => a.transpose(axes);
export const expandDims = (a: NDArray, axis: number) => a.expandDims(axis);

/** np.add.at(a, indices, b). */
export const addAt_ = addAt;

/** np.random over NumPy's global RandomState. */
export const random = {
  seed: (s?: number | number[]) => globalRandom().seed(s),
  rand: (...shape: number[]) => globalRandom().rand(shape),
  randn: (...shape: number[]) => globalRandom().randn(shape),
  randint: (low: number, high: number | null = null, shape: ShapeLike = []) => globalRandom().randint(low, high, toShape(shape)),
  permutation: (x: number | NDArray) => globalRandom().permutation(x),
  shuffle: (a: NDArray) => globalRandom().shuffle(a),
  choice: (a: number | NDArray, shape: readonly number[] = [], replace = true, p: NDArray | null = null) => globalRandom().choice(a, shape, replace, p),
  uniform: (low = 0, high = 1, shape: readonly number[] = []) => globalRandom().uniform(low, high, shape),
  normal: (loc = 0, scale = 1, shape: readonly number[] = []) => globalRandom().normal(loc, scale, shape),
};
