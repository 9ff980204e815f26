// itertools' combinatoric iterators, in CPython's order: product, permutations,
// combinations, combinations_with_replacement.
import { PyIterator, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toArray, toIndex } from '../convert';
import { builtin, parseArgs } from '../native';

type It = Iterator<PyValue>;

function* product(pools: PyValue[][]): It {
  if (pools.some((p) => !p.length)) return;
  const idx = pools.map(() => 0);
  for (;;) {
    yield new PyTuple(idx.map((j, i) => pools[i][j]));
    let i = pools.length - 1;
    while (i >= 0 && ++idx[i] === pools[i].length) idx[i--] = 0;
    if (i < 0) return;
  }
}

function* permutations(pool: PyValue[], r: number): It {
  const n = pool.length;
  if (r > n) return;
  const indices = pool.map((_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield new PyTuple(indices.slice(0, r).map((i) => pool[i]));
  for (;;) {
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        indices.push(...indices.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
        yield new PyTuple(indices.slice(0, r).map((k) => pool[k]));
        break;
      }
    }
    if (i < 0) return;
  }
}

function* combinations(pool: PyValue[], r: number): It {
  const n = pool.length;
  if (r > n) return;
  const idx = Array.from({ length: r }, (_, i) => i);
  yield new PyTuple(idx.map((i) => pool[i]));
  for (;;) {
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    yield new PyTuple(idx.map((k) => pool[k]));
  }
}

function* combinationsWithReplacement(pool: PyValue[], r: number): It {
  const n = pool.length;
  if (!n && r) return;
  const idx = new Array<number>(r).fill(0);
  yield new PyTuple(idx.map((i) => pool[i]));
  for (;;) {
    let i = r - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return;
    idx.fill(idx[i] + 1, i);
    yield new PyTuple(idx.map((k) => pool[k]));
  }
}

function rArg(v: PyValue | undefined, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  const r = toIndex(v);
  if (r < 0) throw pyErr('ValueError', 'r must be non-negative');
  return r;
}

const iter = (it: It, kind: string) => new PyIterator(it, `itertools.${kind}`);

/** The combinatoric members of the itertools module. */
export function combinatorics(): Record<string, PyValue> {
  return {
    product: builtin('product', (a, kw) => {
      const rep = kw?.get('repeat');
      const n = rep === undefined ? 1 : toIndex(rep);
      if (n < 0) throw pyErr('ValueError', 'repeat argument cannot be negative');
      const pools = a.map(toArray);
      return iter(product(Array.from({ length: n }, () => pools).flat()), 'product');
    }),
    permutations: builtin('permutations', (a, kw) => {
      const [it, r] = parseArgs('permutations', a, kw, ['iterable', 'r'], 1);
      const pool = toArray(it!);
      return iter(permutations(pool, rArg(r, pool.length)), 'permutations');
    }),
    combinations: builtin('combinations', (a, kw) => {
      const [it, r] = parseArgs('combinations', a, kw, ['iterable', 'r']);
      return iter(combinations(toArray(it!), rArg(r, 0)), 'combinations');
    }),
    combinations_with_replacement: builtin('combinations_with_replacement', (a, kw) => {
      const [it, r] = parseArgs('combinations_with_replacement', a, kw, ['iterable', 'r']);
      return iter(combinationsWithReplacement(toArray(it!), rArg(r, 0)), 'combinations_with_replacement');
    }),
  };
}
