// itertools: lazy iterators over Python iterables, consuming their sources exactly as
// CPython's do (islice stops at `stop`, groupby's groups share the parent iterator).
import { Kwargs, PyBuiltin, PyIterator, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { callValue } from '../attrs';
import { binop, eq } from '../arith';
import { iterate, toArray, toIndex, truthy } from '../convert';
import { builtin, makeModule, parseArgs } from '../native';
import { combinatorics } from './itertools_comb';

type It = Iterator<PyValue>;

/** A Python iterator over a JS one, typed as itertools' `kind`. */
export const pyIter = (it: It, kind: string): PyIterator => new PyIterator(it, `itertools.${kind}`);

function* count(start: PyValue, step: PyValue): It {
  for (let n = start; ; n = binop('Add', n, step)) yield n;
}

function* cycle(src: It): It {
  const saved: PyValue[] = [];
  for (let r = src.next(); !r.done; r = src.next()) { saved.push(r.value); yield r.value; }
  if (!saved.length) return;
  for (;;) yield* saved;
}

function* repeat(v: PyValue, times: number | null): It {
  for (let i = 0; times === null || i < times; i++) yield v;
}

function* accumulate(src: It, func: PyValue, initial: PyValue | undefined): It {
  let acc: PyValue | undefined = initial;
  if (acc !== undefined) yield acc;
  for (let r = src.next(); !r.done; r = src.next()) {
    acc = acc === undefined ? r.value : func === null ? binop('Add', acc, r.value) : callValue(func, [acc, r.value]);
    yield acc;
  }
}

function* chainAll(sources: It): It {
  for (let r = sources.next(); !r.done; r = sources.next()) yield* { [Symbol.iterator]: () => iterate(r.value) };
}

/** An islice bound: None or an int in [0, maxsize]. */
function sliceBound(v: PyValue | undefined, what: string): number | null {
  if (v === undefined || v === null) return null;
  let n: number;
  try { n = toIndex(v); } catch { n = -1; }
  if (n < 0) throw pyErr('ValueError', `${what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.`);
  return n;
}

/** CPython's islice_next: skip to `next`, stop once `stop` items were consumed. */
function* islice(src: It, start: number, stop: number | null, step: number): It {
  let cnt = 0, next = start;
  for (;;) {
    while (cnt < next) {
      if (src.next().done) return;
      cnt++;
    }
    if (stop !== null && cnt >= stop) return;
    const r = src.next();
    if (r.done) return;
    cnt++;
    next += step;
    if (stop !== null && next > stop) next = stop;
    yield r.value;
  }
}

function isliceOf(a: PyValue[]): It {
  if (a.length < 2 || a.length > 4) throw pyErr('TypeError', `islice expected at most 4 arguments, got ${a.length}`);
  const src = iterate(a[0]);
  if (a.length === 2) return islice(src, 0, sliceBound(a[1], 'Stop'), 1);
  const start = sliceBound(a[1], 'Indices') ?? 0;
  const stop = sliceBound(a[2], 'Stop');
  const step = a.length > 3 && a[3] !== null ? toIndex(a[3]) : 1;
  if (step < 1) throw pyErr('ValueError', 'Step for islice() must be a positive integer or None.');
  return islice(src, start, stop, step);
}

const UNSET: unique symbol = Symbol('unset');

/** groupby's shared state; each group reads from it while it is the current one. */
class GroupBy {
  currKey: PyValue | typeof UNSET = UNSET;
  currValue: PyValue | typeof UNSET = UNSET;
  tgtKey: PyValue | typeof UNSET = UNSET;
  current: object | null = null;
  constructor(readonly src: It, readonly key: PyValue) {}

  step(): boolean {
    const r = this.src.next();
    if (r.done) return false;
    this.currValue = r.value;
    this.currKey = this.key === null ? r.value : callValue(this.key, [r.value]);
    return true;
  }

  *groups(): It {
    for (;;) {
      this.current = null;
      for (;;) {
        if (this.currKey !== UNSET) {
          if (this.tgtKey === UNSET || !eq(this.tgtKey, this.currKey)) break;
        }
        if (!this.step()) return;
      }
      this.tgtKey = this.currKey;
      const token = {};
      this.current = token;
      yield new PyTuple([this.currKey as PyValue, pyIter(this.group(token, this.currKey as PyValue), '_grouper')]);
    }
  }

  *group(token: object, key: PyValue): It {
    for (;;) {
      if (this.current !== token) return;
      if (this.currValue === UNSET && !this.step()) return;
      if (!eq(key, this.currKey as PyValue)) return;
      const v = this.currValue as PyValue;
      this.currValue = UNSET;
      this.currKey = UNSET;
      yield v;
    }
  }
}

/** tee: n iterators over one source, sharing a buffer of the items not yet read by all. */
function tee(src: It, n: number): PyTuple {
  const buf: PyValue[] = [];
  let base = 0, done = false;
  const pos = new Array<number>(n).fill(0);
  const child = function* (i: number): It {
    for (;;) {
      if (pos[i] - base >= buf.length) {
        if (done) return;
        const r = src.next();
        if (r.done) { done = true; return; }
        buf.push(r.value);
      }
      const v = buf[pos[i] - base];
      pos[i]++;
      const min = Math.min(...pos);
      if (min - base > 256) { buf.splice(0, min - base); base = min; }
      yield v;
    }
  };
  return new PyTuple(Array.from({ length: n }, (_, i) => pyIter(child(i), '_tee')));
}

function* zipLongest(its: It[], fill: PyValue): It {
  const live = its.map(() => true);
  let active = its.length;
  if (!active) return;
  for (;;) {
    const row = its.map((it, i) => {
      if (!live[i]) return fill;
      const r = it.next();
      if (r.done) { live[i] = false; active--; return fill; }
      return r.value;
    });
    if (!active) return;
    yield new PyTuple(row);
  }
}

function* filtered(src: It, pred: PyValue, keep: boolean): It {
  for (let r = src.next(); !r.done; r = src.next()) {
    if ((pred === null ? truthy(r.value) : truthy(callValue(pred, [r.value]))) === keep) yield r.value;
  }
}

function* takewhile(pred: PyValue, src: It): It {
  for (let r = src.next(); !r.done; r = src.next()) {
    if (!truthy(callValue(pred, [r.value]))) return;
    yield r.value;
  }
}

function* dropwhile(pred: PyValue, src: It): It {
  let dropping = true;
  for (let r = src.next(); !r.done; r = src.next()) {
    if (dropping && truthy(callValue(pred, [r.value]))) continue;
    dropping = false;
    yield r.value;
  }
}

function* compress(data: It, sel: It): It {
  for (let d = data.next(), s = sel.next(); !d.done && !s.done; d = data.next(), s = sel.next()) if (truthy(s.value)) yield d.value;
}

function* starmap(f: PyValue, src: It): It {
  for (let r = src.next(); !r.done; r = src.next()) yield callValue(f, toArray(r.value));
}

function* pairwise(src: It): It {
  let prev = src.next();
  if (prev.done) return;
  for (let r = src.next(); !r.done; r = src.next()) { yield new PyTuple([prev.value, r.value]); prev = r; }
}

const fn = (name: string, impl: (a: PyValue[], kw: Kwargs | null) => It) => builtin(name, (a, kw) => pyIter(impl(a, kw), name));

function chainFunction(): PyBuiltin {
  const chain = fn('chain', (a) => chainAll(a[Symbol.iterator]()));
  chain.dict = new Map([['from_iterable', fn('from_iterable', (a) => chainAll(iterate(a[0])))]]);
  return chain;
}

/** The `itertools` module. */
export function makeItertools(): PyModule {
  return makeModule('itertools', {
    count: fn('count', (a, kw) => { const [s, st] = parseArgs('count', a, kw, ['start', 'step'], 0); return count(s ?? 0n, st ?? 1n); }),
    cycle: fn('cycle', (a) => cycle(iterate(a[0]))),
    repeat: fn('repeat', (a, kw) => {
      const [v, times] = parseArgs('repeat', a, kw, ['object', 'times'], 1);
      return repeat(v!, times === undefined ? null : Math.max(0, toIndex(times)));
    }),
    accumulate: fn('accumulate', (a, kw) => {
      const [it, func, initial] = parseArgs('accumulate', a, kw, ['iterable', 'func', 'initial'], 1);
      return accumulate(iterate(it!), func ?? null, initial === null ? undefined : initial);
    }),
    chain: chainFunction(),
    islice: fn('islice', (a) => isliceOf(a)),
    groupby: fn('groupby', (a, kw) => { const [it, key] = parseArgs('groupby', a, kw, ['iterable', 'key'], 1); return new GroupBy(iterate(it!), key ?? null).groups(); }),
    tee: builtin('tee', (a) => tee(iterate(a[0]), a.length > 1 ? toIndex(a[1]) : 2)),
    zip_longest: fn('zip_longest', (a, kw) => zipLongest(a.map(iterate), kw?.get('fillvalue') ?? null)),
    filterfalse: fn('filterfalse', (a) => filtered(iterate(a[1]), a[0], false)),
    takewhile: fn('takewhile', (a) => takewhile(a[0], iterate(a[1]))),
    dropwhile: fn('dropwhile', (a) => dropwhile(a[0], iterate(a[1]))),
    compress: fn('compress', (a, kw) => { const [d, s] = parseArgs('compress', a, kw, ['data', 'selectors']); return compress(iterate(d!), iterate(s!)); }),
    starmap: fn('starmap', (a) => starmap(a[0], iterate(a[1]))),
    pairwise: fn('pairwise', (a) => pairwise(iterate(a[0]))),
    ...combinatorics(),
  });
}
