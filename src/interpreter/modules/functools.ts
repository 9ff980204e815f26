// functools: partial, reduce, wraps/update_wrapper, lru_cache/cache, cached_property,
// total_ordering, cmp_to_key.
import { BoundMethod, Kwargs, NotImplemented, PyClass, PyDict, PyInstance, PyModule, PyStaticMethod, PyTuple, PyValue, classEpoch } from '../objects';
import { PyFunction } from '../function';
import { pyErr } from '../pyerrors';
import { T, typeOf } from '../types';
import { callValue, getattrOpt, instanceDict, setattr } from '../attrs';
import { compare, eq } from '../arith';
import { addr, iterate, repr, str, toIndex, truthy } from '../convert';
import { dictDelete, dictGet, dictSet, makeDict } from '../hashing';
import { builtin, makeModule, methods, nativeClass, props } from '../native';
import { makeNamedTuple, NamedTupleObj } from './namedtuple';

class Partial extends PyInstance {
  constructor(cls: PyClass, readonly func: PyValue, readonly args: PyValue[], readonly kw: Map<string, PyValue>) { super(cls); }
}

const PARTIAL = nativeClass('partial', { module: 'functools' });
PARTIAL.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a, kw) => {
  if (a.length < 2) throw pyErr('TypeError', 'type \'partial\' takes at least one argument');
  let [func, args, kws] = [a[1], a.slice(2), new Map(kw ?? [])];
  if (func instanceof Partial && typeOf(func) === PARTIAL) {
    args = [...func.args, ...args];
    kws = new Map([...func.kw, ...kws]);
    func = func.func;
  }
  if (!isCallable(func)) throw pyErr('TypeError', 'the first argument must be callable');
  return new Partial(a[0] as PyClass, func, args, kws);
})));
methods(PARTIAL, {
  __init__: () => null,
  __call__: (self, a, kw) => {
    const p = self as Partial;
    const merged = new Map(p.kw);
    for (const [k, v] of kw ?? []) merged.set(k, v);
    return callValue(p.func, [...p.args, ...a], merged.size ? merged : null);
  },
  __repr__: (self) => {
    const p = self as Partial;
    const parts = [repr(p.func), ...p.args.map(repr), ...[...p.kw].map(([k, v]) => `${k}=${repr(v)}`)];
    return `functools.partial(${parts.join(', ')})`;
  },
});
props(PARTIAL, {
  func: [(self) => (self as Partial).func],
  args: [(self) => new PyTuple((self as Partial).args)],
  keywords: [(self) => makeDict([...(self as Partial).kw])],
});

function isCallable(v: PyValue): boolean {
  return v instanceof PyClass || v instanceof PyFunction || typeOf(v).lookup('__call__') !== undefined
    || typeOf(v) === T.builtin_function_or_method || typeOf(v) === T.method;
}

function reduce(a: PyValue[]): PyValue {
  if (a.length < 2 || a.length > 3) throw pyErr('TypeError', `reduce expected at least 2 arguments, got ${a.length}`);
  const it = iterate(a[1]);
  let acc: PyValue | undefined = a.length > 2 ? a[2] : undefined;
  for (let r = it.next(); !r.done; r = it.next()) acc = acc === undefined ? r.value : callValue(a[0], [acc, r.value]);
  if (acc === undefined) throw pyErr('TypeError', 'reduce() of empty iterable with no initial value');
  return acc;
}

const ASSIGNED = ['__module__', '__name__', '__qualname__', '__doc__'];

/** functools.update_wrapper: copies the wrapped function's identity onto the wrapper. */
function updateWrapper(wrapper: PyValue, wrapped: PyValue): PyValue {
  for (const name of ASSIGNED) {
    const v = getattrOpt(wrapped, name);
    if (v === undefined) continue;
    if (wrapper instanceof PyFunction) {
      if (name === '__name__') wrapper.name = str(v);
      else if (name === '__qualname__') wrapper.qualname = str(v);
      else if (name === '__doc__') wrapper.doc = v;
      else wrapper.module = str(v);
    } else setattr(wrapper, name, v);
  }
  const from = wrapped instanceof PyFunction ? wrapped.dict : instanceDict(wrapped);
  const to = instanceDict(wrapper);
  if (from && to) for (const [k, v] of from) to.set(k, v);
  if (to) to.set('__wrapped__', wrapped); else setattr(wrapper, '__wrapped__', wrapped);
  return wrapper;
}

