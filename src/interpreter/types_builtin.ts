// Constructors of the built-in types (int, float, str, list, dict, …) and the property,
// staticmethod and classmethod descriptors.
import { NDArray } from '../engine/ndarray';
import { Kwargs, NotImplemented as NotImplementedValue, PyClass, PyClassMethod, PyDict, PyList, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { callValue, getattr } from './attrs';
import { repr, str, toArray, toIndex, truthy } from './convert';
import { dictSet, objectId as objectIdOf, setAdd } from './hashing';
import { builtin, methods, nativeMethod, parseArgs } from './native';
import { buildClass } from './defs';
import { installMethods } from './methods';

function newFn(cls: PyClass, impl: (args: PyValue[], kw: Kwargs | null) => PyValue): void {
  cls.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a, kw) => impl(a.slice(1), kw), `${cls.name}.__new__`)));
}

const INT_RE = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|\d(?:_?\d)*)$/;

/** int(str, base). */
export function parseInt(s: string, base: number): bigint {
  const t = s.trim();
  const bad = () => pyErr('ValueError', `invalid literal for int() with base ${base}: ${repr(s)}`);
  if (base === 10) {
    if (!/^[+-]?\d(?:_?\d)*$/.test(t)) throw bad();
    return BigInt(t.replace(/_/g, ''));
  }
  let body = t.replace(/_/g, ''), neg = false;
  if (body[0] === '+' || body[0] === '-') { neg = body[0] === '-'; body = body.slice(1); }
  if (base === 0) {
    if (!INT_RE.test(t)) throw bad();
    return (neg ? -1n : 1n) * BigInt(/^0[xob]/i.test(body) ? body.toLowerCase() : body.replace(/^0+(?=\d)/, ''));
  }
  const prefix = base === 16 ? /^0x/i : base === 8 ? /^0o/i : base === 2 ? /^0b/i : null;
  if (prefix) body = body.replace(prefix, '');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let n = 0n;
  if (!body) throw bad();
  for (const ch of body.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) throw bad();
    n = n * BigInt(base) + BigInt(d);
  }
  return neg ? -n : n;
}

/** float(str). */
export function parseFloat(s: string): number {
  const t = s.trim().toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?$/.test(t)) {
    throw pyErr('ValueError', `could not convert string to float: ${repr(s)}`);
  }
  return Number(t.replace(/_/g, ''));
}

