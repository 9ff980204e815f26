// collections.deque: a double-ended queue with an optional maxlen (appending to a full
// deque drops from the other end), CPython's errors and repr.
import { Kwargs, NotImplemented, PyClass, PyInstance, PyIterator, PyList, PySlice, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { OBJECT_NEW } from '../attrs';
import { eq } from '../arith';
import { repr, toArray, toIndex } from '../convert';
import { methods, nativeClass, parseArgs, props } from '../native';

/** A deque's state: its items, front first, and its maxlen. */
export class Deque extends PyInstance {
  items: PyValue[] = [];
  maxlen: number | null = null;
  /** Bumped on every mutation, so iterators can refuse a deque changed under them. */
  state = 0;

  push(v: PyValue): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.items.length === this.maxlen) this.items.shift();
    this.items.push(v);
  }

  pushLeft(v: PyValue): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.items.length === this.maxlen) this.items.pop();
    this.items.unshift(v);
  }
}

/** collections.deque. */
export const DEQUE = nativeClass('deque', { module: 'collections', kind: { create: (cls: PyClass) => new Deque(cls) } });
DEQUE.dict.set('__new__', OBJECT_NEW);
DEQUE.dict.set('__hash__', null);

const dq = (v: PyValue) => v as Deque;
/** Deques whose repr is being built (a deque inside itself prints as [...]). */
const inRepr = new Set<Deque>();

function index(d: Deque, i: PyValue): number {
  if (i instanceof PySlice) throw pyErr('TypeError', "sequence index must be integer, not 'slice'");
  let k = toIndex(i);
  if (k < 0) k += d.items.length;
  if (k < 0 || k >= d.items.length) throw pyErr('IndexError', 'deque index out of range');
  return k;
}

function* iter(d: Deque, reverse: boolean): Iterator<PyValue> {
  const state = d.state, n = d.items.length;
  for (let i = 0; i < n; i++) {
    if (d.state !== state) throw pyErr('RuntimeError', 'deque mutated during iteration');
    yield d.items[reverse ? n - 1 - i : i];
  }
}

function newDeque(cls: PyClass, items: PyValue[], maxlen: number | null): Deque {
  const d = new Deque(cls);
  d.maxlen = maxlen;
  for (const v of items) d.push(v);
  return d;
}

function findIndex(d: Deque, a: PyValue[], kw: Kwargs | null): number {
  const [x, start, stop] = parseArgs('index', a, kw, ['x', 'start', 'stop'], 1);
  const n = d.items.length;
  const clamp = (v: PyValue | undefined, dflt: number) => {
    if (v === undefined) return dflt;
    let k = toIndex(v);
    if (k < 0) k = Math.max(0, k + n);
    return Math.min(k, n);
  };
  for (let i = clamp(start, 0), end = clamp(stop, n); i < end; i++) if (eq(d.items[i], x!)) return i;
  throw pyErr('ValueError', `${repr(x!)} is not in deque`);
}

