// Helpers to define built-in functions, native classes, methods and properties.
import { Kwargs, NativeKind, NativeProp, PyBuiltin, PyClass, PyClassMethod, PyModule, PyStaticMethod, PyTuple, PyValue, classEpoch } from './objects';
import { pyErr } from './pyerrors';
import { T, makeClass, registerNative } from './types';

export type Impl = (args: PyValue[], kw: Kwargs | null) => PyValue;

/** A built-in function. */
export function builtin(name: string, impl: Impl, qualname = name): PyBuiltin {
  return new PyBuiltin(name, impl, undefined, qualname);
}

/** A native method (binds to instances; `args[0]` is self). */
export function nativeMethod(name: string, impl: Impl, qualname = name): PyBuiltin {
  const b = new PyBuiltin(name, impl, undefined, qualname);
  b.isMethod = true;
  return b;
}

/**
 * Matches positional and keyword arguments to parameter names, as a Python signature
 * `f(a, b, c=…)` would: `required` leading names are mandatory; missing optional ones are
 * undefined. Extra positionals are an error unless `rest` is set (then returned separately).
 */
export function parseArgs(fname: string, args: readonly PyValue[], kw: Kwargs | null, names: readonly string[], required = names.length): (PyValue | undefined)[] {
  if (args.length > names.length) {
    throw pyErr('TypeError', `${fname}() takes ${required === names.length ? '' : 'at most '}${names.length} positional argument${names.length === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  const out: (PyValue | undefined)[] = names.map((_, i) => (i < args.length ? args[i] : undefined));
  if (kw) {
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw pyErr('TypeError', `${fname}() got an unexpected keyword argument '${k}'`);
      if (out[i] !== undefined) throw pyErr('TypeError', `${fname}() got multiple values for argument '${k}'`);
      out[i] = v;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) throw pyErr('TypeError', `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/** Rejects keyword arguments for functions that take none. */
export function noKw(fname: string, kw: Kwargs | null): void {
  if (kw && kw.size) throw pyErr('TypeError', `${fname}() takes no keyword arguments`);
}

export interface NativeClassOptions {
  module?: string;
  bases?: PyClass[];
  /** JS constructors whose instances have this Python type. */
  ctors?: Function[];
  kind?: NativeKind;
  doc?: string;
}

/** A Python class for native JS objects. */
export function nativeClass(name: string, opts: NativeClassOptions = {}): PyClass {
  const c = makeClass(name, opts.bases ?? [T.object], opts.module ?? 'builtins');
  if (opts.kind) c.native = opts.kind;
  if (opts.doc) c.doc = opts.doc;
  for (const ctor of opts.ctors ?? []) registerNative(ctor, c);
  return c;
}

/** Adds native methods: `methods(cls, { name(self, args, kw) { … } })`. */
export function methods(cls: PyClass, table: Record<string, (self: PyValue, args: PyValue[], kw: Kwargs | null) => PyValue>): void {
  classEpoch.value++;
  for (const [name, f] of Object.entries(table)) {
    cls.dict.set(name, nativeMethod(name, (a, kw) => f(a[0], a.slice(1), kw), `${cls.name}.${name}`));
  }
}

/** Adds static methods (no self). */
export function staticMethods(cls: PyClass, table: Record<string, Impl>): void {
  for (const [name, f] of Object.entries(table)) cls.dict.set(name, new PyStaticMethod(builtin(name, f, `${cls.name}.${name}`)));
}

/** Adds class methods (cls first). */
export function classMethods(cls: PyClass, table: Record<string, (cls: PyValue, args: PyValue[], kw: Kwargs | null) => PyValue>): void {
  for (const [name, f] of Object.entries(table)) cls.dict.set(name, new PyClassMethod(builtin(name, (a, kw) => f(a[0], a.slice(1), kw), `${cls.name}.${name}`)));
}

/** Adds native properties: `props(cls, { shape: [get, set?] })`. */
export function props(cls: PyClass, table: Record<string, [(self: PyValue) => PyValue, ((self: PyValue, v: PyValue) => void)?]>): void {
  for (const [name, [get, set]] of Object.entries(table)) cls.dict.set(name, new NativeProp(get, set ?? null));
}

/** A module object with the given members. */
export function makeModule(name: string, members: Record<string, PyValue> | Map<string, PyValue>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of members instanceof Map ? members : Object.entries(members)) m.dict.set(k, v);
  return m;
}

/** A tuple from JS values. */
export const tuple = (...items: PyValue[]) => new PyTuple(items);
