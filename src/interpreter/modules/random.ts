// random: CPython's Random methods over the Mersenne Twister in random_core.ts, so a seeded
// script draws the same numbers as CPython. Module functions use one hidden instance per
// interpreter, seeded from entropy as CPython's is.
import { libmCos, libmExp, libmLog, libmSin } from '../../engine/libm';
import { NDArray } from '../../engine/ndarray';
import { Kwargs, PyClass, PyDict, PyInstance, PyList, PyModule, PySet, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { OBJECT_NEW, callMethod } from '../attrs';
import { binop, compare } from '../arith';
import { len, toArray, toFloat, truthy } from '../convert';
import { getitem, setitem } from '../subscript';
import { builtin, makeModule, methods, nativeClass, parseArgs } from '../native';
import { intArg } from './math_int';
import { PyRandomCore } from './random_core';

class RandomObj extends PyInstance {
  readonly core = new PyRandomCore();
}

const core = (self: PyValue) => (self as RandomObj).core;
const TWOPI = 2 * Math.PI;
const NV_MAGICCONST = 4 * libmExp(-0.5) / Math.sqrt(2);
const LOG4 = libmLog(4);
const SG_MAGICCONST = 1 + libmLog(4.5);

/** An int argument of randrange: ints, or floats with an integral value (deprecated in 3.11). */
function rangeArg(v: PyValue, what: string): bigint {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw pyErr('ValueError', `non-integer ${what} for randrange()`);
    return BigInt(v);
  }
  return intArg(v);
}

function randrange(c: PyRandomCore, a: PyValue[], kw: Kwargs | null): bigint {
  const [startV, stopV, stepV] = parseArgs('randrange', a, kw, ['start', 'stop', 'step'], 1);
  const start = rangeArg(startV!, 'arg 1');
  if (stopV === undefined || stopV === null) {
    if (stepV !== undefined) throw pyErr('TypeError', 'Missing a non-None stop argument');
    if (start > 0n) return c.randbelow(start);
    throw pyErr('ValueError', 'empty range for randrange()');
  }
  const stop = rangeArg(stopV, 'stop');
  const width = stop - start;
  const step = stepV === undefined ? 1n : rangeArg(stepV, 'step');
  if (step === 1n) {
    if (width > 0n) return start + c.randbelow(width);
    throw pyErr('ValueError', `empty range for randrange() (${start}, ${stop}, ${width})`);
  }
  if (step === 0n) throw pyErr('ValueError', 'zero step for randrange()');
  const n = step > 0n ? floorDiv(width + step - 1n, step) : floorDiv(width + step + 1n, step);
  if (n <= 0n) throw pyErr('ValueError', 'empty range for randrange()');
  return start + step * c.randbelow(n);
}

const floorDiv = (a: bigint, b: bigint) => { const q = a / b; return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q; };

function sample(c: PyRandomCore, a: PyValue[], kw: Kwargs | null): PyList {
  const [pop, kV, counts] = parseArgs('sample', a, kw, ['population', 'k', 'counts'], 2);
  const population = pop!;
  if (population instanceof PySet || population instanceof PyDict || population instanceof NDArray) {
    throw pyErr('TypeError', 'Population must be a sequence.  For dicts or sets, use sorted(d).');
  }
  const n = len(population);
  const k = Number(intArg(kV!));
  if (counts !== undefined && counts !== null) return sampleCounts(c, population, n, k, counts);
  if (!(k >= 0 && k <= n)) throw pyErr('ValueError', 'Sample larger than population or is negative');
  const result: PyValue[] = [];
  let setsize = 21;
  if (k > 5) setsize += 4 ** Math.ceil(libmLog(k * 3) / LOG4);
  if (n <= setsize) {
    const pool = toArray(population);
    for (let i = 0; i < k; i++) {
      const j = c.below(n - i);
      result.push(pool[j]);
      pool[j] = pool[n - i - 1];
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = c.below(n);
      while (selected.has(j)) j = c.below(n);
      selected.add(j);
      result.push(getitem(population, BigInt(j)));
    }
  }
  return new PyList(result);
}

function sampleCounts(c: PyRandomCore, population: PyValue, n: number, k: number, counts: PyValue): PyList {
  const cum: PyValue[] = [];
  let acc: PyValue = null;
  for (const x of toArray(counts)) cum.push(acc = acc === null ? x : binop('Add', acc, x));
  if (cum.length !== n) throw pyErr('ValueError', 'The number of counts does not match the population');
  const total = cum.pop()!;
  if (typeof total !== 'bigint') throw pyErr('TypeError', 'Counts must be integers');
  if (total <= 0n) throw pyErr('ValueError', 'Total of counts must be greater than zero');
  const picks = sample(c, [new PyList(Array.from({ length: Number(total) }, (_, i) => BigInt(i))), BigInt(k)], null).items;
  return new PyList(picks.map((s) => getitem(population, BigInt(bisectRight(cum, s, 0, cum.length)))));
}

