// numpy (np): the part of NumPy that DeZero code uses — creation, element-wise math,
// reductions, shape operations, linear algebra, dtypes — plus ndarray's attributes.
import { constant, fn, klass, method, module, prop, type Glossary, type Item } from './define';
import { NUMPY_OTHERS } from './numpy_names';
import { LINALG, RANDOM } from './numpy_random';

const ND = 'numpy.ndarray';
const UFUNC = 'numpy.ufunc';

const GLOSSARY: Glossary = {
  a: 'Input array, or anything np.array accepts (lists, numbers).',
  x: 'Input array or number.',
  x1: 'First operand; shapes broadcast.',
  x2: 'Second operand; shapes broadcast.',
  axis: 'Axis or tuple of axes to work along; None means all of them.',
  keepdims: 'Keep reduced axes as dimensions of length 1.',
  dtype: 'Element type, e.g. np.float32; None picks it from the data.',
  shape: 'An int or a tuple of ints.',
  out: 'An existing array to write the result into.',
  decimals: 'Number of decimal places to keep.',
  axes: 'The new order of the axes; None reverses them.',
  arrays: 'A sequence of arrays with matching shapes.',
  tup: 'A sequence of arrays.',
  fill_value: 'The value every element gets.',
  rtol: 'Relative tolerance.',
  atol: 'Absolute tolerance.',
};

const nd = (name: string, params: string, doc: string, args?: Glossary): Item => fn(name, params, doc, { returns: ND, ...(args ? { args } : {}) });
/** A ufunc: element-wise, with `.at`, `.reduce`, `.outer`, `.accumulate`. */
const uf = (name: string, params: string, doc: string): Item => fn(name, params, doc, { returns: ND, bases: [UFUNC] });
const u1 = (name: string, doc: string) => uf(name, 'x, out=None', doc);
const u2 = (name: string, doc: string) => uf(name, 'x1, x2, out=None', doc);
const reduction = (name: string, doc: string, extra = '') => nd(name, `a, axis=None${extra}, keepdims=False`, doc);
const dtype = (name: string, doc: string): Item => klass(`numpy.${name}`, 'value=0', doc, { bases: ['numpy.generic'] });

/** numpy.ndarray, with the attributes and methods DeZero code reaches for. */
export const NDARRAY = klass(ND, 'shape, dtype=float', 'NumPy’s n-dimensional array; create one with np.array, np.zeros and friends rather than directly.', {
  glossary: GLOSSARY,
  members: [
    prop('shape', 'Length of each axis, as a tuple.'),
    prop('ndim', 'Number of axes.'),
    prop('size', 'Number of elements.'),
    prop('dtype', 'Element type.'),
    prop('T', 'The transpose (axes reversed).', ND),
    prop('nbytes', 'Memory used by the elements, in bytes.'),
    prop('itemsize', 'Bytes per element.'),
    method('reshape', '*shape', 'The same elements in a new shape; one length may be -1.', { returns: ND }),
    method('transpose', '*axes', 'Axes permuted (reversed when none are given).', { returns: ND }),
    method('astype', 'dtype', 'A copy converted to dtype.', { returns: ND }),
    method('copy', '', 'An independent copy.', { returns: ND }),
    method('flatten', '', 'A one-dimensional copy.', { returns: ND }),
    method('ravel', '', 'The elements in one dimension (a view when possible).', { returns: ND }),
    method('squeeze', 'axis=None', 'Drops axes of length 1.', { returns: ND }),
    method('swapaxes', 'axis1, axis2', 'Exchanges two axes.', { returns: ND }),
    method('repeat', 'repeats, axis=None', 'Repeats each element.', { returns: ND }),
    method('sum', 'axis=None, keepdims=False', 'Sum of elements.', { returns: ND }),
    method('mean', 'axis=None, keepdims=False', 'Mean of elements.', { returns: ND }),
    method('std', 'axis=None, ddof=0, keepdims=False', 'Standard deviation.', { returns: ND }),
    method('var', 'axis=None, ddof=0, keepdims=False', 'Variance.', { returns: ND }),
    method('max', 'axis=None, keepdims=False', 'Largest element.', { returns: ND }),
    method('min', 'axis=None, keepdims=False', 'Smallest element.', { returns: ND }),
    method('argmax', 'axis=None', 'Index of the largest element.', { returns: ND }),
    method('argmin', 'axis=None', 'Index of the smallest element.', { returns: ND }),
    method('cumsum', 'axis=None', 'Running sum.', { returns: ND }),
    method('prod', 'axis=None, keepdims=False', 'Product of elements.', { returns: ND }),
    method('all', 'axis=None, keepdims=False', 'Whether every element is true.', { returns: ND }),
    method('any', 'axis=None, keepdims=False', 'Whether some element is true.', { returns: ND }),
    method('clip', 'min=None, max=None', 'Elements limited to [min, max].', { returns: ND }),
    method('round', 'decimals=0', 'Elements rounded (halves to even).', { returns: ND }),
    method('dot', 'b', 'Matrix product with b.', { returns: ND }),
    method('sort', 'axis=-1', 'Sorts in place.'),
    method('argsort', 'axis=-1', 'Indices that would sort the array.', { returns: ND }),
    method('fill', 'value', 'Sets every element to value, in place.'),
    method('item', '*args', 'One element as a Python number.'),
    method('tolist', '', 'The elements as nested Python lists.'),
  ],
});

