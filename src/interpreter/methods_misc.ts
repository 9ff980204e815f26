// Methods of range, slice, iterators, generators, exceptions and object: range's start/stop/step,
// index, count and sequence dunders; slice.indices; __iter__/__next__; generator send/throw/close;
// BaseException's constructor and StopIteration.value; object.__init_subclass__/__format__/__dir__.
import { Kwargs, NativeProp, NotImplemented, PyClass, PyError, PyIterator, PyList, PyRange, PySlice, PyStaticMethod, PyTuple, PyValue } from './objects';
import { PyException, excClass, pyErr } from './pyerrors';
import { T, classAttrNames, isInstance, typeOf } from './types';
import { callValue, instanceDict } from './attrs';
import { contains, eq } from './arith';
import { addr, iterate, repr, str, toIndex } from './convert';
import { hashOf } from './hashing';
import { getitem, sliceIndices } from './subscript';
import { PyGenerator } from './generators';
import { builtin } from './native';
import { arg0, arg1, defClassMethods, defMethods, defProps, noArgs, oneArg } from './method_args';

const isRange = (v: PyValue): v is PyRange => v instanceof PyRange;
const isInt = (v: PyValue): v is bigint | boolean => typeof v === 'bigint' || typeof v === 'boolean';

/** Position of x in r, or -1 (ints by arithmetic, anything else by ==). */
function rangeIndex(r: PyRange, x: PyValue): number {
  if (isInt(x)) {
    const n = Number(x), k = (n - r.start) / r.step;
    return Number.isInteger(k) && k >= 0 && k < r.length ? k : -1;
  }
  for (let i = 0; i < r.length; i++) if (eq(BigInt(r.start + i * r.step), x)) return i;
  return -1;
}

function rangeHash(r: PyRange): bigint {
  const n = BigInt(r.length);
  const t = r.length === 0 ? [n, null, null] : r.length === 1 ? [n, BigInt(r.start), null] : [n, BigInt(r.start), BigInt(r.step)];
  return hashOf(new PyTuple(t));
}

function installRange(): void {
  defProps(T.range, { start: (r: PyRange) => BigInt(r.start), stop: (r: PyRange) => BigInt(r.stop), step: (r: PyRange) => BigInt(r.step) });
  defMethods(T.range, isRange, {
    index: (r, a, kw) => {
      const x = oneArg('range.index', a, kw), i = rangeIndex(r, x);
      if (i < 0) throw pyErr('ValueError', isInt(x) ? `${repr(x)} is not in range` : 'sequence.index(x): x not in sequence');
      return BigInt(i);
    },
    count: (r, a, kw) => {
      const x = oneArg('range.count', a, kw);
      if (isInt(x)) return rangeIndex(r, x) >= 0 ? 1n : 0n;
      let n = 0n;
      for (let i = 0; i < r.length; i++) if (eq(BigInt(r.start + i * r.step), x)) n++;
      return n;
    },
    __len__: (r, a, kw) => { arg0(a, kw); return BigInt(r.length); },
    __bool__: (r, a, kw) => { arg0(a, kw); return r.length > 0; },
    __getitem__: (r, a, kw) => getitem(r, arg1(a, kw)),
    __contains__: (r, a, kw) => contains(r, arg1(a, kw)),
    __iter__: (r, a, kw) => { arg0(a, kw); return new PyIterator(iterate(r), 'range_iterator'); },
    __reversed__: (r, a, kw) => {
      noArgs('range.__reversed__', a, kw);
      const n = r.length;
      return new PyIterator((function* () { for (let i = n - 1; i >= 0; i--) yield BigInt(r.start + i * r.step); })(), 'range_iterator');
    },
    __eq__: (r, a, kw) => { const o = arg1(a, kw); return o instanceof PyRange ? eq(r, o) : NotImplemented; },
    __ne__: (r, a, kw) => { const o = arg1(a, kw); return o instanceof PyRange ? !eq(r, o) : NotImplemented; },
    __hash__: (r, a, kw) => { arg0(a, kw); return rangeHash(r); },
  });
}

function installSlice(): void {
  defProps(T.slice, { start: (s: PySlice) => s.start, stop: (s: PySlice) => s.stop, step: (s: PySlice) => s.step });
  defMethods(T.slice, (v): v is PySlice => v instanceof PySlice, {
    indices: (s, a, kw) => {
      const n = toIndex(oneArg('slice.indices', a, kw));
      if (n < 0) throw pyErr('ValueError', 'length should not be negative');
      const r = sliceIndices(s, n);
      return new PyTuple([BigInt(r.start), BigInt(r.stop), BigInt(r.step)]);
    },
  });
}

/** The StopIteration a finished iterator raises, carrying a generator's return value. */
function stop(value: PyValue | undefined): PyError {
  return new PyError(new PyException(excClass('StopIteration'), value === undefined || value === null ? [] : [value]));
}

