// collections' dict subclasses: defaultdict, OrderedDict, Counter. Instances are PyDicts
// (PyDictObject), so every dict fast path and dict method applies; missing keys reach
// __missing__ through subscription, as in CPython.
import { Kwargs, NotImplemented, PyClass, PyDict, PyIterator, PyList, PyTuple, PyValue } from '../objects';
import { pyErr, pyErrArgs } from '../pyerrors';
import { T, typeOf } from '../types';
import { OBJECT_NEW, callValue } from '../attrs';
import { binop, compare } from '../arith';
import { iterate, repr, truthy } from '../convert';
import { dictDelete, dictGet, dictSet } from '../hashing';
import { builtin, methods, nativeClass, props } from '../native';
import { sortValues } from '../sorting';
import { updateDict } from '../methods_dict';
import { PyDictObject } from './weakref';

/** A defaultdict: a dict with a factory for missing keys. */
export class DefaultDict extends PyDictObject {
  factory: PyValue = null;
}

function dictClass(name: string, create: (cls: PyClass) => PyDictObject): PyClass {
  const cls = nativeClass(name, { module: 'collections', bases: [T.dict], kind: { create } });
  cls.dict.set('__new__', OBJECT_NEW);
  return cls;
}

/** A new instance of the same class as `self` with `self`'s entries. */
function copyOf(self: PyDict): PyDictObject {
  const cls = typeOf(self);
  const out = cls.native!.create!(cls) as PyDictObject;
  for (const [s, e] of self.map) out.map.set(s, [e[0], e[1]]);
  if (self instanceof DefaultDict) (out as DefaultDict).factory = self.factory;
  return out;
}

function fill(d: PyDict, a: PyValue[], kw: Kwargs | null, name: string): void {
  if (a.length > 1) throw pyErr('TypeError', `${name} expected at most 1 argument, got ${a.length}`);
  if (a.length) updateDict(d, a[0]);
  for (const [k, v] of kw ?? []) dictSet(d, k, v);
}

const isCallable = (v: PyValue) => v !== null && (typeOf(v).lookup('__call__') !== undefined || v instanceof PyClass
  || typeOf(v) === T.function || typeOf(v) === T.builtin_function_or_method || typeOf(v) === T.method);

/** collections.defaultdict. */
export const DEFAULTDICT = dictClass('defaultdict', (cls) => new DefaultDict(cls));
methods(DEFAULTDICT, {
  __init__: (self, a, kw) => {
    const f = a.length ? a[0] : null;
    if (f !== null && !isCallable(f)) throw pyErr('TypeError', 'first argument must be callable or None');
    (self as DefaultDict).factory = f;
    fill(self as PyDict, a.slice(1), kw, 'defaultdict');
    return null;
  },
  __missing__: (self, a) => {
    const d = self as DefaultDict;
    if (d.factory === null) throw pyErrArgs('KeyError', [a[0]]);
    const v = callValue(d.factory, []);
    dictSet(d, a[0], v);
    return v;
  },
  __repr__: (self) => `${typeOf(self).name}(${repr((self as DefaultDict).factory)}, ${dictRepr(self as PyDict)})`,
  copy: (self) => copyOf(self as PyDict),
  __copy__: (self) => copyOf(self as PyDict),
});
props(DEFAULTDICT, { default_factory: [(self) => (self as DefaultDict).factory, (self, v) => { (self as DefaultDict).factory = v; }] });

/** The plain dict repr of a dict subclass's entries. */
function dictRepr(d: PyDict): string {
  const plain = new PyDict();
  for (const [s, e] of d.map) plain.map.set(s, e);
  return repr(plain);
}

/** collections.OrderedDict (its order-sensitive == is not modelled: it compares as a dict). */
export const ORDEREDDICT = dictClass('OrderedDict', (cls) => new PyDictObject(cls));
methods(ORDEREDDICT, {
  __init__: (self, a, kw) => { fill(self as PyDict, a, kw, 'OrderedDict'); return null; },
  __repr__: (self) => {
    const d = self as PyDict;
    const name = typeOf(self).name;
    if (!d.size) return `${name}()`;
    return `${name}(${repr(new PyList([...d.map.values()].map(([k, v]) => new PyTuple([k, v]))))})`;
  },
  move_to_end: (self, a, kw) => {
    const d = self as PyDict, key = a[0];
    const last = truthy(a[1] ?? kw?.get('last') ?? true);
    const v = dictGet(d, key);
    if (v === undefined) throw pyErrArgs('KeyError', [key]);
    dictDelete(d, key);
    if (last) { dictSet(d, key, v); return null; }
    const rest = [...d.map];
    d.map.clear();
    dictSet(d, key, v);
    for (const [s, e] of rest) d.map.set(s, e);
    return null;
  },
  popitem: (self, a, kw) => {
    const d = self as PyDict;
    const last = truthy(a[0] ?? kw?.get('last') ?? true);
    if (!d.size) throw pyErrArgs('KeyError', ['dictionary is empty']);
    const entries = [...d.map];
    const [s, [k, v]] = last ? entries[entries.length - 1] : entries[0];
    d.map.delete(s);
    return new PyTuple([k, v]);
  },
  copy: (self) => copyOf(self as PyDict),
  __copy__: (self) => copyOf(self as PyDict),
});

