// dezero.functions (F): every differentiable function, and the Function classes behind them.
import { alias, fn, klass, module, type Glossary, type Item } from './define';

const V = 'dezero.Variable';
const F = 'dezero.Function';

const GLOSSARY: Glossary = {
  x: 'Input Variable; an ndarray or a number is wrapped as a Variable.',
  x0: 'First operand; arrays and numbers are wrapped, shapes broadcast.',
  x1: 'Second operand; arrays and numbers are wrapped, shapes broadcast.',
  axis: 'Axis or tuple of axes to work along; None means all of them.',
  axes: 'The new order of the axes; None reverses them.',
  keepdims: 'Keep reduced axes as dimensions of length 1.',
  shape: 'The target shape, as a tuple of ints.',
  W: 'Weight Variable.',
  b: 'Bias Variable, or None for no bias.',
  t: 'Target: class indices (ints) for classification, same shape as the output for regression.',
  y: 'Predicted scores, one row per sample.',
  kernel_size: 'Window height and width: an int or a pair.',
  stride: 'Step between windows: an int or a pair.',
  pad: 'Zero padding on each side: an int or a pair.',
  to_matrix: 'Return the columns as a 2-D matrix instead of a 6-D array.',
  slices: 'Any NumPy index: ints, slices, lists of indices, boolean masks.',
};

const fv = (name: string, params: string, doc: string, args?: Glossary): Item => fn(name, params, doc, { returns: V, ...(args ? { args } : {}) });
const op = (name: string, params: string | null, doc: string): Item => klass(`dezero.functions.${name}`, params, doc, { bases: [F], glossary: GLOSSARY });

const AVERAGE = fv('average', 'x, axis=None, keepdims=False', 'Mean over all elements or the given axes.');
const BATCH_NORM = fv('batch_norm', 'x, gamma, beta, mean, var, decay=0.9, eps=2e-5', 'Normalises each feature over the batch, then scales by gamma and shifts by beta; in test mode it uses the running mean and var.', {
  gamma: 'Scale Variable, one per feature.', beta: 'Shift Variable, one per feature.',
  mean: 'Running mean (ndarray), updated in place while training.', var: 'Running variance (ndarray), updated in place while training.',
  decay: 'How much of the old running statistics to keep at each step.', eps: 'Added to the variance to avoid dividing by zero.',
});