function bisectRight(a: PyValue[], x: PyValue, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (truthy(compare('Lt', x, a[mid]))) hi = mid; else lo = mid + 1;
  }
  return lo;
}

function choices(c: PyRandomCore, a: PyValue[], kw: Kwargs | null): PyList {
  const [pop, weights, cumW, kV] = parseArgs('choices', a, kw, ['population', 'weights', 'cum_weights', 'k'], 1);
  const population = pop!;
  const n = len(population);
  const k = kV === undefined ? 1 : Number(intArg(kV));
  const out: PyValue[] = [];
  let cum: PyValue[];
  if (cumW === undefined || cumW === null) {
    if (weights === undefined || weights === null) {
      for (let i = 0; i < k; i++) out.push(getitem(population, BigInt(Math.floor(c.random() * n))));
      return new PyList(out);
    }
    cum = [];
    let acc: PyValue = null;
    for (const w of toArray(weights)) cum.push(acc = acc === null ? w : binop('Add', acc, w));
  } else {
    if (weights !== undefined && weights !== null) throw pyErr('TypeError', 'Cannot specify both weights and cumulative weights');
    cum = toArray(cumW);
  }
  if (cum.length !== n) throw pyErr('ValueError', 'The number of weights does not match the population');
  const total = toFloat(cum[cum.length - 1]);
  if (total <= 0) throw pyErr('ValueError', 'Total of weights must be greater than zero');
  if (!Number.isFinite(total)) throw pyErr('ValueError', 'Total of weights must be finite');
  for (let i = 0; i < k; i++) out.push(getitem(population, BigInt(bisectRight(cum, c.random() * total, 0, n - 1))));
  return new PyList(out);
}