/** int(x): truncation toward zero for numbers, __int__/__index__/__trunc__ for objects. */
export function toInt(x: PyValue): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number') {
    if (x !== x) throw pyErr('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw pyErr('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(x));
  }
  if (typeof x === 'string') return parseInt(x, 10);
  if (x instanceof NDArray) {
    if (x.ndim !== 0) throw pyErr('TypeError', 'only 0-dimensional arrays can be converted to Python scalars');
    return toInt(x.dtype === 'float64' || x.dtype === 'float32' ? x.at(0) : BigInt(x.at(0)));
  }
  for (const m of ['__int__', '__index__', '__trunc__']) {
    if (typeOf(x).lookup(m) !== undefined) return toInt(callValue(getattr(x, m), []));
  }
  throw pyErr('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeOf(x).name}'`);
}

/** float(x). */
export function toFloatValue(x: PyValue): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') { const f = Number(x); if (!Number.isFinite(f)) throw pyErr('OverflowError', 'int too large to convert to float'); return f; }
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') return parseFloat(x);
  if (x instanceof NDArray) {
    if (x.ndim !== 0) throw pyErr('TypeError', 'only 0-dimensional arrays can be converted to Python scalars');
    return x.at(0);
  }
  for (const m of ['__float__', '__index__']) {
    if (typeOf(x).lookup(m) !== undefined) return toFloatValue(callValue(getattr(x, m), []));
  }
  throw pyErr('TypeError', `float() argument must be a string or a real number, not '${typeOf(x).name}'`);
}

function dictFrom(a: PyValue[], kw: Kwargs | null): PyDict {
  const d = new PyDict();
  if (a.length > 1) throw pyErr('TypeError', `dict expected at most 1 argument, got ${a.length}`);
  if (a.length) {
    const src = a[0];
    if (src instanceof PyDict) for (const [k, v] of src.map.values()) dictSet(d, k, v);
    else if (src !== null && typeof src === 'object' && typeOf(src).lookup('keys') !== undefined && !(src instanceof PyList)) {
      for (const k of toArray(callValue(getattr(src, 'keys'), []))) dictSet(d, k, callValue(getattr(src, '__getitem__'), [k]));
    } else {
      let i = 0;
      for (const item of toArray(src)) {
        const kv = toArray(item);
        if (kv.length !== 2) throw pyErr('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
        dictSet(d, kv[0], kv[1]);
        i++;
      }
    }
  }
  for (const [k, v] of kw ?? []) dictSet(d, k, v);
  return d;
}

export function installTypes(b: Map<string, PyValue>): void {
  newFn(T.int, (a, kw) => {
    const [x, base] = parseArgs('int', a, kw, ['x', 'base'], 0);
    if (x === undefined) return 0n;
    if (base !== undefined) {
      if (typeof x !== 'string') throw pyErr('TypeError', "int() can't convert non-string with explicit base");
      return parseInt(x, toIndex(base));
    }
    return toInt(x);
  });
  newFn(T.float, (a) => (a.length ? toFloatValue(a[0]) : 0));
  newFn(T.bool, (a) => (a.length ? truthy(a[0]) : false));
  newFn(T.str, (a) => (a.length ? str(a[0]) : ''));
  newFn(T.list, (a) => new PyList(a.length ? toArray(a[0]) : []));
  newFn(T.tuple, (a) => (a.length ? (a[0] instanceof PyTuple && typeOf(a[0]) === T.tuple ? a[0] : new PyTuple(toArray(a[0]))) : new PyTuple([])));
  newFn(T.dict, (a, kw) => dictFrom(a, kw));
  newFn(T.set, (a) => { const s = new PySet(); if (a.length) for (const v of toArray(a[0])) setAdd(s, v); return s; });
  newFn(T.frozenset, (a) => { const s = new PySet(true); if (a.length) for (const v of toArray(a[0])) setAdd(s, v); return s; });
  newFn(T.range, (a) => {
    const n = a.map((x) => toIndex(x));
    if (n.length === 1) return new PyRange(0, n[0], 1);
    if (n.length === 2) return new PyRange(n[0], n[1], 1);
    if (n.length !== 3) throw pyErr('TypeError', `range expected at most 3 arguments, got ${n.length}`);
    if (n[2] === 0) throw pyErr('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(n[0], n[1], n[2]);
  });
  newFn(T.slice, (a) => (a.length === 1 ? new PySlice(null, a[0], null) : new PySlice(a[0], a[1] ?? null, a[2] ?? null)));
  newFn(T.type, (a) => {
    if (a.length === 1) return typeOf(a[0]);
    if (a.length !== 3) throw pyErr('TypeError', 'type() takes 1 or 3 arguments');
    const ns = new Map<string, PyValue>();
    for (const [k, v] of (a[2] as PyDict).map.values()) ns.set(String(k), v);
    return buildClass(String(a[0]), (a[1] as PyTuple).items as PyClass[], ns, '__main__');
  });
  newFn(T.property, (a, kw) => {
    const [fget, fset, fdel, doc] = parseArgs('property', a, kw, ['fget', 'fset', 'fdel', 'doc'], 0);
    return new PyProperty(fget ?? null, fset ?? null, fdel ?? null, doc ?? null);
  });
  newFn(T.staticmethod, (a) => new PyStaticMethod(a[0]));
  newFn(T.classmethod, (a) => new PyClassMethod(a[0]));
  methods(T.property, {
    setter: (p, a) => new PyProperty((p as PyProperty).fget, a[0], (p as PyProperty).fdel, (p as PyProperty).doc),
    getter: (p, a) => new PyProperty(a[0], (p as PyProperty).fset, (p as PyProperty).fdel, (p as PyProperty).doc),
    deleter: (p, a) => new PyProperty((p as PyProperty).fget, (p as PyProperty).fset, a[0], (p as PyProperty).doc),
  });
  T.type.dict.set('mro', nativeMethod('mro', (a) => new PyList((a[0] as PyClass).mro)));
  for (const c of [T.int, T.float, T.bool, T.str, T.list, T.tuple, T.dict, T.set, T.frozenset, T.range, T.slice, T.type, T.object, T.property, T.staticmethod, T.classmethod, T.bytes]) {
    b.set(c.name, c);
  }
  for (const c of [T.list, T.dict, T.set]) c.dict.set('__hash__', null);
  T.object.dict.set('__hash__', nativeMethod('__hash__', (a) => BigInt(objectIdOf(a[0]))));
  T.object.dict.set('__eq__', nativeMethod('__eq__', (a) => (a[0] === a[1] ? true : NotImplementedValue)));
  T.object.dict.set('__ne__', nativeMethod('__ne__', (a) => (a[0] !== a[1] ? true : false)));
  installMethods();
}