const CLASSES: Item[] = [
  NDARRAY,
  klass(UFUNC, null, 'An element-wise function with broadcasting; it also offers at, reduce, accumulate and outer.', {
    members: [
      method('at', 'a, indices, b=None', 'Applies the operation in place at the indices, accumulating repeated ones (np.add.at scatters gradients).'),
      method('reduce', 'array, axis=0, keepdims=False', 'Applies the operation along an axis until one value is left.', { returns: ND }),
      method('accumulate', 'array, axis=0', 'Like reduce, keeping every intermediate result.', { returns: ND }),
      method('outer', 'A, B', 'The operation on every pair of elements of A and B.', { returns: ND }),
    ],
  }),
  klass('numpy.dtype', 'dtype', 'Describes an element type: np.dtype(np.float32), x.dtype.'),
  klass('numpy.generic', null, 'Base class of NumPy’s scalar types.'),
  dtype('float64', '64-bit float, NumPy’s default element type (and Python float’s).'),
  dtype('float32', '32-bit float, DeZero’s default for parameters.'),
  dtype('float16', '16-bit float.'),
  dtype('int64', '64-bit signed integer, the default for integer arrays.'),
  dtype('int32', '32-bit signed integer.'),
  dtype('int16', '16-bit signed integer.'),
  dtype('int8', '8-bit signed integer.'),
  dtype('uint8', '8-bit unsigned integer (image pixels).'),
  dtype('bool_', 'Boolean element type (np.bool in NumPy 2).'),
  dtype('bool', 'Boolean element type.'),
];

const CONSTANTS: Item[] = [
  constant('pi', 'π = 3.141592653589793.'),
  constant('e', "Euler's number e = 2.718281828459045."),
  constant('inf', 'Positive infinity.'),
  constant('nan', 'Not a number.'),
  constant('newaxis', 'None, used in an index to insert a length-1 axis: x[:, np.newaxis].'),
];

