// dezero.core: Variable, Parameter, Function, Config and the context helpers.
import { ARITHMETIC_ITEMS } from './functions';
import { fn, klass, method, module, prop, constant } from './define';

const V = 'dezero.Variable';
const ND = 'numpy.ndarray';
const NO_GPU = 'Gradscope has no GPU: this raises, as DeZero does when CuPy is missing.';

/** dezero.Variable: the node that holds data and, after backward(), a gradient. */
export const VARIABLE = klass(V, 'data, name=None', 'Wraps an ndarray so that operations on it are recorded as a graph that backward() can walk.', {
  args: {
    data: 'An ndarray (or None); Python numbers must be wrapped with np.array first.',
    name: 'A label shown in graph drawings.',
  },
  members: [
    prop('data', 'The ndarray held by this Variable.', ND),
    prop('grad', 'The gradient as a Variable, filled in by backward(); None before that and after cleargrad().', V),
    prop('name', 'Optional label, used by graph drawings.'),
    prop('creator', 'The Function that produced this Variable; None for graph inputs and after unchain().', 'dezero.Function'),
    prop('generation', 'Graph depth: one above its creator; backward() handles higher generations first.'),
    prop('shape', "Shape of data, as a tuple."),
    prop('ndim', 'Number of dimensions of data.'),
    prop('size', 'Number of elements in data.'),
    prop('dtype', 'Element type of data.'),
    prop('T', 'The transpose, as a new Variable in the graph.', V),
    method('backward', 'retain_grad=False, create_graph=False', 'Back-propagates from this Variable and fills .grad of every Variable it depends on (gradients add up across calls until cleargrad()).', {
      args: {
        retain_grad: 'Keep .grad on intermediate Variables too; by default only graph inputs keep theirs, to save memory.',
        create_graph: 'Record the backward pass as a graph of its own, so the gradients can be differentiated again (double backprop, Newton’s method, Hessian-vector products).',
      },
    }),
    method('cleargrad', '', 'Sets .grad to None, so the next backward() starts fresh instead of adding to the old gradient.'),
    method('set_creator', 'func', 'Makes func the creator and sets generation one above it; Function.__call__ does this for you.'),
    method('unchain', '', 'Drops the link to the creator, making this Variable a graph input.'),
    method('unchain_backward', '', 'Drops every creator link behind this Variable, freeing the graph (truncated backprop through time).'),
    method('reshape', '*shape', 'The same data in a new shape, as a Variable; reshape(2, 3) and reshape((2, 3)) both work.', { returns: V }),
    method('transpose', '*axes', 'Axes permuted (reversed when none are given), as a Variable.', { returns: V }),
    method('sum', 'axis=None, keepdims=False', 'Sum over all elements or the given axes, as a Variable.', { returns: V }),
    method('max', 'axis=None, keepdims=False', 'Largest element over all or the given axes; the gradient flows to the maxima.', { returns: V }),
    method('min', 'axis=None, keepdims=False', 'Smallest element over all or the given axes; the gradient flows to the minima.', { returns: V }),
    method('matmul', 'W', 'Matrix product with W, the same as F.matmul(self, W).', { returns: V }),
    method('dot', 'W', 'Matrix product with W, the same as F.matmul(self, W).', { returns: V }),
    method('to_cpu', '', 'Keeps data as a NumPy array (a no-op in Gradscope).'),
    method('to_gpu', '', 'Would move data to CuPy.', { unavailable: NO_GPU }),
  ],
});

/** dezero.Parameter: a Variable that layers collect as trainable. */
export const PARAMETER = klass('dezero.Parameter', 'data, name=None', 'A Variable that a Layer treats as trainable: Layer.params() yields it and optimizers update it.', { bases: [V] });

/** dezero.Function: the base of every differentiable operation. */
export const FUNCTION = klass('dezero.Function', null, 'Base class of a differentiable operation: forward works on ndarrays, backward on Variables, so every op can be differentiated again.', {
  members: [
    method('__call__', '*inputs', 'Runs forward on the inputs’ data and links the outputs into the graph (when Config.enable_backprop is on).', { returns: V }),
    method('forward', '*xs', 'Override this: compute the output ndarrays from the input ndarrays.'),
    method('backward', '*gys', 'Override this: return the input gradients from the output gradients, using Variable operations.'),
    prop('inputs', 'The input Variables of the last call.'),
    prop('outputs', 'Weak references to the output Variables of the last call.'),
    prop('generation', 'The largest generation among the inputs.'),
  ],
});

/** dezero.Config: global switches. */
export const CONFIG = klass('dezero.Config', null, 'Global switches read by every Function and by dropout and batch norm.', {
  members: [
    constant('enable_backprop', 'When False, operations record no graph (use no_grad() for a with-block).'),
    constant('train', 'True while training; dropout and batch norm behave differently when it is False (see test_mode()).'),
  ],
});

/** Names that both `dezero` and `dezero.core` export. */
export const CORE_ITEMS = [
  VARIABLE, PARAMETER, FUNCTION, CONFIG,
  fn('using_config', 'name, value', 'A with-block in which Config.<name> is value; the old value comes back afterwards.', {
    args: { name: "'enable_backprop' or 'train'.", value: 'The value to set for the block.' },
  }),
  fn('no_grad', '', 'A with-block in which no graph is recorded: faster, and nothing there can be back-propagated.'),
  fn('test_mode', '', 'A with-block with Config.train set to False: dropout passes inputs through and batch norm uses its running averages.'),
  fn('as_variable', 'obj', 'Returns obj when it already is a Variable, otherwise a new Variable wrapping it.', { returns: V }),
  fn('as_array', 'x, array_module=np', 'Turns a scalar into a 0-d ndarray; arrays pass through unchanged.', { returns: ND }),
  fn('setup_variable', '', 'Installs the Variable operators (+, -, *, /, **, [], matmul, …); importing dezero already did it.'),
];

/** dezero.core (which also defines the arithmetic functions). */
export const CORE = module('dezero.core', 'The heart of DeZero: Variable, Function, the graph switches.', [...CORE_ITEMS, ...ARITHMETIC_ITEMS], {
  closed: 'all',
});
