// Conversions every part of the interpreter needs: truth, repr/str, len, iteration,
// indices and numbers.
import { pyFloatRepr } from '../engine/floatfmt';
import { NDArray } from '../engine/ndarray';
import { BoundMethod, Ellipsis, NotImplemented, PyBuiltin, PyClass, PyDict, PyError, PyIterator, PyList, PyModule, PyRange, PySet, PySlice, PyTuple, PyValue } from './objects';
import { PyFunction } from './function';
import { PyException, excIs, pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { callMethod, callValue } from './attrs';
import { objectId } from './hashing';
import { NpScalar } from './npscalar';

/** bool(v). */
export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return v !== 0n;
    case 'number': return v !== 0;
    case 'string': return v.length > 0;
    case 'object': break;
    default: return true;
  }
  if (v === null) return false;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof NDArray) {
    if (v.size === 0) throw pyErr('ValueError', 'The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.');
    if (v.size !== 1) throw pyErr('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
    return v.at(0) !== 0;
  }
  const t = typeOf(v);
  if (t.lookup('__bool__') !== undefined) {
    const r = callMethod(v, '__bool__', []);
    if (typeof r !== 'boolean') throw pyErr('TypeError', `__bool__ should return bool, returned ${typeOf(r).name}`);
    return r;
  }
  if (t.lookup('__len__') !== undefined) return toIndex(callMethod(v, '__len__', [])) !== 0;
  return true;
}

/** Python's repr of a str. */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + c.toString(16);
    else out += ch;
  }
  return out + q;
}

const reprStack: object[] = [];

function seqRepr(v: object, open: string, close: string, items: () => string[]): string {
  if (reprStack.includes(v)) return open + '...' + close;
  reprStack.push(v);
  try { return open + items().join(', ') + close; } finally { reprStack.pop(); }
}

/** Hexadecimal address shown in default reprs. */
export function addr(v: PyValue): string {
  return '0x' + objectId(v).toString(16).padStart(12, '0');
}

export function qualClassName(c: PyClass): string {
  const mod = (c.dict.get('__module__') as string | undefined) ?? c.module;
  return mod === 'builtins' ? c.qualname : `${mod}.${c.qualname}`;
}

/** repr(v). */
export function repr(v: PyValue): string {
  switch (typeof v) {
    case 'string': return strRepr(v);
    case 'bigint': return v.toString();
    case 'number': return pyFloatRepr(v);
    case 'boolean': return v ? 'True' : 'False';
    case 'symbol': return v === NotImplemented ? 'NotImplemented' : v === Ellipsis ? 'Ellipsis' : String(v);
    default: break;
  }
  if (v === null) return 'None';
  const t = typeOf(v);
  const r = t.lookup('__repr__');
  if (r !== undefined && r !== OBJECT_REPR) {
    const s = callValue(r, [v]);
    if (typeof s !== 'string') throw pyErr('TypeError', `__repr__ returned non-string (type ${typeOf(s).name})`);
    return s;
  }
  return builtinRepr(v);
}

function builtinRepr(v: object): string {
  if (v instanceof PyList) return seqRepr(v, '[', ']', () => v.items.map(repr));
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${repr(v.items[0])},)` : seqRepr(v, '(', ')', () => v.items.map(repr));
  if (v instanceof PyDict) return seqRepr(v, '{', '}', () => [...v.map.values()].map(([k, x]) => `${repr(k)}: ${repr(x)}`));
  if (v instanceof PySet) {
    if (!v.size) return v.frozen ? 'frozenset()' : 'set()';
    const body = seqRepr(v, '{', '}', () => [...v.map.values()].map(repr));
    return v.frozen ? `frozenset(${body})` : body;
  }
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyClass) return `<class '${qualClassName(v)}'>`;
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${addr(v)}>`;
  if (v instanceof BoundMethod) return `<bound method ${(v.func as PyFunction).qualname ?? '?'} of ${repr(v.self)}>`;
  if (v instanceof PyBuiltin) {
    // A native method read from its class: "<method 'append' of 'list' objects>".
    if (v.self === undefined && v.isMethod && v.qualname.includes('.')) return `<method '${v.name}' of '${v.qualname.slice(0, v.qualname.lastIndexOf('.'))}' objects>`;
    return v.self === undefined ? `<built-in function ${v.name}>` : `<built-in method ${v.name} of ${typeOf(v.self).name} object at ${addr(v.self)}>`;
  }
  if (v instanceof PyModule) return v.file ? `<module '${v.name}' from '${v.file}'>` : `<module '${v.name}' (built-in)>`;
  if (v instanceof PyException) {
    const a = v.args;
    return `${v.cls.name}(${a.length === 1 ? repr(a[0]) : a.map(repr).join(', ')})`;
  }
  if (v instanceof PyIterator) return `<${v.kind} object at ${addr(v)}>`;
  return `<${qualClassName(typeOf(v))} object at ${addr(v)}>`;
}

