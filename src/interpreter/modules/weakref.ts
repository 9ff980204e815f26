// weakref: ref(obj) is a callable returning obj. References are strong under the hood: JS
// collects cycles itself, and CPython's refcounting frees objects at moments a JS garbage
// collector cannot reproduce, so a dead weak reference (ref() is None) never happens here.
// proxy(obj) is obj itself; the weak containers are plain dicts and sets of their own type.
import { PyClass, PyDict, PyInstance, PyModule, PyObject, PySet, PyStaticMethod, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, typeOf } from '../types';
import { OBJECT_NEW } from '../attrs';
import { addr, qualClassName, toArray } from '../convert';
import { dictSet, hashOf, setAdd } from '../hashing';
import { eq } from '../arith';
import { builtin, makeModule, methods, nativeClass, props } from '../native';

class WeakRef extends PyInstance {
  constructor(cls: PyClass, readonly target: PyValue, readonly callback: PyValue) { super(cls); }
}

/** A dict with its own class (for dict subclasses implemented natively). */
export class PyDictObject extends PyDict implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(); }
}

/** A set with its own class. */
export class PySetObject extends PySet implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(); }
}

const REF = nativeClass('ReferenceType', { module: 'weakref' });
REF.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a) => makeRef(a[0] as PyClass, a.slice(1)))));
methods(REF, {
  __init__: () => null,
  __call__: (self) => (self as WeakRef).target,
  __hash__: (self) => hashOf((self as WeakRef).target),
  __eq__: (self, a) => a[0] instanceof WeakRef && eq((self as WeakRef).target, a[0].target),
  __repr__: (self) => {
    const t = (self as WeakRef).target;
    return `<weakref at ${addr(self)}; to '${qualClassName(typeOf(t))}' at ${addr(t)}>`;
  },
});
props(REF, { __callback__: [(self) => (self as WeakRef).callback] });

function makeRef(cls: PyClass, a: PyValue[]): WeakRef {
  if (a.length < 1 || a.length > 2) throw pyErr('TypeError', `__new__ expected at most 2 arguments, got ${a.length}`);
  const t = a[0];
  if (t === null || typeof t !== 'object') throw pyErr('TypeError', `cannot create weak reference to '${typeOf(t).name}' object`);
  return new WeakRef(cls, t, a[1] ?? null);
}

function dictKind(name: string): PyClass {
  const cls = nativeClass(name, { module: 'weakref', bases: [T.dict], kind: { create: (c) => new PyDictObject(c) } });
  cls.dict.set('__new__', OBJECT_NEW);
  methods(cls, {
    __init__: (self, a) => {
      if (a.length) {
        const src = a[0];
        if (src instanceof PyDict) for (const [k, v] of src.map.values()) dictSet(self as PyDict, k, v);
        else for (const item of toArray(src)) { const kv = toArray(item); dictSet(self as PyDict, kv[0], kv[1]); }
      }
      return null;
    },
    __repr__: (self) => `<${qualClassName(typeOf(self))} at ${addr(self)}>`,
  });
  return cls;
}

const WEAK_VALUE_DICT = dictKind('WeakValueDictionary');
const WEAK_KEY_DICT = dictKind('WeakKeyDictionary');
const WEAK_SET = nativeClass('WeakSet', { module: 'weakref', bases: [T.set], kind: { create: (c) => new PySetObject(c) } });
WEAK_SET.dict.set('__new__', OBJECT_NEW);
methods(WEAK_SET, {
  __init__: (self, a) => { if (a.length) for (const v of toArray(a[0])) setAdd(self as PySet, v); return null; },
  __repr__: (self) => `<${qualClassName(typeOf(self))} at ${addr(self)}>`,
});

/** The `weakref` module. */
export function makeWeakref(): PyModule {
  return makeModule('weakref', {
    ref: REF, ReferenceType: REF, WeakMethod: REF,
    proxy: builtin('proxy', (a) => a[0]),
    getweakrefcount: builtin('getweakrefcount', () => 0n),
    getweakrefs: builtin('getweakrefs', () => new PyTuple([])),
    WeakValueDictionary: WEAK_VALUE_DICT, WeakKeyDictionary: WEAK_KEY_DICT, WeakSet: WEAK_SET,
  });
}