const CREATION: Item[] = [
  nd('array', 'object, dtype=None, copy=True, ndmin=0', 'A new array from a list, tuple, number or array.', { object: 'Nested lists of numbers, a number, or an array.', ndmin: 'Minimum number of dimensions.' }),
  nd('asarray', 'a, dtype=None', 'a as an array, without copying when it already is one.'),
  nd('zeros', 'shape, dtype=float', 'An array of zeros.'),
  nd('ones', 'shape, dtype=None', 'An array of ones.'),
  nd('empty', 'shape, dtype=float', 'An array whose elements are not set (NumPy leaves them arbitrary).'),
  nd('full', 'shape, fill_value, dtype=None', 'An array with every element equal to fill_value.'),
  nd('zeros_like', 'a, dtype=None', 'Zeros with the shape (and dtype) of a.'),
  nd('ones_like', 'a, dtype=None', 'Ones with the shape (and dtype) of a.'),
  nd('empty_like', 'a, dtype=None', 'Unset elements with the shape (and dtype) of a.'),
  nd('full_like', 'a, fill_value, dtype=None', 'fill_value everywhere, with the shape (and dtype) of a.'),
  nd('arange', 'start, stop=None, step=1, dtype=None', 'Evenly spaced values in [start, stop); arange(n) is 0 … n-1.', { start: 'First value, or the end when it is the only argument.', stop: 'End (excluded).', step: 'Spacing.' }),
  nd('linspace', 'start, stop, num=50, endpoint=True, dtype=None', 'num evenly spaced values from start to stop.', { num: 'How many values.', endpoint: 'Include stop itself.' }),
  nd('eye', 'N, M=None, k=0, dtype=float', 'A 2-D array with ones on a diagonal.', { k: 'Which diagonal: 0 the main one, positive above it.' }),
  nd('identity', 'n, dtype=None', 'The n×n identity matrix.'),
  fn('meshgrid', '*xi, indexing="xy"', 'Coordinate grids from 1-D coordinate vectors (for plotting a function over a plane).'),
  nd('copy', 'a', 'An independent copy of a.'),
  nd('diag', 'v, k=0', 'The diagonal of a 2-D array, or a diagonal matrix from a 1-D one.'),
];

const MATH: Item[] = [
  u2('add', 'Element-wise x1 + x2.'), u2('subtract', 'Element-wise x1 - x2.'),
  u2('multiply', 'Element-wise x1 * x2.'), u2('divide', 'Element-wise x1 / x2 (true division).'),
  u2('true_divide', 'Element-wise x1 / x2.'), u2('floor_divide', 'Element-wise x1 // x2.'),
  u2('power', 'Element-wise x1 ** x2.'), u2('mod', 'Element-wise remainder with the sign of x2.'),
  u2('maximum', 'Element-wise larger of x1 and x2.'), u2('minimum', 'Element-wise smaller of x1 and x2.'),
  u2('arctan2', 'Element-wise angle of the point (x2, x1), in radians.'),
  u1('negative', 'Element-wise -x.'), u1('abs', 'Element-wise absolute value.'), u1('absolute', 'Element-wise absolute value.'),
  u1('sign', 'Element-wise -1, 0 or 1.'), u1('sqrt', 'Element-wise square root.'), u1('square', 'Element-wise x * x.'),
  u1('reciprocal', 'Element-wise 1 / x.'),
  u1('exp', 'Element-wise e ** x.'), u1('expm1', 'Element-wise e ** x - 1, accurate near 0.'),
  u1('log', 'Element-wise natural logarithm.'), u1('log2', 'Element-wise base-2 logarithm.'),
  u1('log10', 'Element-wise base-10 logarithm.'), u1('log1p', 'Element-wise log(1 + x), accurate near 0.'),
  u1('sin', 'Element-wise sine (radians).'), u1('cos', 'Element-wise cosine (radians).'), u1('tan', 'Element-wise tangent (radians).'),
  u1('arcsin', 'Element-wise inverse sine.'), u1('arccos', 'Element-wise inverse cosine.'), u1('arctan', 'Element-wise inverse tangent.'),
  u1('sinh', 'Element-wise hyperbolic sine.'), u1('cosh', 'Element-wise hyperbolic cosine.'), u1('tanh', 'Element-wise hyperbolic tangent.'),
  u1('floor', 'Element-wise largest integer not above x.'), u1('ceil', 'Element-wise smallest integer not below x.'),
  nd('round', 'a, decimals=0', 'Element-wise rounding, halves to even.'),
  nd('clip', 'a, a_min, a_max', 'Elements limited to [a_min, a_max].', { a_min: 'Lower bound (None for none).', a_max: 'Upper bound (None for none).' }),
  u1('isnan', 'Element-wise test for NaN.'), u1('isinf', 'Element-wise test for ±infinity.'), u1('isfinite', 'Element-wise test for a finite number.'),
  u2('equal', 'Element-wise x1 == x2.'), u2('not_equal', 'Element-wise x1 != x2.'),
  u2('greater', 'Element-wise x1 > x2.'), u2('greater_equal', 'Element-wise x1 >= x2.'),
  u2('less', 'Element-wise x1 < x2.'), u2('less_equal', 'Element-wise x1 <= x2.'),
  u2('logical_and', 'Element-wise truth of x1 and x2.'), u2('logical_or', 'Element-wise truth of x1 or x2.'),
  u1('logical_not', 'Element-wise truth of not x.'),
];