/** str(v). */
export function str(v: PyValue): string {
  switch (typeof v) {
    case 'string': return v;
    case 'bigint': return v.toString();
    case 'number': return pyFloatRepr(v);
    case 'boolean': return v ? 'True' : 'False';
    default: break;
  }
  if (v === null) return 'None';
  const t = typeOf(v);
  const s = t.lookup('__str__');
  if (s !== undefined && s !== OBJECT_STR) {
    const r = callValue(s, [v]);
    if (typeof r !== 'string') throw pyErr('TypeError', `__str__ returned non-string (type ${typeOf(r).name})`);
    return r;
  }
  if (v instanceof PyException) {
    const a = v.args;
    if (a.length === 0) return '';
    if (a.length === 1) return excIs(v, 'KeyError') ? repr(a[0]) : str(a[0]);
    return repr(new PyTuple(a));
  }
  return repr(v);
}

export const OBJECT_REPR = new PyBuiltin('__repr__', (a) => builtinRepr(a[0] as object));
OBJECT_REPR.isMethod = true;
export const OBJECT_STR = new PyBuiltin('__str__', (a) => repr(a[0]));
OBJECT_STR.isMethod = true;
T.object.dict.set('__repr__', OBJECT_REPR);
T.object.dict.set('__str__', OBJECT_STR);

/** Length of a str in code points, as Python counts. */
export function strLen(s: string): number {
  return /[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length;
}

/** len(v). */
export function len(v: PyValue): number {
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict || v instanceof PySet) return v.size;
  if (v instanceof PyRange) return v.length;
  const t = typeOf(v);
  if (t.lookup('__len__') === undefined) throw pyErr('TypeError', `object of type '${t.name}' has no len()`);
  const n = toIndex(callMethod(v, '__len__', []));
  if (n < 0) throw pyErr('ValueError', '__len__() should return >= 0');
  return n;
}

/** An integer-valued index (ints, bools, NumPy integer scalars, __index__), else TypeError. */
export function toIndex(v: PyValue, what = 'integer'): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NpScalar && v.dtype !== 'float64' && v.dtype !== 'float32' && v.dtype !== 'bool') return v.value;
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__index__') !== undefined) return toIndex(callMethod(v, '__index__', []));
  throw pyErr('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an ${what}`);
}

/** float(v) for numbers and number-likes. */
export function toFloat(v: PyValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const f = Number(v);
    if (!Number.isFinite(f)) throw pyErr('OverflowError', 'int too large to convert to float');
    return f;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NDArray) {
    if (v.ndim !== 0) throw pyErr('TypeError', 'only 0-dimensional arrays can be converted to Python scalars');
    return v.at(0);
  }
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__float__') !== undefined) return toFloat(callMethod(v, '__float__', []));
  throw pyErr('TypeError', `must be real number, not ${typeOf(v).name}`);
}

/** A JS iterator over any Python iterable. */
export function iterate(v: PyValue): Iterator<PyValue> {
  if (v instanceof PyList) return listIter(v);
  if (v instanceof PyTuple) return v.items[Symbol.iterator]();
  if (typeof v === 'string') return v[Symbol.iterator]();
  if (v instanceof PyIterator) return v.it;
  if (v instanceof PyDict) return liveIter(v, (e) => e[0], 'dictionary changed size during iteration');
  if (v instanceof PySet) return liveIter(v, (e) => e, 'Set changed size during iteration');
  if (v instanceof PyRange) return rangeIter(v);
  const t = typeOf(v);
  if (t.lookup('__iter__') !== undefined) {
    const it = callMethod(v, '__iter__', []);
    if (it instanceof PyIterator) return it.it;
    if (typeOf(it).lookup('__next__') === undefined) throw pyErr('TypeError', `iter() returned non-iterator of type '${typeOf(it).name}'`);
    return pyNextIter(it);
  }
  if (t.lookup('__getitem__') !== undefined) return getitemIter(v);
  throw pyErr('TypeError', `'${t.name}' object is not iterable`);
}

/** Iterates a dict's keys or a set's items as they are; RuntimeError if the size changes meanwhile. */
function* liveIter<E>(c: { map: Map<unknown, E>; size: number }, item: (e: E) => PyValue, changed: string): Iterator<PyValue> {
  const n = c.size;
  for (const e of c.map.values()) {
    if (c.size !== n) break;
    yield item(e);
  }
  if (c.size !== n) throw pyErr('RuntimeError', changed);
}

function* listIter(l: PyList): Iterator<PyValue> {
  for (let i = 0; i < l.items.length; i++) yield l.items[i];
}

function* rangeIter(r: PyRange): Iterator<PyValue> {
  const n = r.length;
  for (let i = 0; i < n; i++) yield BigInt(r.start + i * r.step);
}

function* pyNextIter(it: PyValue): Iterator<PyValue> {
  for (;;) {
    let x: PyValue;
    try { x = callMethod(it, '__next__', []); } catch (e) {
      if (e instanceof PyError && excIs(e.exc, 'StopIteration')) return;
      throw e;
    }
    yield x;
  }
}

function* getitemIter(v: PyValue): Iterator<PyValue> {
  for (let i = 0n; ; i++) {
    let x: PyValue;
    try { x = callMethod(v, '__getitem__', [i]); } catch (e) {
      if (e instanceof PyError && (excIs(e.exc, 'IndexError') || excIs(e.exc, 'StopIteration'))) return;
      throw e;
    }
    yield x;
  }
}

/** All items of an iterable as an array. */
export function toArray(v: PyValue): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  const out: PyValue[] = [];
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}