/** Counter.update / subtract: counts from an iterable or a mapping, plus keywords. */
function count(d: PyDict, a: PyValue[], kw: Kwargs | null, sign: 'Add' | 'Sub'): void {
  if (a.length > 1) throw pyErr('TypeError', `expected at most 1 argument, got ${a.length}`);
  const bump = (k: PyValue, n: PyValue) => dictSet(d, k, binop(sign, dictGet(d, k) ?? 0n, n));
  const src = a.length ? a[0] : null;
  if (src instanceof PyDict) for (const [k, v] of [...src.map.values()]) bump(k, v);
  else if (src !== null) {
    const it = iterate(src);
    for (let r = it.next(); !r.done; r = it.next()) bump(r.value, 1n);
  }
  for (const [k, v] of kw ?? []) bump(k, v);
}

/** collections.Counter. */
export const COUNTER = dictClass('Counter', (cls) => new PyDictObject(cls));

function newCounter(entries: [PyValue, PyValue][]): PyDictObject {
  const c = new PyDictObject(COUNTER);
  for (const [k, v] of entries) dictSet(c, k, v);
  return c;
}

const entries = (d: PyValue) => [...(d as PyDict).map.values()];
const positive = (v: PyValue) => truthy(compare('Gt', v, 0n));
const get0 = (d: PyValue, k: PyValue) => dictGet(d as PyDict, k) ?? 0n;

/** Counter arithmetic: `pick(mine, theirs)` for each key of self, then keys only in other. */
function combine(self: PyValue, other: PyValue, pick: (x: PyValue, y: PyValue) => PyValue, onlyOther: (y: PyValue) => PyValue | null): PyValue {
  if (!(other instanceof PyDict) || !typeOf(other).isSubclassOf(COUNTER)) return NotImplemented;
  const out: [PyValue, PyValue][] = [];
  for (const [k, v] of entries(self)) { const n = pick(v, get0(other, k)); if (positive(n)) out.push([k, n]); }
  for (const [k, v] of entries(other)) {
    if (dictGet(self as PyDict, k) !== undefined) continue;
    const n = onlyOther(v);
    if (n !== null) out.push([k, n]);
  }
  return newCounter(out);
}

const BY_COUNT = builtin('count', (a) => (a[0] as PyTuple).items[1]);

/** Items by descending count, ties in insertion order (sorted(..., reverse=True) is stable). */
function mostCommon(self: PyValue, n: PyValue | undefined): PyList {
  const items = entries(self).map(([k, v]) => new PyTuple([k, v]));
  const sorted = sortValues(items, BY_COUNT, true);
  return new PyList(n === undefined || n === null ? sorted : sorted.slice(0, Math.max(0, Number(n))));
}

methods(COUNTER, {
  __init__: (self, a, kw) => { count(self as PyDict, a, kw, 'Add'); return null; },
  __missing__: () => 0n,
  __repr__: (self) => {
    const d = self as PyDict;
    if (!d.size) return `${typeOf(self).name}()`;
    const body = mostCommon(self, undefined).items.map((t) => `${repr((t as PyTuple).items[0])}: ${repr((t as PyTuple).items[1])}`);
    return `${typeOf(self).name}({${body.join(', ')}})`;
  },
  update: (self, a, kw) => { count(self as PyDict, a, kw, 'Add'); return null; },
  subtract: (self, a, kw) => { count(self as PyDict, a, kw, 'Sub'); return null; },
  most_common: (self, a, kw) => mostCommon(self, a[0] ?? kw?.get('n')),
  elements: (self) => {
    const out: PyValue[] = [];
    for (const [k, v] of entries(self)) for (let i = 0n; i < (typeof v === 'bigint' ? v : 0n); i++) out.push(k);
    return new PyIterator(out[Symbol.iterator](), 'itertools.chain');
  },
  total: (self) => entries(self).reduce<PyValue>((acc, [, v]) => binop('Add', acc, v), 0n),
  copy: (self) => copyOf(self as PyDict),
  __copy__: (self) => copyOf(self as PyDict),
  __add__: (self, a) => combine(self, a[0], (x, y) => binop('Add', x, y), (y) => (positive(y) ? y : null)),
  __sub__: (self, a) => combine(self, a[0], (x, y) => binop('Sub', x, y), (y) => (truthy(compare('Lt', y, 0n)) ? binop('Sub', 0n, y) : null)),
  __or__: (self, a) => combine(self, a[0], (x, y) => (truthy(compare('Lt', x, y)) ? y : x), (y) => (positive(y) ? y : null)),
  __and__: (self, a) => combine(self, a[0], (x, y) => (truthy(compare('Lt', x, y)) ? x : y), () => null),
  __pos__: (self) => newCounter(entries(self).filter(([, v]) => positive(v))),
  __neg__: (self) => newCounter(entries(self).filter(([, v]) => truthy(compare('Lt', v, 0n))).map(([k, v]) => [k, binop('Sub', 0n, v)])),
});