const REDUCTIONS: Item[] = [
  reduction('sum', 'Sum of elements over all or the given axes.', ', dtype=None'),
  reduction('prod', 'Product of elements over all or the given axes.'),
  reduction('mean', 'Arithmetic mean over all or the given axes.'),
  reduction('std', 'Standard deviation over all or the given axes.', ', ddof=0'),
  reduction('var', 'Variance over all or the given axes.', ', ddof=0'),
  reduction('max', 'Largest element over all or the given axes.'),
  reduction('min', 'Smallest element over all or the given axes.'),
  reduction('amax', 'Largest element (another name for max).'),
  reduction('amin', 'Smallest element (another name for min).'),
  reduction('argmax', 'Index of the largest element (in the flattened array when axis is None).'),
  reduction('argmin', 'Index of the smallest element (in the flattened array when axis is None).'),
  reduction('all', 'Whether every element is true.'),
  reduction('any', 'Whether at least one element is true.'),
  reduction('median', 'Median over all or the given axes.'),
  nd('cumsum', 'a, axis=None', 'Running sum (over the flattened array when axis is None).'),
  nd('cumprod', 'a, axis=None', 'Running product (over the flattened array when axis is None).'),
  nd('average', 'a, axis=None, weights=None', 'Mean, optionally weighted.', { weights: 'One weight per element along axis.' }),
  nd('count_nonzero', 'a, axis=None', 'Number of non-zero elements.'),
];

const SHAPES: Item[] = [
  nd('reshape', 'a, shape', 'The same elements in a new shape; one length may be -1.'),
  nd('transpose', 'a, axes=None', 'Axes permuted (reversed by default).'),
  nd('swapaxes', 'a, axis1, axis2', 'Two axes exchanged.'),
  nd('moveaxis', 'a, source, destination', 'An axis moved to a new position.'),
  nd('expand_dims', 'a, axis', 'A length-1 axis inserted at axis.'),
  nd('squeeze', 'a, axis=None', 'Axes of length 1 removed.'),
  nd('ravel', 'a', 'The elements in one dimension.'),
  nd('concatenate', 'arrays, axis=0', 'Arrays joined along an existing axis.'),
  nd('stack', 'arrays, axis=0', 'Arrays of equal shape joined along a new axis.'),
  nd('vstack', 'tup', 'Arrays stacked as rows (along the first axis).'),
  nd('hstack', 'tup', 'Arrays stacked as columns (along the second axis; the first for 1-D).'),
  fn('split', 'ary, indices_or_sections, axis=0', 'A list of sub-arrays cut along an axis.'),
  nd('tile', 'A, reps', 'A repeated reps times along each axis.'),
  nd('repeat', 'a, repeats, axis=None', 'Each element repeated.'),
  nd('broadcast_to', 'array, shape', 'A read-only view of array broadcast to shape.'),
  nd('flip', 'm, axis=None', 'Elements in reverse order along the given axes.'),
  nd('roll', 'a, shift, axis=None', 'Elements shifted cyclically.'),
  nd('pad', 'array, pad_width, mode="constant", constant_values=0', 'The array with a border added around it.', { pad_width: 'Border widths, per axis as (before, after).' }),
  nd('where', 'condition, x=None, y=None', 'Elements of x where condition holds, of y elsewhere (indices of true elements when given only a condition).'),
  nd('take', 'a, indices, axis=None', 'Elements at the given indices.'),
  nd('sort', 'a, axis=-1', 'A sorted copy.'),
  nd('argsort', 'a, axis=-1', 'Indices that would sort the array.'),
  fn('unique', 'ar, return_counts=False', 'Sorted distinct elements (and how often each occurs).'),
  fn('nonzero', 'a', 'Indices of the non-zero elements, one array per axis.'),
  fn('shape', 'a', 'The shape of a, as a tuple.'),
  fn('ndim', 'a', 'The number of dimensions of a.'),
  fn('size', 'a', 'The number of elements of a.'),
];

