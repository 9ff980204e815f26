// Built-in type objects, the native-type registry, and typeOf(value).
import { BoundMethod, Cell, Ellipsis, NotImplemented, PyBuiltin, PyClass, PyClassMethod, PyDict, PyIterator, PyList, PyModule, PyObject, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PySuper, PyTuple, PyValue, classEpoch } from './objects';

/** C3 linearisation; throws a TypeError message when the bases cannot be ordered. */
export function computeMro(cls: PyClass): PyClass[] {
  const seqs = cls.bases.map((b) => b.mro.slice()).concat([cls.bases.slice()]);
  const out = [cls];
  for (;;) {
    const live = seqs.filter((s) => s.length);
    if (!live.length) return out;
    const head = live.map((s) => s[0]).find((h) => !live.some((s) => s.indexOf(h) > 0));
    if (!head) throw new TypeError(`Cannot create a consistent method resolution order (MRO) for bases ${cls.bases.map((b) => b.name).join(', ')}`);
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

/** Makes a class object with its MRO computed. */
export function makeClass(name: string, bases: PyClass[], module = 'builtins'): PyClass {
  const c = new PyClass(name, bases, module);
  c.mro = computeMro(c);
  if (c.mro.length === 1 && name !== 'object') c.mro.push(T.object);
  if (!c.native) c.native = bases.find((b) => b.native)?.native ?? null;
  classEpoch.value++; // native classes get their methods after this: no lookup cache may predate them
  return c;
}

function base(name: string, module = 'builtins'): PyClass {
  const c = new PyClass(name, name === 'object' ? [] : [T.object], module);
  c.mro = name === 'object' ? [c] : [c, T.object];
  return c;
}

/** The built-in types. Filled in order so that `object` exists first. */
export const T = {} as {
  object: PyClass; type: PyClass; int: PyClass; float: PyClass; bool: PyClass; str: PyClass; bytes: PyClass;
  list: PyClass; tuple: PyClass; dict: PyClass; set: PyClass; frozenset: PyClass; NoneType: PyClass;
  function: PyClass; builtin_function_or_method: PyClass; method: PyClass; module: PyClass; range: PyClass;
  slice: PyClass; property: PyClass; staticmethod: PyClass; classmethod: PyClass; super: PyClass;
  iterator: PyClass; generator: PyClass; cell: PyClass; NotImplementedType: PyClass; ellipsis: PyClass;
};
T.object = base('object');
for (const n of ['type', 'int', 'float', 'str', 'bytes', 'list', 'tuple', 'dict', 'set', 'frozenset', 'NoneType', 'function',
  'builtin_function_or_method', 'method', 'module', 'range', 'slice', 'property', 'staticmethod', 'classmethod', 'super',
  'iterator', 'generator', 'cell', 'NotImplementedType', 'ellipsis'] as const) {
  T[n] = base(n);
}
T.bool = new PyClass('bool', [T.int]);
T.bool.mro = [T.bool, T.int, T.object];

/** JS constructors of native objects → their Python class (engine types register here too). */
const registry = new Map<Function, PyClass>();

/** Declares the Python class of JS objects made by `ctor` (and its JS subclasses). */
export function registerNative(ctor: Function, cls: PyClass): void {
  registry.set(ctor, cls);
}

[[PyList, T.list], [PyTuple, T.tuple], [PyDict, T.dict], [PyModule, T.module], [PyRange, T.range], [PySlice, T.slice],
  [PyProperty, T.property], [PyStaticMethod, T.staticmethod], [PyClassMethod, T.classmethod], [PySuper, T.super],
  [PyIterator, T.iterator], [PyBuiltin, T.builtin_function_or_method], [BoundMethod, T.method], [Cell, T.cell],
  [PyClass, T.type]].forEach(([c, p]) => registerNative(c as Function, p as PyClass));

function nativeClassOf(v: object): PyClass {
  let proto = Object.getPrototypeOf(v);
  while (proto && proto !== Object.prototype) {
    const c = registry.get(proto.constructor);
    if (c) {
      if (proto !== Object.getPrototypeOf(v)) registry.set(Object.getPrototypeOf(v).constructor, c);
      return c;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return T.object;
}

/** type(v). */
export function typeOf(v: PyValue): PyClass {
  switch (typeof v) {
    case 'bigint': return T.int;
    case 'number': return T.float;
    case 'boolean': return T.bool;
    case 'string': return T.str;
    case 'symbol': return v === NotImplemented ? T.NotImplementedType : v === Ellipsis ? T.ellipsis : T.object;
    case 'object':
      if (v === null) return T.NoneType;
      // PySuper has a `cls` field too, but is a super object, not an instance of that class.
      if ((v as PyObject).cls instanceof PyClass && !(v instanceof PyModule) && !(v instanceof PySuper)) return (v as PyObject).cls;
      if (v instanceof PySet) return v.frozen ? T.frozenset : T.set;
      if (v instanceof Uint8Array) return T.bytes;
      return nativeClassOf(v);
    default: return T.object;
  }
}

/** isinstance(v, cls). */
export function isInstance(v: PyValue, cls: PyClass): boolean {
  const t = typeOf(v);
  return t === cls || t.mro.includes(cls);
}

/** Attribute names a class defines as methods of a native kind, for dir() and completion. */
export function classAttrNames(cls: PyClass): string[] {
  const names = new Set<string>();
  for (const c of cls.mro) for (const k of c.dict.keys()) names.add(k);
  return [...names];
}
