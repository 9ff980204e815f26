// dezero.utils and dezero.cuda.
import { constant, fn, module, type Glossary } from './define';

const ND = 'numpy.ndarray';
const V = 'dezero.Variable';

const GLOSSARY: Glossary = {
  output: 'The Variable whose graph is drawn (usually the loss).',
  verbose: 'Also show each Variable’s shape and dtype.',
  to_file: 'Where to write: .dot or .gv writes DOT text; .png, .svg and .pdf are rendered by Gradscope.',
  f: 'A function from a Variable to a Variable.',
  x: 'The point at which to differentiate.',
  rtol: 'Relative tolerance.',
  atol: 'Absolute tolerance.',
  a: 'First array or Variable.',
  b: 'Second array or Variable.',
};

const PRIVATE = 'A private helper of DeZero’s own utils that Gradscope does not reproduce; get_dot_graph gives the whole DOT text.';

/** dezero.utils. */
export const UTILS = module('dezero.utils', 'Helpers: drawing computation graphs, gradient checking, shape utilities.', [
  fn('get_dot_graph', 'output, verbose=True', 'The computation graph behind output as Graphviz DOT text.'),
  fn('plot_dot_graph', 'output, verbose=True, to_file="graph.png"', 'Writes the graph behind output to a file beside the script (Gradscope renders the image itself, no Graphviz needed).'),
  fn('sum_to', 'x, shape', 'Sums an ndarray down to the given shape (the ndarray version of F.sum_to).', { returns: ND }),
  fn('reshape_sum_backward', 'gy, x_shape, axis, keepdims', 'Reshapes a reduced gradient so it broadcasts back over the input of a sum.', { returns: V }),
  fn('logsumexp', 'x, axis=1', 'log(sum(exp(x))) along axis, computed without overflow.', { returns: ND }),
  fn('max_backward_shape', 'x, axis', 'The shape a max/min gradient takes before it is broadcast back.'),
  fn('numerical_grad', 'f, x, *args, **kwargs', 'Gradient of f at x by central differences, to check backward() against.', { returns: ND }),
  fn('gradient_check', 'f, x, *args, rtol=1e-4, atol=1e-5, **kwargs', 'True when backward() agrees with numerical_grad for f at x.'),
  fn('array_equal', 'a, b', 'True when two arrays (or Variables’ data) are identical.'),
  fn('array_allclose', 'a, b, rtol=1e-4, atol=1e-5', 'True when two arrays (or Variables’ data) agree within the tolerances.'),
  fn('pair', 'x', 'An int as (x, x); a pair as it is.'),
  fn('get_conv_outsize', 'input_size, kernel_size, stride, pad', 'Output length of a convolution along one axis.'),
  fn('get_deconv_outsize', 'size, k, s, p', 'Output length of a transposed convolution along one axis.'),
  fn('get_file', 'url, file_name=None', 'Downloads a file into the cache.', { unavailable: 'Gradscope does not download: put the file next to your script and open it from there.' }),
  constant('cache_dir', 'Folder for downloaded files (the script’s folder in Gradscope).'),
], {
  closed: 'all', glossary: GLOSSARY,
  missing: { _dot_var: PRIVATE, _dot_func: PRIVATE },
});

/** dezero.cuda. */
export const CUDA = module('dezero.cuda', 'GPU helpers; in Gradscope everything stays on the CPU.', [
  constant('gpu_enable', 'Whether CuPy is available (always False in Gradscope).'),
  fn('get_array_module', 'x', 'The array module for x: numpy in Gradscope.'),
  fn('as_numpy', 'x', 'x as a NumPy array.', { returns: ND }),
  fn('as_cupy', 'x', 'x as a CuPy array.', { unavailable: 'Gradscope has no GPU: this raises, as DeZero does when CuPy is missing.' }),
], { closed: 'all' });