const LINEAR: Item[] = [
  nd('dot', 'a, b', 'Dot product of vectors, or the matrix product for 2-D arrays.'),
  uf('matmul', 'x1, x2, out=None', 'Matrix product (the @ operator), broadcast over leading axes.'),
  nd('outer', 'a, b', 'Every product a[i] * b[j], as a matrix.'),
  nd('inner', 'a, b', 'Sum of products over the last axes.'),
  nd('tensordot', 'a, b, axes=2', 'Sum of products over the given axes of a and b.'),
  fn('einsum', 'subscripts, *operands', 'Sums of products described by Einstein notation, e.g. "ij,jk->ik".', {
    returns: ND, unavailable: 'Gradscope’s NumPy does not have einsum; np.tensordot, np.matmul and transpose cover most uses.',
  }),
  fn('allclose', 'a, b, rtol=1e-05, atol=1e-08', 'True when all elements agree within the tolerances.'),
  nd('isclose', 'a, b, rtol=1e-05, atol=1e-08', 'Element-wise agreement within the tolerances.'),
  fn('array_equal', 'a1, a2', 'True when both arrays have the same shape and elements.'),
];

const IO: Item[] = [
  fn('set_printoptions', 'precision=None, threshold=None, linewidth=None, suppress=None', 'Changes how arrays print.', {
    args: { precision: 'Digits after the decimal point (8 by default).', suppress: 'Print tiny numbers as 0 instead of in scientific notation.' },
  }),
  fn('save', 'file, arr', 'Writes one array to a .npy file.'),
  fn('load', 'file', 'Reads an array from .npy, or the arrays of an .npz file.'),
  fn('savez', 'file, *args, **kwds', 'Writes several arrays, by name, to an .npz file.'),
  fn('savez_compressed', 'file, *args, **kwds', 'Writes several arrays to a compressed .npz file.'),
];

const REMOVED = (use: string) => `NumPy 2 removed it, and Gradscope follows NumPy 2; use ${use}.`;

/** Names NumPy 2 dropped that older DeZero-era code still uses. */
const REMOVED_NAMES: Record<string, string> = {
  float: REMOVED('float or np.float64'), int: REMOVED('int or np.int64'), object: REMOVED('object'),
  str: REMOVED('str'), complex: REMOVED('complex'), float_: REMOVED('np.float64'), complex_: REMOVED('np.complex128'),
  unicode_: REMOVED('np.str_'), string_: REMOVED('np.bytes_'), NaN: REMOVED('np.nan'), NAN: REMOVED('np.nan'),
  Inf: REMOVED('np.inf'), Infinity: REMOVED('np.inf'), infty: REMOVED('np.inf'), PINF: REMOVED('np.inf'), NINF: REMOVED('-np.inf'),
  product: REMOVED('np.prod'), cumproduct: REMOVED('np.cumprod'), sometrue: REMOVED('np.any'), alltrue: REMOVED('np.all'),
  round_: REMOVED('np.round'), asfarray: REMOVED('np.asarray(x, dtype=float)'),
};

/** numpy, usually imported as np. */
export const NUMPY = module('numpy', 'NumPy: n-dimensional arrays and the math on them.', [
  ...CLASSES, ...CONSTANTS, ...CREATION, ...MATH, ...REDUCTIONS, ...SHAPES, ...LINEAR, ...IO, RANDOM, LINALG,
], { closed: 'near', glossary: GLOSSARY, others: NUMPY_OTHERS, missing: REMOVED_NAMES });