/** The lru_cache wrapper: a callable that binds like a function when stored on a class. */
class LruWrapper extends PyInstance {
  readonly cache = new PyDict();
  hits = 0;
  misses = 0;
  constructor(cls: PyClass, readonly func: PyValue, readonly maxsize: number | null, readonly typed: boolean) { super(cls); }
}

const KWMARK = new PyInstance(T.object);
let cacheInfo: PyClass | null = null;

const LRU = nativeClass('_lru_cache_wrapper', { module: 'functools' });
methods(LRU, {
  __call__: (self, a, kw) => lruCall(self as LruWrapper, a, kw),
  __get__: (self, a) => (a[0] === null ? self : new BoundMethod(a[0], self)),
  __repr__: (self) => `<functools._lru_cache_wrapper object at ${addr(self)}>`,
  cache_info: (self) => {
    const w = self as LruWrapper;
    cacheInfo ??= makeNamedTuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'], { module: 'functools' });
    return new NamedTupleObj(cacheInfo, [BigInt(w.hits), BigInt(w.misses), w.maxsize === null ? null : BigInt(w.maxsize), BigInt(w.cache.size)]);
  },
  cache_clear: (self) => { const w = self as LruWrapper; w.cache.map.clear(); w.hits = w.misses = 0; return null; },
});

function lruCall(w: LruWrapper, a: PyValue[], kw: Kwargs | null): PyValue {
  if (w.maxsize === 0) { w.misses++; return callValue(w.func, a, kw); }
  const parts = [...a];
  if (kw?.size) { parts.push(KWMARK); for (const [k, v] of kw) parts.push(k, v); }
  if (w.typed) parts.push(...a.map(typeOf), ...[...(kw?.values() ?? [])].map(typeOf));
  const key = new PyTuple(parts);
  const hit = dictGet(w.cache, key);
  if (hit !== undefined) {
    w.hits++;
    dictDelete(w.cache, key);
    dictSet(w.cache, key, hit);
    return hit;
  }
  w.misses++;
  const v = callValue(w.func, a, kw);
  dictSet(w.cache, key, v);
  if (w.maxsize !== null && w.cache.size > w.maxsize) w.cache.map.delete(w.cache.map.keys().next().value!);
  return v;
}

function lruCache(a: PyValue[], kw: Kwargs | null): PyValue {
  const first = a.length ? a[0] : kw?.has('maxsize') ? kw.get('maxsize')! : 128n;
  const typed = truthy(a[1] ?? kw?.get('typed') ?? false);
  const make = (func: PyValue, maxsize: number | null) => updateWrapper(new LruWrapper(LRU, func, maxsize, typed), func);
  if (isCallable(first) && !(typeof first === 'bigint')) return make(first, 128);
  if (first !== null && typeof first !== 'bigint' && typeof first !== 'boolean') throw pyErr('TypeError', 'Expected first argument to be an integer, a callable, or None');
  const maxsize = first === null ? null : Math.max(0, toIndex(first));
  return builtin('decorating_function', (b) => make(b[0], maxsize));
}

/** cached_property: computes once per instance and stores the value in its __dict__. */
class CachedProperty extends PyInstance {
  name: string | null = null;
  constructor(cls: PyClass, readonly func: PyValue) { super(cls); }
}

const CACHED_PROPERTY = nativeClass('cached_property', { module: 'functools' });
CACHED_PROPERTY.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a) => updateWrapper(new CachedProperty(a[0] as PyClass, a[1]), a[1]))));
methods(CACHED_PROPERTY, {
  __init__: () => null,
  __set_name__: (self, a) => { (self as CachedProperty).name = str(a[1]); return null; },
  __get__: (self, a) => {
    const p = self as CachedProperty, obj = a[0];
    if (obj === null) return self;
    const name = p.name ?? str(getattrOpt(p.func, '__name__') ?? '');
    const v = callValue(p.func, [obj]);
    const d = instanceDict(obj);
    if (!d) throw pyErr('TypeError', `No '__dict__' attribute on '${typeOf(obj).name}' instance to cache '${name}' property.`);
    d.set(name, v);
    return v;
  },
});