function shuffle(c: PyRandomCore, x: PyValue): null {
  if (x instanceof PyList) {
    const items = x.items;
    for (let i = items.length - 1; i > 0; i--) {
      const j = c.below(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return null;
  }
  for (let i = len(x) - 1; i > 0; i--) {
    const j = BigInt(c.below(i + 1)), bi = BigInt(i);
    const xi = getitem(x, bi), xj = getitem(x, j);
    setitem(x, bi, xj);
    setitem(x, j, xi);
  }
  return null;
}

function gauss(c: PyRandomCore, mu: number, sigma: number): number {
  let z = c.gaussNext;
  c.gaussNext = null;
  if (z === null) {
    const x2pi = c.random() * TWOPI;
    const g2rad = Math.sqrt(-2 * libmLog(1 - c.random()));
    z = libmCos(x2pi) * g2rad;
    c.gaussNext = libmSin(x2pi) * g2rad;
  }
  return mu + z * sigma;
}

function normalvariate(c: PyRandomCore, mu: number, sigma: number): number {
  for (;;) {
    const u1 = c.random(), u2 = 1 - c.random();
    const z = NV_MAGICCONST * (u1 - 0.5) / u2;
    if (z * z / 4 <= -libmLog(u2)) return mu + z * sigma;
  }
}

function gammavariate(c: PyRandomCore, alpha: number, beta: number): number {
  if (alpha <= 0 || beta <= 0) throw pyErr('ValueError', 'gammavariate: alpha and beta must be > 0.0');
  if (alpha > 1) {
    const ainv = Math.sqrt(2 * alpha - 1), bbb = alpha - LOG4, ccc = alpha + ainv;
    for (;;) {
      const u1 = c.random();
      if (!(u1 > 1e-7 && u1 < 0.9999999)) continue;
      const u2 = 1 - c.random();
      const v = libmLog(u1 / (1 - u1)) / ainv;
      const x = alpha * libmExp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0 || r >= libmLog(z)) return x * beta;
    }
  }
  if (alpha === 1) return -libmLog(1 - c.random()) * beta;
  for (;;) {
    const u = c.random();
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    const x = p <= 1 ? Math.pow(p, 1 / alpha) : -libmLog((b - p) / alpha);
    const u1 = c.random();
    if (p > 1 ? u1 <= Math.pow(x, alpha - 1) : u1 <= libmExp(-x)) return x * beta;
  }
}

type Method = (c: PyRandomCore, a: PyValue[], kw: Kwargs | null) => PyValue;

/** Float-argument methods: `f(name, ['mu', 'sigma'], [0, 1], fn)`. */
function floats(name: string, params: string[], defaults: (number | undefined)[], fn: (c: PyRandomCore, ...x: number[]) => number): Method {
  return (c, a, kw) => {
    const vals = parseArgs(name, a, kw, params, defaults.filter((d) => d === undefined).length);
    return fn(c, ...vals.map((v, i) => (v === undefined ? defaults[i]! : toFloat(v))));
  };
}

const METHODS: Record<string, Method> = {
  seed: (c, a, kw) => { c.seed(parseArgs('seed', a, kw, ['a', 'version'], 0)[0] ?? null); return null; },
  random: (c) => c.random(),
  getrandbits: (c, a) => c.getrandbits(Number(intArg(a[0]))),
  randrange: (c, a, kw) => randrange(c, a, kw),
  randint: (c, a, kw) => {
    const [lo, hi] = parseArgs('randint', a, kw, ['a', 'b']);
    return randrange(c, [lo!, binop('Add', hi!, 1n)], null);
  },
  choice: (c, a, kw) => {
    const seq = parseArgs('choice', a, kw, ['seq'])[0]!;
    const n = len(seq);
    if (!n) throw pyErr('IndexError', 'Cannot choose from an empty sequence');
    return getitem(seq, BigInt(c.below(n)));
  },
  choices: (c, a, kw) => choices(c, a, kw),
  shuffle: (c, a, kw) => shuffle(c, parseArgs('shuffle', a, kw, ['x'])[0]!),
  sample: (c, a, kw) => sample(c, a, kw),
  uniform: floats('uniform', ['a', 'b'], [undefined, undefined], (c, x, y) => x + (y - x) * c.random()),
  triangular: (c, a, kw) => {
    const [lo, hi, mode] = parseArgs('triangular', a, kw, ['low', 'high', 'mode'], 0);
    let low = lo === undefined ? 0 : toFloat(lo), high = hi === undefined ? 1 : toFloat(hi);
    let u = c.random();
    if (high === low) return low;
    let cc = mode === undefined || mode === null ? 0.5 : (toFloat(mode) - low) / (high - low);
    if (u > cc) { u = 1 - u; cc = 1 - cc; [low, high] = [high, low]; }
    return low + (high - low) * Math.sqrt(u * cc);
  },
  gauss: floats('gauss', ['mu', 'sigma'], [0, 1], gauss),
  normalvariate: floats('normalvariate', ['mu', 'sigma'], [0, 1], normalvariate),
  lognormvariate: floats('lognormvariate', ['mu', 'sigma'], [undefined, undefined], (c, m, s) => libmExp(normalvariate(c, m, s))),
  expovariate: floats('expovariate', ['lambd'], [undefined], (c, l) => -libmLog(1 - c.random()) / l),
  gammavariate: floats('gammavariate', ['alpha', 'beta'], [undefined, undefined], gammavariate),
  betavariate: floats('betavariate', ['alpha', 'beta'], [undefined, undefined], (c, al, be) => {
    const y = gammavariate(c, al, 1);
    return y ? y / (y + gammavariate(c, be, 1)) : 0;
  }),
  paretovariate: floats('paretovariate', ['alpha'], [undefined], (c, al) => 1 / Math.pow(1 - c.random(), 1 / al)),
  weibullvariate: floats('weibullvariate', ['alpha', 'beta'], [undefined, undefined], (c, al, be) => al * Math.pow(-libmLog(1 - c.random()), 1 / be)),
  getstate: (c) => c.getstate(),
  setstate: (c, a) => { c.setstate(a[0]); return null; },
  randbytes: (c, a) => {
    const n = Number(intArg(a[0]));
    const bits = c.getrandbits(n * 8);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
    return out;
  },
};

const RANDOM = nativeClass('Random', { module: 'random', kind: { create: (cls: PyClass) => new RandomObj(cls) } });
RANDOM.dict.set('__new__', OBJECT_NEW);
methods(RANDOM, {
  __init__: (self, a, kw) => { core(self).seed(parseArgs('Random', a, kw, ['x'], 0)[0] ?? null); return null; },
  ...Object.fromEntries(Object.entries(METHODS).map(([k, m]) => [k, (self: PyValue, a: PyValue[], kw: Kwargs | null) => m(core(self), a, kw)])),
});

/** The `random` module of one interpreter, with its own hidden generator. */
export function makeRandom(): PyModule {
  const inst = new RandomObj(RANDOM);
  inst.core.seed(null);
  const fns = Object.fromEntries(Object.keys(METHODS).map((k) => [k, builtin(k, (a, kw) => callMethod(inst, k, a, kw))]));
  return makeModule('random', { Random: RANDOM, ...fns });
}