function next(it: PyIterator): PyValue {
  const r = it.it.next();
  if (r.done) throw stop(r.value);
  return r.value;
}

/** The exception generator.throw() raises: a class (instantiated with value) or an instance. */
function exceptionFrom(typ: PyValue, val: PyValue | undefined): PyError {
  const base = excClass('BaseException');
  if (typ instanceof PyClass && typ.isSubclassOf(base)) {
    if (val !== undefined && val !== null && isInstance(val, typ)) return new PyError(val as PyException);
    const args = val === undefined || val === null ? [] : val instanceof PyTuple ? [...val.items] : [val];
    return new PyError(callValue(typ, args) as PyException);
  }
  if (typ instanceof PyException) {
    if (val !== undefined && val !== null) throw pyErr('TypeError', 'instance exception may not have a separate value');
    return new PyError(typ);
  }
  throw pyErr('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).name}`);
}

function installIterators(): void {
  defMethods(T.iterator, (v): v is PyIterator => v instanceof PyIterator, {
    __iter__: (it, a, kw) => { arg0(a, kw); return it; },
    __next__: (it, a, kw) => { arg0(a, kw); return next(it); },
  });
  defMethods(T.generator, (v): v is PyGenerator => v instanceof PyGenerator, {
    __iter__: (g, a, kw) => { arg0(a, kw); return g; },
    __next__: (g, a, kw) => { arg0(a, kw); return next(g); },
    send: (g, a, kw) => {
      const v = oneArg('generator.send', a, kw);
      if (!g.started && v !== null) throw pyErr('TypeError', "can't send non-None value to a just-started generator");
      return g.send(v);
    },
    throw: (g, a, kw) => {
      if (kw && kw.size) throw pyErr('TypeError', 'generator.throw() takes no keyword arguments');
      if (a.length < 1 || a.length > 3) throw pyErr('TypeError', `throw expected at least 1 argument, got ${a.length}`);
      return g.throw(exceptionFrom(a[0], a[1]));
    },
    close: (g, a, kw) => { noArgs('generator.close', a, kw); g.close(); return null; },
    __repr__: (g, a, kw) => { arg0(a, kw); return `<generator object ${g.name} at ${addr(g)}>`; },
  });
}

function objectFormat(self: PyValue, a: PyValue[], kw: Kwargs | null): string {
  const spec = oneArg('object.__format__', a, kw);
  if (typeof spec !== 'string') throw pyErr('TypeError', `__format__() argument must be str, not ${typeOf(spec).name}`);
  if (spec) throw pyErr('TypeError', `unsupported format string passed to ${typeOf(self).name}.__format__`);
  return str(self);
}

function installObject(): void {
  defMethods(T.object, (v): v is PyValue => true, {
    __format__: objectFormat,
    __dir__: (o, a, kw) => {
      noArgs('object.__dir__', a, kw);
      const names = new Set<string>(instanceDict(o)?.keys() ?? []);
      for (const n of classAttrNames(o instanceof PyClass ? o : typeOf(o))) names.add(n);
      return new PyList([...names]);
    },
  });
  defClassMethods(T.object, {
    __init_subclass__: (cls, a, kw) => {
      if (kw && kw.size) throw pyErr('TypeError', `${cls.name}.__init_subclass__() takes no keyword arguments`);
      if (a.length) throw pyErr('TypeError', `${cls.name}.__init_subclass__() takes no arguments (${a.length} given)`);
      return null;
    },
  });
}

const isException = (v: PyValue): v is PyException => v instanceof PyException;

/** BaseException's constructor: __new__ records the arguments, __init__ (re)sets them. */
function installExceptions(): void {
  const base = excClass('BaseException');
  base.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a) => new PyException(a[0] as PyClass, a.slice(1)), 'BaseException.__new__')));
  defMethods(base, isException, {
    __init__: (e, a, kw) => {
      if (kw && kw.size) throw pyErr('TypeError', `${e.cls.name}() takes no keyword arguments`);
      e.dict.set('args', new PyTuple(a));
      return null;
    },
    with_traceback: (e, a, kw) => { oneArg('BaseException.with_traceback', a, kw); return e; },
  });
  // What an exception has before `raise … from`, an enclosing handler or a raise sets them.
  for (const [k, v] of [['__cause__', null], ['__context__', null], ['__suppress_context__', false], ['__traceback__', null]] as const) base.dict.set(k, v);
}

/** StopIteration.value: the first argument, or what was assigned. */
function installStopIteration(): void {
  const cls = excClass('StopIteration');
  cls.dict.set('value', new NativeProp(
    (e) => { const d = (e as PyException).dict; return d.has(' value') ? d.get(' value')! : (e as PyException).args[0] ?? null; },
    (e, v) => { (e as PyException).dict.set(' value', v); },
  ));
}

export function installMisc(): void {
  installExceptions();
  installStopIteration();
  installRange();
  installSlice();
  installIterators();
  installObject();
}