methods(DEQUE, {
  __init__: (self, a, kw) => {
    const [iterable, maxlen] = parseArgs('deque', a, kw, ['iterable', 'maxlen'], 0);
    const d = dq(self);
    if (maxlen !== undefined && maxlen !== null) {
      const m = toIndex(maxlen);
      if (m < 0) throw pyErr('ValueError', 'maxlen must be non-negative');
      d.maxlen = m;
    }
    d.items = [];
    if (iterable !== undefined) for (const v of toArray(iterable)) d.push(v);
    return null;
  },
  append: (self, a) => { dq(self).push(a[0]); return null; },
  appendleft: (self, a) => { dq(self).pushLeft(a[0]); return null; },
  extend: (self, a) => { for (const v of toArray(a[0])) dq(self).push(v); return null; },
  extendleft: (self, a) => { for (const v of toArray(a[0])) dq(self).pushLeft(v); return null; },
  pop: (self) => {
    const d = dq(self);
    if (!d.items.length) throw pyErr('IndexError', 'pop from an empty deque');
    d.state++;
    return d.items.pop()!;
  },
  popleft: (self) => {
    const d = dq(self);
    if (!d.items.length) throw pyErr('IndexError', 'pop from an empty deque');
    d.state++;
    return d.items.shift()!;
  },
  rotate: (self, a) => {
    const d = dq(self), n = d.items.length;
    if (!n) return null;
    const k = ((a.length ? toIndex(a[0]) : 1) % n + n) % n;
    d.state++;
    if (k) d.items = [...d.items.slice(n - k), ...d.items.slice(0, n - k)];
    return null;
  },
  clear: (self) => { dq(self).items = []; dq(self).state++; return null; },
  reverse: (self) => { dq(self).items.reverse(); dq(self).state++; return null; },
  count: (self, a) => BigInt(dq(self).items.filter((v) => eq(v, a[0])).length),
  index: (self, a, kw) => BigInt(findIndex(dq(self), a, kw)),
  remove: (self, a) => {
    const d = dq(self);
    const i = d.items.findIndex((v) => eq(v, a[0]));
    if (i < 0) throw pyErr('ValueError', `${repr(a[0])} is not in deque`);
    d.items.splice(i, 1);
    d.state++;
    return null;
  },
  insert: (self, a) => {
    const d = dq(self), n = d.items.length;
    if (d.maxlen !== null && n >= d.maxlen) throw pyErr('IndexError', 'deque already at its maximum size');
    let i = toIndex(a[0]);
    if (i < 0) i = Math.max(0, i + n);
    d.items.splice(Math.min(i, n), 0, a[1]);
    d.state++;
    return null;
  },
  copy: (self) => newDeque(typeOf(self), dq(self).items, dq(self).maxlen),
  __copy__: (self) => newDeque(typeOf(self), dq(self).items, dq(self).maxlen),
  __len__: (self) => BigInt(dq(self).items.length),
  __bool__: (self) => dq(self).items.length > 0,
  __iter__: (self) => new PyIterator(iter(dq(self), false), '_collections._deque_iterator'),
  __reversed__: (self) => new PyIterator(iter(dq(self), true), '_collections._deque_reverse_iterator'),
  __contains__: (self, a) => dq(self).items.some((v) => v === a[0] || eq(v, a[0])),
  __getitem__: (self, a) => dq(self).items[index(dq(self), a[0])],
  __setitem__: (self, a) => { const d = dq(self); d.items[index(d, a[0])] = a[1]; return null; },
  __delitem__: (self, a) => { const d = dq(self); d.items.splice(index(d, a[0]), 1); d.state++; return null; },
  __eq__: (self, a) => {
    const o = a[0];
    if (!(o instanceof Deque)) return NotImplemented;
    const x = dq(self).items, y = o.items;
    return x.length === y.length && x.every((v, i) => v === y[i] || eq(v, y[i]));
  },
  __add__: (self, a) => {
    if (!(a[0] instanceof Deque)) throw pyErr('TypeError', `can only concatenate deque (not "${typeOf(a[0]).name}") to deque`);
    return newDeque(typeOf(self), [...dq(self).items, ...a[0].items], dq(self).maxlen);
  },
  __iadd__: (self, a) => { for (const v of toArray(a[0])) dq(self).push(v); return self; },
  __repr__: (self) => {
    const d = dq(self);
    if (inRepr.has(d)) return '[...]';
    inRepr.add(d);
    try {
      const body = `${typeOf(self).name}(${repr(new PyList(d.items))}`;
      return d.maxlen === null ? `${body})` : `${body}, maxlen=${d.maxlen})`;
    } finally { inRepr.delete(d); }
  },
});
props(DEQUE, { maxlen: [(self) => (dq(self).maxlen === null ? null : BigInt(dq(self).maxlen!))] });
