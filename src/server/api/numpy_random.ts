// numpy.random (the legacy global RandomState that DeZero's examples seed) and numpy.linalg.
import { fn, klass, method, module, type Glossary, type Item } from './define';

const ND = 'numpy.ndarray';

const GLOSSARY: Glossary = {
  size: 'Output shape: an int, a tuple, or None for a single number.',
  dims: 'The output shape as separate ints: rand(2, 3).',
  low: 'Lowest value (included).',
  high: 'Upper end (excluded for integers).',
  loc: 'Mean of the distribution.',
  scale: 'Standard deviation of the distribution.',
  seed: 'An int, so that the same numbers come out on every run.',
};

const nd = (name: string, params: string, doc: string, args?: Glossary): Item => fn(name, params, doc, { returns: ND, ...(args ? { args } : {}) });

const GENERATORS: [string, string, string, Glossary?][] = [
  ['seed', 'seed=None', 'Restarts the generator from seed, so that a script draws the same numbers every run (the same as NumPy’s for the same seed).'],
  ['rand', '*dims', 'Uniform samples in [0, 1) of the given shape.'],
  ['randn', '*dims', 'Standard normal samples (mean 0, variance 1) of the given shape.'],
  ['randint', 'low, high=None, size=None, dtype=int', 'Random integers in [low, high), or in [0, low) when high is None.'],
  ['random', 'size=None', 'Uniform samples in [0, 1).'],
  ['random_sample', 'size=None', 'Uniform samples in [0, 1).'],
  ['uniform', 'low=0.0, high=1.0, size=None', 'Uniform samples in [low, high).'],
  ['normal', 'loc=0.0, scale=1.0, size=None', 'Normal samples with mean loc and standard deviation scale.'],
  ['standard_normal', 'size=None', 'Standard normal samples.'],
  ['permutation', 'x', 'A shuffled copy of x, or of arange(x) for an int (DeZero’s loaders use it per epoch).'],
  ['shuffle', 'x', 'Shuffles x in place along its first axis.'],
  ['choice', 'a, size=None, replace=True, p=None', 'Random picks from a (or from arange(a) for an int).', { a: 'Candidates, or their count.', replace: 'Allow picking the same element twice.', p: 'Probability of each candidate.' }],
];

const sample = GENERATORS.map(([n, p, d, a]) => nd(n, p, d, a));

/** numpy.random. */
export const RANDOM = module('numpy.random', 'Random numbers from NumPy’s global generator (Mersenne Twister; seed it for repeatable runs).', [
  ...sample,
  klass('numpy.random.RandomState', 'seed=None', 'A generator of its own, independent of the global one; it has the same methods as np.random.', {
    glossary: GLOSSARY,
    members: GENERATORS.filter(([n]) => n !== 'seed').map(([n, p, d, a]) => method(n, p, d, { returns: ND, ...(a ? { args: a } : {}) }))
      .concat([method('seed', 'seed=None', 'Restarts this generator from seed.')]),
  }),
], {
  closed: 'near', glossary: GLOSSARY,
  others: ['beta', 'binomial', 'bytes', 'chisquare', 'default_rng', 'dirichlet', 'exponential', 'f', 'gamma', 'geometric', 'get_state', 'gumbel', 'hypergeometric', 'laplace', 'logistic', 'lognormal', 'logseries', 'multinomial', 'multivariate_normal', 'negative_binomial', 'noncentral_chisquare', 'noncentral_f', 'pareto', 'poisson', 'power', 'random_integers', 'ranf', 'rayleigh', 'sample', 'set_state', 'standard_cauchy', 'standard_exponential', 'standard_gamma', 'standard_t', 'triangular', 'vonmises', 'wald', 'weibull', 'zipf', 'Generator', 'BitGenerator', 'MT19937', 'PCG64', 'PCG64DXSM', 'Philox', 'SFC64', 'SeedSequence', 'get_bit_generator', 'set_bit_generator'],
});

/** numpy.linalg. */
export const LINALG = module('numpy.linalg', 'Linear algebra on NumPy arrays.', [
  nd('norm', 'x, ord=None, axis=None, keepdims=False', 'Vector or matrix norm (the Euclidean / Frobenius norm by default).', { x: 'Input array.', ord: 'Which norm: None, 1, 2, np.inf, "fro", …' }),
  nd('inv', 'a', 'Inverse of a square matrix.', { a: 'A square matrix.' }),
  nd('det', 'a', 'Determinant of a square matrix.', { a: 'A square matrix.' }),
  nd('solve', 'a, b', 'x with a @ x = b.', { a: 'A square matrix.', b: 'Right-hand side.' }),
], {
  closed: 'near',
  others: ['cholesky', 'cond', 'cross', 'diagonal', 'eig', 'eigh', 'eigvals', 'eigvalsh', 'lstsq', 'matmul', 'matrix_norm', 'matrix_power', 'matrix_rank', 'matrix_transpose', 'multi_dot', 'outer', 'pinv', 'qr', 'slogdet', 'svd', 'svdvals', 'tensordot', 'tensorinv', 'tensorsolve', 'trace', 'vecdot', 'vector_norm', 'LinAlgError'],
});