const not = (v: PyValue) => (v === NotImplemented ? v : !truthy(v));

/** The operators total_ordering derives from each root, as CPython's _convert table. */
const DERIVED: Record<string, Record<string, (root: PyValue, a: PyValue, b: PyValue) => PyValue>> = {
  __lt__: { __gt__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : !truthy(x) && !eq(a, b); },
    __le__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : truthy(x) || eq(a, b); },
    __ge__: (r, a, b) => not(callValue(r, [a, b])) },
  __le__: { __ge__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : !truthy(x) || eq(a, b); },
    __lt__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : truthy(x) && !eq(a, b); },
    __gt__: (r, a, b) => not(callValue(r, [a, b])) },
  __gt__: { __lt__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : !truthy(x) && !eq(a, b); },
    __ge__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : truthy(x) || eq(a, b); },
    __le__: (r, a, b) => not(callValue(r, [a, b])) },
  __ge__: { __le__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : !truthy(x) || eq(a, b); },
    __gt__: (r, a, b) => { const x = callValue(r, [a, b]); return x === NotImplemented ? x : truthy(x) && !eq(a, b); },
    __lt__: (r, a, b) => not(callValue(r, [a, b])) },
};

function totalOrdering(cls: PyValue): PyValue {
  if (!(cls instanceof PyClass)) throw pyErr('TypeError', 'total_ordering expects a class');
  const roots = Object.keys(DERIVED).filter((op) => { const f = cls.lookup(op); return f !== undefined && f !== T.object.lookup(op); });
  if (!roots.length) throw pyErr('ValueError', 'must define at least one ordering operation: < > <= >=');
  const root = roots.sort().at(-1)!;
  const rootFn = cls.lookup(root)!;
  for (const [op, f] of Object.entries(DERIVED[root])) {
    if (roots.includes(op)) continue;
    cls.dict.set(op, builtinMethod(op, (a) => f(rootFn, a[0], a[1])));
  }
  cls.version++;
  classEpoch.value++;
  return cls;
}

function builtinMethod(name: string, fn: (a: PyValue[]) => PyValue) {
  const b = builtin(name, fn);
  b.isMethod = true;
  return b;
}

class KeyWrapper extends PyInstance {
  constructor(cls: PyClass, readonly obj: PyValue, readonly cmp: PyValue) { super(cls); }
}

function cmpToKey(mycmp: PyValue): PyValue {
  const K = nativeClass('K', { module: 'functools' });
  const c = (a: PyValue, b: PyValue) => {
    if (!(b instanceof KeyWrapper)) return NotImplemented;
    return callValue(mycmp, [(a as KeyWrapper).obj, b.obj]);
  };
  const test = (op: 'Lt' | 'Gt' | 'Eq' | 'LtE' | 'GtE') => (self: PyValue, a: PyValue[]) => {
    const r = c(self, a[0]);
    return r === NotImplemented ? r : compare(op, r, 0n);
  };
  methods(K, { __lt__: test('Lt'), __gt__: test('Gt'), __eq__: test('Eq'), __le__: test('LtE'), __ge__: test('GtE') });
  K.dict.set('__hash__', null);
  K.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a) => new KeyWrapper(K, a[1], mycmp))));
  K.dict.set('__init__', builtinMethod('__init__', () => null));
  return K;
}

/** The `functools` module. */
export function makeFunctools(): PyModule {
  return makeModule('functools', {
    partial: PARTIAL,
    reduce: builtin('reduce', reduce),
    update_wrapper: builtin('update_wrapper', (a) => updateWrapper(a[0], a[1])),
    wraps: builtin('wraps', (a) => builtin('decorator', (b) => updateWrapper(b[0], a[0]))),
    lru_cache: builtin('lru_cache', lruCache),
    cache: builtin('cache', (a) => updateWrapper(new LruWrapper(LRU, a[0], null, false), a[0])),
    cached_property: CACHED_PROPERTY,
    total_ordering: builtin('total_ordering', (a) => totalOrdering(a[0])),
    cmp_to_key: builtin('cmp_to_key', (a) => cmpToKey(a[0])),
    WRAPPER_ASSIGNMENTS: new PyTuple(ASSIGNED),
    WRAPPER_UPDATES: new PyTuple(['__dict__']),
  });
}