const FUNCTIONS_ITEMS: Item[] = [
  fv('add', 'x0, x1', 'Element-wise x0 + x1 (the + operator).'),
  fv('sub', 'x0, x1', 'Element-wise x0 - x1 (the - operator).'),
  fv('rsub', 'x0, x1', 'Element-wise x1 - x0 (the - operator with a Variable on the right).'),
  fv('mul', 'x0, x1', 'Element-wise x0 * x1 (the * operator).'),
  fv('div', 'x0, x1', 'Element-wise x0 / x1 (the / operator).'),
  fv('rdiv', 'x0, x1', 'Element-wise x1 / x0 (the / operator with a Variable on the right).'),
  fv('neg', 'x', 'Element-wise -x.'),
  fv('pow', 'x, c', 'Element-wise x ** c for a constant exponent c.', { c: 'The exponent, a Python or NumPy number (not differentiated).' }),
  fv('sin', 'x', 'Element-wise sine; its derivative is cos(x).'),
  fv('cos', 'x', 'Element-wise cosine; its derivative is -sin(x).'),
  fv('tanh', 'x', 'Element-wise hyperbolic tangent; its derivative is 1 - tanh(x)².'),
  fv('exp', 'x', 'Element-wise e ** x; it is its own derivative.'),
  fv('log', 'x', 'Element-wise natural logarithm; its derivative is 1 / x.'),
  fv('reshape', 'x, shape', 'The same elements in a new shape; the gradient is reshaped back.'),
  fv('transpose', 'x, axes=None', 'Permutes the axes (reverses them by default).'),
  fv('get_item', 'x, slices', 'x[slices] as a Variable (what Variable indexing calls); the gradient is scattered back.'),
  fv('expand_dims', 'x, axis', 'Inserts a length-1 axis at position axis.', { axis: 'Where the new axis goes.' }),
  fv('flatten', 'x', 'Keeps the first (batch) axis and flattens the rest into one.'),
  fv('sum', 'x, axis=None, keepdims=False', 'Sum over all elements or the given axes; the gradient is broadcast back.'),
  fv('sum_to', 'x, shape', 'Sums elements so the result has the given shape: the reverse of broadcast_to.'),
  fv('broadcast_to', 'x, shape', 'Repeats x to the given shape by NumPy broadcasting; the gradient is summed back with sum_to.'),
  AVERAGE,
  alias('mean', AVERAGE, '(Another name for average.)'),
  fv('matmul', 'x, W', 'Matrix product x @ W; the gradients are gy @ W.T and x.T @ gy.'),
  fv('linear', 'x, W, b=None', 'The affine map x @ W + b as a single Function, keeping less in memory than matmul followed by add.'),
  fv('linear_simple', 'x, W, b=None', 'x @ W + b built from matmul and add (the book’s first version).'),
  fv('sigmoid', 'x', 'Element-wise logistic function 1 / (1 + exp(-x)).'),
  fv('sigmoid_simple', 'x', 'The logistic function built from exp and division (the book’s first version).'),
  fv('relu', 'x', 'Element-wise max(x, 0); the gradient passes where x > 0.'),
  fv('softmax', 'x, axis=1', 'Exponentials normalised to sum to 1 along axis (class probabilities).'),
  fv('softmax_simple', 'x, axis=1', 'Softmax built from exp, sum and division (the book’s first version).'),
  fv('log_softmax', 'x, axis=1', 'log(softmax(x)) computed stably.'),
  fv('leaky_relu', 'x, slope=0.2', 'x where x > 0, slope * x elsewhere.', { slope: 'Gradient factor for negative inputs.' }),
  fv('mean_squared_error', 'x0, x1', 'Mean over samples of the squared difference, summed over features.'),
  fv('mean_squared_error_simple', 'x0, x1', 'Mean squared error built from sub, pow and sum (the book’s first version).'),
  fv('softmax_cross_entropy', 'x, t', 'Softmax of the scores x followed by cross-entropy against the class indices t, averaged over the batch.'),
  fv('softmax_cross_entropy_simple', 'x, t', 'Softmax cross-entropy built from softmax, log and indexing (the book’s first version).'),
  fv('sigmoid_cross_entropy', 'x, t', 'Binary cross-entropy of sigmoid(x) against 0/1 targets t, averaged.'),
  fv('binary_cross_entropy', 'p, t', 'Binary cross-entropy of probabilities p against 0/1 targets t, averaged.', { p: 'Predicted probabilities in (0, 1).' }),
  fv('accuracy', 'y, t', 'Fraction of rows whose largest score is at the index t (not differentiable).'),
  fv('dropout', 'x, dropout_ratio=0.5', 'While training, zeroes elements with the given probability and scales the rest up; in test mode returns x.', { dropout_ratio: 'Probability of dropping each element.' }),
  BATCH_NORM,
  alias('batch_nrom', BATCH_NORM, '(DeZero spells it this way.)'),
  fv('embed_id', 'x, W', 'Rows of W picked by the integer ids x: W[x].', { x: 'Integer ids.', W: 'Embedding matrix, one row per id.' }),
  fv('max', 'x, axis=None, keepdims=False', 'Largest element over all or the given axes; the gradient flows to the maxima.'),
  fv('min', 'x, axis=None, keepdims=False', 'Smallest element over all or the given axes; the gradient flows to the minima.'),
  fv('clip', 'x, x_min, x_max', 'Limits elements to [x_min, x_max]; the gradient passes only inside that range.', { x_min: 'Lower bound.', x_max: 'Upper bound.' }),
  fv('conv2d', 'x, W, b=None, stride=1, pad=0', '2-D convolution of an (N, C, H, W) batch with filters W of shape (OC, C, KH, KW).'),
  fv('conv2d_simple', 'x, W, b=None, stride=1, pad=0', '2-D convolution built from im2col and a matrix product (the book’s first version).'),
  fv('deconv2d', 'x, W, b=None, stride=1, pad=0, outsize=None', 'Transposed 2-D convolution (the gradient of conv2d), which upsamples.', { outsize: 'Output height and width; None works them out.' }),
  fv('im2col', 'x, kernel_size, stride=1, pad=0, to_matrix=True', 'Lays every convolution window out as a column, so that convolution becomes a matrix product.'),
  fv('col2im', 'x, input_shape, kernel_size, stride=1, pad=0, to_matrix=True', 'Adds columns back into an image: the reverse of im2col.', { input_shape: 'Shape (N, C, H, W) of the image to rebuild.' }),
  fv('pooling', 'x, kernel_size, stride=1, pad=0', 'Max pooling over windows of an (N, C, H, W) batch.'),
  fv('pooling_simple', 'x, kernel_size, stride=1, pad=0', 'Max pooling built from im2col, reshape and max (the book’s first version).'),
  fv('average_pooling', 'x, kernel_size, stride=1, pad=0', 'Average pooling over windows of an (N, C, H, W) batch.'),
  op('Add', null, 'The Function behind add and +.'),
  op('Sub', null, 'The Function behind sub and -.'),
  op('Mul', null, 'The Function behind mul and *.'),
  op('Div', null, 'The Function behind div and /.'),
  op('Neg', null, 'The Function behind neg and unary -.'),
  op('Pow', 'c', 'The Function behind pow and **; c is the constant exponent.'),
  op('Sin', null, 'The Function behind sin.'),
  op('Cos', null, 'The Function behind cos.'),
  op('Tanh', null, 'The Function behind tanh.'),
  op('Exp', null, 'The Function behind exp.'),
  op('Log', null, 'The Function behind log.'),
  op('Reshape', 'shape', 'The Function behind reshape.'),
  op('Transpose', 'axes=None', 'The Function behind transpose.'),
  op('GetItem', 'slices', 'The Function behind get_item and indexing.'),
  op('GetItemGrad', 'slices, in_shape', 'The backward of GetItem: scatters a gradient into zeros of the input shape.'),
  op('Sum', 'axis, keepdims', 'The Function behind sum.'),
  op('SumTo', 'shape', 'The Function behind sum_to.'),
  op('BroadcastTo', 'shape', 'The Function behind broadcast_to.'),
  op('MatMul', null, 'The Function behind matmul.'),
  op('Linear', null, 'The Function behind linear.'),
  op('Sigmoid', null, 'The Function behind sigmoid.'),
  op('ReLU', null, 'The Function behind relu.'),
  op('Softmax', 'axis=1', 'The Function behind softmax.'),
  op('LogSoftmax', 'axis=1', 'The Function behind log_softmax.'),
  op('LeakyReLU', 'slope', 'The Function behind leaky_relu.'),
  op('MeanSquaredError', null, 'The Function behind mean_squared_error.'),
  op('SoftmaxCrossEntropy', null, 'The Function behind softmax_cross_entropy.'),
  op('Max', 'axis=None, keepdims=False', 'The Function behind max.'),
  op('Min', 'axis=None, keepdims=False', 'The Function behind min.'),
  op('Clip', 'x_min, x_max', 'The Function behind clip.'),
  op('BatchNorm', 'mean, var, decay, eps', 'The Function behind batch_norm.'),
  op('Conv2d', 'stride=1, pad=0', 'The Function behind conv2d.'),
  op('Deconv2d', 'stride=1, pad=0, outsize=None', 'The Function behind deconv2d.'),
  op('Conv2DGradW', 'conv2d', 'The gradient of conv2d with respect to its filters.'),
  op('Pooling', 'kernel_size, stride=1, pad=0', 'The Function behind pooling.'),
  op('Pooling2DGrad', 'mpool2d', 'The backward of max pooling.'),
  op('Pooling2DWithIndexes', 'mpool2d', 'Max pooling at known indexes: the backward of Pooling2DGrad, for double backprop.'),
  op('AveragePooling', 'kernel_size, stride=1, pad=0', 'The Function behind average_pooling.'),
  op('Im2col', 'kernel_size, stride, pad, to_matrix', 'The Function behind im2col.'),
  op('Col2im', 'input_shape, kernel_size, stride, pad, to_matrix', 'The Function behind col2im.'),
];

/** dezero.functions, usually imported as F. */
/** The arithmetic functions and Functions, which dezero.core also exports. */
export const ARITHMETIC_NAMES = ['add', 'sub', 'rsub', 'mul', 'div', 'rdiv', 'neg', 'pow', 'Add', 'Sub', 'Mul', 'Div', 'Neg', 'Pow'];
export const ARITHMETIC_ITEMS: Item[] = FUNCTIONS_ITEMS.filter((it) => ARITHMETIC_NAMES.includes(nameOf(it)));

function nameOf(it: Item): string {
  const e = typeof it === 'function' ? it('dezero.functions', {}) : it;
  return e.name.slice(e.name.lastIndexOf('.') + 1);
}

export const FUNCTIONS = module('dezero.functions', 'DeZero’s differentiable functions: each takes and returns Variables and records itself in the graph.', FUNCTIONS_ITEMS, { closed: 'all', glossary: GLOSSARY });

/** dezero.functions_conv: the convolution half of F (Gradscope serves all of F under it). */
export const FUNCTIONS_CONV = module('dezero.functions_conv', 'Convolution and pooling functions (also reachable through dezero.functions).', FUNCTIONS_ITEMS, { glossary: GLOSSARY });
