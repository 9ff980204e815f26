// Shared plumbing for the methods of built-in types: self checks with CPython's descriptor
// errors, argument-count errors in CPython's several styles, and slice-index arguments.
import { Kwargs, NativeProp, PyClass, PyClassMethod, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { typeOf } from './types';
import { builtin, nativeMethod } from './native';
import { toIndex } from './convert';

export type Method<S> = (self: S, args: PyValue[], kw: Kwargs | null) => PyValue;

const isDunder = (name: string) => name.startsWith('__') && name.endsWith('__');

/** Installs native methods whose self must pass `is`, else CPython's descriptor TypeError. */
export function defMethods<S extends PyValue>(cls: PyClass, is: (v: PyValue) => v is S, table: Record<string, Method<S>>): void {
  for (const [name, f] of Object.entries(table)) {
    cls.dict.set(name, nativeMethod(name, (a, kw) => {
      if (!a.length) throw pyErr('TypeError', `unbound method ${cls.name}.${name}() needs an argument`);
      const self = a[0];
      if (!is(self)) {
        throw pyErr('TypeError', isDunder(name)
          ? `descriptor '${name}' requires a '${cls.name}' object but received a '${typeOf(self).name}'`
          : `descriptor '${name}' for '${cls.name}' objects doesn't apply to a '${typeOf(self).name}' object`);
      }
      return f(self, a.slice(1), kw);
    }, `${cls.name}.${name}`));
  }
}

/** Installs class methods (the class first). */
export function defClassMethods(cls: PyClass, table: Record<string, Method<PyClass>>): void {
  for (const [name, f] of Object.entries(table)) {
    cls.dict.set(name, new PyClassMethod(builtin(name, (a, kw) => f(a[0] as PyClass, a.slice(1), kw), `${cls.name}.${name}`)));
  }
}

/** Installs read-only properties. */
export function defProps<S extends PyValue>(cls: PyClass, table: Record<string, (self: S) => PyValue>): void {
  for (const [name, get] of Object.entries(table)) cls.dict.set(name, new NativeProp((v) => get(v as S)));
}

/** Rejects keyword arguments: "list.pop() takes no keyword arguments". */
export function noKwargs(qualname: string, kw: Kwargs | null): void {
  if (kw && kw.size) throw pyErr('TypeError', `${qualname}() takes no keyword arguments`);
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/** Argument Clinic's positional count check: "pop expected at most 1 argument, got 2". */
export function clinicArgs(qualname: string, args: PyValue[], kw: Kwargs | null, min: number, max: number): void {
  noKwargs(qualname, kw);
  const n = args.length, name = qualname.slice(qualname.indexOf('.') + 1);
  if (n >= min && n <= max) return;
  if (min === max) throw pyErr('TypeError', `${name} expected ${min} ${plural(min)}, got ${n}`);
  if (n < min) throw pyErr('TypeError', `${name} expected at least ${min} ${plural(min)}, got ${n}`);
  throw pyErr('TypeError', `${name} expected at most ${max} ${plural(max)}, got ${n}`);
}

/** PyArg_ParseTuple's count check: "find() takes at least 1 argument (0 given)". */
export function tupleArgs(qualname: string, args: PyValue[], kw: Kwargs | null, min: number, max: number): void {
  noKwargs(qualname, kw);
  const n = args.length, name = qualname.slice(qualname.indexOf('.') + 1);
  if (n >= min && n <= max) return;
  const how = min === max ? 'exactly' : n < min ? 'at least' : 'at most';
  const k = n < min ? min : max;
  throw pyErr('TypeError', `${name}() takes ${how} ${k} ${plural(k)} (${n} given)`);
}

/** A METH_NOARGS method: "list.copy() takes no arguments (1 given)". */
export function noArgs(qualname: string, args: PyValue[], kw: Kwargs | null): void {
  noKwargs(qualname, kw);
  if (args.length) throw pyErr('TypeError', `${qualname}() takes no arguments (${args.length} given)`);
}

/** A METH_O method: "list.append() takes exactly one argument (0 given)". */
export function oneArg(qualname: string, args: PyValue[], kw: Kwargs | null): PyValue {
  noKwargs(qualname, kw);
  if (args.length !== 1) throw pyErr('TypeError', `${qualname}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** A slice bound argument (start/end of find, count, …): an index, or null for None when allowed. */
export function sliceArg(v: PyValue | undefined, noneOk = true): number | null {
  if (v === undefined || (v === null && noneOk)) return null;
  if (typeof v === 'bigint' || typeof v === 'boolean' || (v !== null && typeof v === 'object' && typeOf(v).lookup('__index__') !== undefined)) {
    return toIndex(v);
  }
  throw pyErr('TypeError', `slice indices must be integers or ${noneOk ? 'None or ' : ''}have an __index__ method`);
}

/** CPython's ADJUST_INDICES: start and end clamped into [0, n] with negatives counted from the end. */
export function adjustIndices(start: number | null, end: number | null, n: number): [number, number] {
  let s = start ?? 0, e = end ?? n;
  if (e > n) e = n;
  else if (e < 0) { e += n; if (e < 0) e = 0; }
  if (s < 0) { s += n; if (s < 0) s = 0; }
  return [s, e];
}

/** An integer argument: int, bool or __index__, else "'str' object cannot be interpreted as an integer". */
export const intArg = (v: PyValue): number => toIndex(v);

/** A slot wrapper's (`__eq__`, `__len__`, …) single argument: "expected 1 argument, got 0". */
export function arg1(a: PyValue[], kw: Kwargs | null): PyValue {
  if (kw && kw.size) throw pyErr('TypeError', 'wrapper takes no keyword arguments');
  if (a.length !== 1) throw pyErr('TypeError', `expected 1 argument, got ${a.length}`);
  return a[0];
}

/** A slot wrapper that takes no arguments: "expected 0 arguments, got 1". */
export function arg0(a: PyValue[], kw: Kwargs | null): void {
  if (kw && kw.size) throw pyErr('TypeError', 'wrapper takes no keyword arguments');
  if (a.length) throw pyErr('TypeError', `expected 0 arguments, got ${a.length}`);
}
