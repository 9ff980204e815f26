// numpy.random: NumPy's legacy RandomState (the global one behind np.random.seed/rand/…,
// and np.random.RandomState objects), giving NumPy's exact numbers for the same seed.
import { NDArray } from '../../engine/ndarray';
import { NpRandom, globalRandom } from '../../engine/np_random';
import { RandomState } from '../../engine/random';
import { binary } from '../../engine/ufunc';
import { Kwargs, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, registerNative } from '../types';
import { addr, toFloat, toIndex } from '../convert';
import { builtin, makeModule, methods, staticMethods } from '../native';
import { NpScalar, npClass } from '../npscalar';
import { asArray, elementToPy, isPyScalar, toShape } from './numpy_core';
import { flag, intLike, npArgs } from './numpy_args';
import { dtypeArg } from './numpy_dtype';
import { checkElements } from './numpy_state';

type Impl = (rng: NpRandom, args: PyValue[], kw: Kwargs | null) => PyValue;

export const RANDOM_STATE = npClass('RandomState', [T.object], 'numpy.random.mtrand');
registerNative(NpRandom, RANDOM_STATE);

/** A `size=` argument: null for None (one Python number), else a shape within the size cap. */
function sizeArg(v: PyValue | undefined): number[] | null {
  if (v === undefined || v === null) return null;
  const s = toShape(v);
  checkElements(s);
  return s;
}

/** A drawn array, or its one element as a Python float when no size was given. */
const floats = (a: NDArray, size: number[] | null): PyValue => (size === null ? a.item() : a);

function seedArg(v: PyValue | undefined): number | number[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (isPyScalar(v) || v instanceof NpScalar) return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(toFloat(v));
  return Array.from(asArray(v).values());
}

const dims = (a: PyValue[]): number[] => {
  const s = a.map((x) => intLike(x));
  if (s.some((d) => d < 0)) throw pyErr('ValueError', 'negative dimensions are not allowed');
  checkElements(s);
  return s;
};

/** loc + scale * draw with broadcasting, for array-valued parameters (NumPy's legacy formulas). */
function affine(base: PyValue, scale: PyValue, size: number[] | null, draw: (n: number) => Float64Array, scaleIsRange: boolean): NDArray {
  const b = asArray(base, 'float64'), s0 = asArray(scale, 'float64');
  const s = scaleIsRange ? binary('subtract', s0, b) : s0;
  const shape = size ?? binary('add', b, s).shape.slice();
  checkElements(shape);
  const z = new NDArray(draw(shape.reduce((p, d) => p * d, 1)), shape, 'float64');
  return binary('add', b, binary('multiply', s, z));
}

function shuffleList(rng: NpRandom, l: PyList): void {
  const swaps = rng.state.shuffleIndices(l.items.length);
  for (let i = l.items.length - 1, k = 0; i >= 1; i--, k++) {
    const j = swaps[k];
    [l.items[i], l.items[j]] = [l.items[j], l.items[i]];
  }
}

