// heapq and bisect: CPython's algorithms step for step (so lists end in the same order),
// comparing with Python's `<`.
import { PyIterator, PyList, PyModule, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod, callValue } from '../attrs';
import { compare } from '../arith';
import { iterate, len, toArray, toIndex, truthy } from '../convert';
import { getitem } from '../subscript';
import { sortValues } from '../sorting';
import { builtin, makeModule, parseArgs } from '../native';

const lt = (a: PyValue, b: PyValue): boolean => truthy(compare('Lt', a, b));

function heapArg(v: PyValue | undefined, fname: string): PyValue[] {
  if (!(v instanceof PyList)) throw pyErr('TypeError', `${fname}() argument 1 must be list, not ${typeOf(v ?? null).name}`);
  return v.items;
}

function siftDown(heap: PyValue[], start: number, pos: number): void {
  const item = heap[pos];
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!lt(item, heap[parent])) break;
    heap[pos] = heap[parent];
    pos = parent;
  }
  heap[pos] = item;
}

function siftUp(heap: PyValue[], pos: number): void {
  const end = heap.length, start = pos, item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

function heappop(heap: PyValue[]): PyValue {
  if (!heap.length) throw pyErr('IndexError', 'index out of range');
  const last = heap.pop()!;
  if (!heap.length) return last;
  const top = heap[0];
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}

/** heapq.merge: lazy and stable (ties go to the earlier iterable). */
function merge(its: Iterator<PyValue>[], key: PyValue, reverse: boolean): Iterator<PyValue> {
  const heads: { v: PyValue; k: PyValue; it: Iterator<PyValue> }[] = [];
  const pull = (it: Iterator<PyValue>) => {
    const r = it.next();
    return r.done ? null : { v: r.value, k: key === null ? r.value : callValue(key, [r.value]), it };
  };
  return (function* () {
    for (const it of its) { const h = pull(it); if (h) heads.push(h); }
    while (heads.length) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) if (reverse ? lt(heads[best].k, heads[i].k) : lt(heads[i].k, heads[best].k)) best = i;
      const h = heads[best];
      yield h.v;
      const next = pull(h.it);
      if (next) heads[best] = next; else heads.splice(best, 1);
    }
  })();
}

function nBest(name: string, a: PyValue[], kw: Parameters<typeof parseArgs>[2], reverse: boolean): PyValue {
  const [n, iterable, key] = parseArgs(name, a, kw, ['n', 'iterable', 'key'], 2);
  const k = toIndex(n!);
  const sorted = sortValues(toArray(iterable!), key ?? null, reverse);
  return new PyList(sorted.slice(0, Math.max(0, k)));
}

/** The `heapq` module. */
export function makeHeapq(): PyModule {
  return makeModule('heapq', {
    heappush: builtin('heappush', (a) => { const h = heapArg(a[0], 'heappush'); h.push(a[1]); siftDown(h, 0, h.length - 1); return null; }),
    heappop: builtin('heappop', (a) => heappop(heapArg(a[0], 'heappop'))),
    heapify: builtin('heapify', (a) => { const h = heapArg(a[0], 'heapify'); for (let i = (h.length >> 1) - 1; i >= 0; i--) siftUp(h, i); return null; }),
    heapreplace: builtin('heapreplace', (a) => {
      const h = heapArg(a[0], 'heapreplace');
      if (!h.length) throw pyErr('IndexError', 'index out of range');
      const top = h[0];
      h[0] = a[1];
      siftUp(h, 0);
      return top;
    }),
    heappushpop: builtin('heappushpop', (a) => {
      const h = heapArg(a[0], 'heappushpop');
      let item = a[1];
      if (h.length && lt(h[0], item)) { [item, h[0]] = [h[0], item]; siftUp(h, 0); }
      return item;
    }),
    nlargest: builtin('nlargest', (a, kw) => nBest('nlargest', a, kw, true)),
    nsmallest: builtin('nsmallest', (a, kw) => nBest('nsmallest', a, kw, false)),
    merge: builtin('merge', (a, kw) => new PyIterator(merge(a.map(iterate), kw?.get('key') ?? null, truthy(kw?.get('reverse') ?? false)), 'generator')),
  });
}

/** bisect's search: the first index in [lo, hi) where x belongs (left: before equals). */
function bisect(name: string, a: PyValue[], kw: Parameters<typeof parseArgs>[2], right: boolean): [PyValue, number] {
  const [seq, x, loV, hiV, key] = parseArgs(name, a, kw, ['a', 'x', 'lo', 'hi', 'key'], 2);
  let lo = loV === undefined ? 0 : toIndex(loV);
  if (lo < 0) throw pyErr('ValueError', 'lo must be non-negative');
  let hi = hiV === undefined || hiV === null ? len(seq!) : toIndex(hiV);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = getitem(seq!, BigInt(mid));
    const k = key === undefined || key === null ? item : callValue(key, [item]);
    if (right ? lt(x!, k) : !lt(k, x!)) hi = mid; else lo = mid + 1;
  }
  return [seq!, lo];
}

function insort(name: string, right: boolean) {
  return builtin(name, (a, kw) => {
    if (a.length < 2) throw pyErr('TypeError', `${name}() missing required argument 'x' (pos 2)`);
    const key = kw?.get('key') ?? null, x = a[1];
    // The search compares key(x) with key(item), as CPython's insort does.
    const probe = key === null ? a : [a[0], callValue(key, [x]), ...a.slice(2)];
    const [seq, i] = bisect(name, probe, kw, right);
    if (seq instanceof PyList) seq.items.splice(i, 0, x);
    else callMethod(seq, 'insert', [BigInt(i), x]);
    return null;
  });
}

/** The `bisect` module. */
export function makeBisect(): PyModule {
  return makeModule('bisect', {
    bisect_left: builtin('bisect_left', (a, kw) => BigInt(bisect('bisect_left', a, kw, false)[1])),
    bisect_right: builtin('bisect_right', (a, kw) => BigInt(bisect('bisect_right', a, kw, true)[1])),
    bisect: builtin('bisect', (a, kw) => BigInt(bisect('bisect', a, kw, true)[1])),
    insort_left: insort('insort_left', false),
    insort_right: insort('insort_right', true),
    insort: insort('insort', true),
  });
}