const IMPLS: Record<string, Impl> = {
  seed: (r, a, kw) => { const [s] = npArgs('seed', a, kw, ['seed'], 0); r.seed(seedArg(s)); return null; },
  rand: (r, a) => (a.length ? r.rand(dims(a)) : r.rand().item()),
  randn: (r, a) => (a.length ? r.randn(dims(a)) : r.randn().item()),
  random_sample: (r, a, kw) => { const size = sizeArg(npArgs('random_sample', a, kw, ['size'], 0)[0]); return floats(r.rand(size ?? []), size); },
  standard_normal: (r, a, kw) => { const size = sizeArg(npArgs('standard_normal', a, kw, ['size'], 0)[0]); return floats(r.randn(size ?? []), size); },
  randint: (r, a, kw) => {
    const [low, high, size, dtype] = npArgs('randint', a, kw, ['low', 'high', 'size', 'dtype'], 1);
    const s = sizeArg(size);
    const d = dtypeArg(dtype) ?? 'int64';
    const v = r.randint(Number(toFloat(low!)), high === undefined || high === null ? null : Number(toFloat(high)), s ?? []);
    const out = d === 'int64' ? v : v.astype(d);
    if (s !== null) return out;
    return d === 'int64' ? elementToPy(out.item(), d) : NpScalar.make(out.item(), d);
  },
  uniform: (r, a, kw) => {
    const [low, high, size] = npArgs('uniform', a, kw, ['low', 'high', 'size'], 0);
    const s = sizeArg(size);
    const lo = low ?? 0, hi = high ?? 1;
    if (isPyScalar(lo) && isPyScalar(hi)) return floats(r.uniform(toFloat(lo), toFloat(hi), s ?? []), s);
    return affine(lo, hi, s, (n) => r.state.uniform(0, 1, n), true);
  },
  normal: (r, a, kw) => {
    const [loc, scale, size] = npArgs('normal', a, kw, ['loc', 'scale', 'size'], 0);
    const s = sizeArg(size);
    const m = loc ?? 0, sd = scale ?? 1;
    if (isPyScalar(m) && isPyScalar(sd)) return floats(r.normal(toFloat(m), toFloat(sd), s ?? []), s);
    if (asArray(sd).values().some((v) => v < 0)) throw pyErr('ValueError', 'scale < 0');
    return affine(m, sd, s, (n) => r.state.standardNormal(n), false);
  },
  choice: (r, a, kw) => {
    const [pop, size, replace, p] = npArgs('choice', a, kw, ['a', 'size', 'replace', 'p'], 1);
    const s = sizeArg(size);
    const probs = p === undefined || p === null ? null : asArray(p, 'float64');
    if (isPyScalar(pop!) || (pop instanceof NpScalar && pop.dtype !== 'float64' && pop.dtype !== 'float32')) {
      const v = r.choice(toIndex(pop!), s ?? [], flag(replace, true), probs);
      return s === null ? BigInt(v.item()) : v;
    }
    const arr = asArray(pop!);
    if (arr.ndim !== 1) throw pyErr('ValueError', 'a must be 1-dimensional');
    if (arr.size === 0 && (s === null || s.some((d) => d !== 0) || !s.length)) throw pyErr('ValueError', "'a' cannot be empty unless no samples are taken");
    const v = r.choice(arr, s ?? [], flag(replace, true), probs);
    return s === null ? NpScalar.copyOf(v) : v;
  },
  permutation: (r, a, kw) => {
    const [x] = npArgs('permutation', a, kw, ['x'], 1);
    if (isPyScalar(x!) || x instanceof NpScalar) return r.permutation(toIndex(x));
    return r.permutation(asArray(x!));
  },
  shuffle: (r, a, kw) => {
    const [x] = npArgs('shuffle', a, kw, ['x'], 1);
    if (x instanceof PyList) shuffleList(r, x);
    else if (x instanceof NDArray) r.shuffle(x);
    else throw pyErr('TypeError', 'shuffle() expects a list or an ndarray');
    return null;
  },
  get_state: (r) => {
    const st = r.state.getState();
    return new PyTuple(['MT19937', new NDArray(Float64Array.from(st.key), [st.key.length], 'int64'), BigInt(st.pos), BigInt(st.hasGauss ? 1 : 0), st.gauss]);
  },
  set_state: (r, a) => {
    const st = a[0];
    if (!(st instanceof PyTuple) || st.items.length < 3 || st.items[0] !== 'MT19937') throw pyErr('ValueError', 'state must be a legacy MT19937 state tuple');
    const [, key, pos, hasGauss, gauss] = st.items;
    r.state.setState({ key: Uint32Array.from(asArray(key).values()), pos: toIndex(pos), hasGauss: hasGauss !== undefined && toIndex(hasGauss) !== 0, gauss: gauss === undefined ? 0 : toFloat(gauss) });
    return null;
  },
};
const ALIASES: Record<string, string> = { random: 'random_sample', ranf: 'random_sample', sample: 'random_sample' };

methods(RANDOM_STATE, {
  ...Object.fromEntries(Object.entries({ ...IMPLS, ...Object.fromEntries(Object.entries(ALIASES).map(([k, v]) => [k, IMPLS[v]])) })
    .map(([name, f]) => [name, (self: PyValue, a: PyValue[], kw: Kwargs | null) => f(self as NpRandom, a, kw)])),
  __repr__: (self) => `RandomState(MT19937) at ${addr(self).toUpperCase().replace('0X', '0x')}`,
});
staticMethods(RANDOM_STATE, {
  __new__: (a, kw) => {
    const [seed] = npArgs('RandomState', a.slice(1), kw, ['seed'], 0);
    return new NpRandom(new RandomState(seedArg(seed)));
  },
});

const NO_GENERATOR = 'Gradscope supports NumPy\'s legacy random API (np.random.seed, rand, randn, randint, random, uniform, normal, '
  + 'choice, permutation, shuffle, RandomState), which gives NumPy\'s exact numbers; the PCG64 Generator of np.random.default_rng is not implemented';

/** The numpy.random module over the interpreter's global RandomState. */
export function makeRandomModule(): PyModule {
  const m = new Map<string, PyValue>([['RandomState', RANDOM_STATE]]);
  for (const [name, f] of Object.entries(IMPLS)) m.set(name, builtin(name, (a, kw) => f(globalRandom(), a, kw)));
  for (const [alias, name] of Object.entries(ALIASES)) m.set(alias, builtin(alias, (a, kw) => IMPLS[name](globalRandom(), a, kw)));
  for (const name of ['default_rng', 'Generator', 'PCG64']) m.set(name, builtin(name, () => { throw pyErr('NotImplementedError', NO_GENERATOR); }));
  return makeModule('numpy.random', m);
}
