// contextlib: contextmanager (on top of generators, with CPython's __exit__ rules for
// StopIteration, RuntimeError and suppression), nullcontext, suppress, closing,
// redirect_stdout/redirect_stderr, ContextDecorator and a basic ExitStack.
import type { Interpreter } from '../interpreter';
import { Kwargs, PyBuiltin, PyClass, PyError, PyInstance, PyModule, PyStaticMethod, PyValue } from '../objects';
import { PyException, excIs, pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { OBJECT_NEW, callMethod, callValue, getattr, getattrOpt, instantiate } from '../attrs';
import { iterate, truthy } from '../convert';
import { Cancelled, toPyError } from '../evaluator';
import { PyGenerator } from '../generators';
import { builtin, makeModule, methods, nativeClass, nativeMethod } from '../native';

/** Runs `body` inside the context manager `cm`, as a `with` statement would. */
export function withContext(cm: PyValue, body: (entered: PyValue) => PyValue): PyValue {
  const t = typeOf(cm);
  const enter = t.lookup('__enter__'), exit = t.lookup('__exit__');
  if (enter === undefined || exit === undefined) throw pyErr('TypeError', `'${t.name}' object does not support the context manager protocol`);
  const v = callValue(enter, [cm]);
  let result: PyValue;
  try {
    result = body(v);
  } catch (e) {
    if (e instanceof Cancelled) throw e;
    const pe = toPyError(e);
    if (!truthy(callValue(exit, [cm, pe.exc.cls, pe.exc, null]))) throw pe;
    return null;
  }
  callValue(exit, [cm, null, null, null]);
  return result;
}

/** A function-like built-in: binds to instances when stored on a class, as a def would. */
function functionLike(name: string, wrapped: PyValue, impl: (a: PyValue[], kw: Kwargs | null) => PyValue): PyBuiltin {
  const b = nativeMethod(name, impl);
  b.dict = new Map([['__wrapped__', wrapped], ['__doc__', getattrOpt(wrapped, '__doc__') ?? null]]);
  return b;
}

/** ContextDecorator.__call__: the decorated function runs inside a fresh context each call. */
function decorate(fresh: () => PyValue, func: PyValue): PyBuiltin {
  const name = getattrOpt(func, '__name__');
  return functionLike(typeof name === 'string' ? name : 'inner', func, (a, kw) => withContext(fresh(), () => callValue(func, a, kw)));
}

class GenCM extends PyInstance {
  constructor(cls: PyClass, readonly gen: PyValue, readonly func: PyValue, readonly args: PyValue[], readonly kw: Kwargs | null) { super(cls); }
}

const GEN_CM = nativeClass('_GeneratorContextManager', { module: 'contextlib' });

function throwInto(gen: PyValue, exc: PyException): PyValue {
  if (gen instanceof PyGenerator) return gen.throw(new PyError(exc));
  return callMethod(gen, 'throw', [exc]);
}

function genExit(self: GenCM, typ: PyValue, value0: PyValue): boolean {
  const gen = self.gen;
  if (typ === null) {
    if (iterate(gen).next().done) return false;
    throw pyErr('RuntimeError', "generator didn't stop");
  }
  const value = value0 === null ? instantiate(typ as PyClass, [], null) : value0;
  try {
    throwInto(gen, value as PyException);
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    if (excIs(e.exc, 'StopIteration')) return e.exc !== value;
    if (excIs(e.exc, 'RuntimeError')) {
      if (e.exc === value) return false;
      if (value instanceof PyException && excIs(value, 'StopIteration') && e.exc.dict?.get('__cause__') === value) return false;
      throw e;
    }
    if (e.exc !== value) throw e;
    return false;
  }
  throw pyErr('RuntimeError', "generator didn't stop after throw()");
}

methods(GEN_CM, {
  __enter__: (self) => {
    const r = iterate((self as GenCM).gen).next();
    if (r.done) {
      const e = pyErr('RuntimeError', "generator didn't yield");
      e.exc.dict!.set('__suppress_context__', true);
      throw e;
    }
    return r.value;
  },
  __exit__: (self, a) => genExit(self as GenCM, a[0], a[1] ?? null),
  __call__: (self, a) => {
    const s = self as GenCM;
    return decorate(() => makeGenCM(s.func, s.args, s.kw), a[0]);
  },
});

function makeGenCM(func: PyValue, args: PyValue[], kw: Kwargs | null): GenCM {
  return new GenCM(GEN_CM, callValue(func, args, kw), func, args, kw);
}

/** @contextmanager. */
const contextmanager = builtin('contextmanager', (a) => {
  const func = a[0];
  const name = getattrOpt(func, '__name__');
  return functionLike(typeof name === 'string' ? name : 'helper', func, (args, kw) => makeGenCM(func, args, kw));
});

/** A native context manager class whose instances keep their constructor arguments. */
class Holder extends PyInstance {
  constructor(cls: PyClass, readonly args: PyValue[]) { super(cls); }
}

function holderClass(name: string, table: Parameters<typeof methods>[1]): PyClass {
  const cls = nativeClass(name, { module: 'contextlib' });
  cls.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a) => new Holder(a[0] as PyClass, a.slice(1)))));
  methods(cls, { __init__: () => null, ...table });
  return cls;
}

const args = (self: PyValue) => (self as Holder).args;

const NULLCONTEXT = holderClass('nullcontext', {
  __enter__: (self) => args(self)[0] ?? null,
  __exit__: () => null,
});

const SUPPRESS = holderClass('suppress', {
  __enter__: () => null,
  __exit__: (self, a) => a[0] instanceof PyClass && args(self).some((c) => c instanceof PyClass && (a[0] as PyClass).isSubclassOf(c)),
});

const CLOSING = holderClass('closing', {
  __enter__: (self) => args(self)[0],
  __exit__: (self) => { callMethod(args(self)[0], 'close', []); return null; },
});

const CONTEXT_DECORATOR = nativeClass('ContextDecorator', { module: 'contextlib' });
methods(CONTEXT_DECORATOR, {
  _recreate_cm: (self) => self,
  __call__: (self, a) => decorate(() => callMethod(self, '_recreate_cm', []), a[0]),
});

/** redirect_stdout / redirect_stderr: swap the interpreter's sink for the target's write(). */
function redirect(ip: Interpreter, which: 'stdout' | 'stderr'): PyClass {
  const saved: ((t: string) => void)[] = [];
  return holderClass(`redirect_${which}`, {
    __enter__: (self) => {
      const target = args(self)[0];
      saved.push(ip.opts[which]);
      ip.opts[which] = (t: string) => { callValue(getattr(target, 'write'), [t]); };
      return target;
    },
    __exit__: () => { const prev = saved.pop(); if (prev) ip.opts[which] = prev; return null; },
  });
}

/** ExitStack: callbacks and entered contexts unwound last-in first-out. */
class Stack extends PyInstance {
  exits: ((typ: PyValue, exc: PyValue) => boolean)[] = [];
}

const EXIT_STACK = nativeClass('ExitStack', { module: 'contextlib', kind: { create: (cls) => new Stack(cls) } });
EXIT_STACK.dict.set('__new__', OBJECT_NEW);
methods(EXIT_STACK, {
  __enter__: (self) => self,
  __exit__: (self, a) => unwindStack(self as Stack, a[0], a[1] ?? null),
  close: (self) => { unwindStack(self as Stack, null, null); return null; },
  enter_context: (self, a) => {
    const cm = a[0];
    const t = typeOf(cm);
    const enter = t.lookup('__enter__'), exit = t.lookup('__exit__');
    if (enter === undefined || exit === undefined) throw pyErr('TypeError', `'${t.name}' object does not support the context manager protocol`);
    const v = callValue(enter, [cm]);
    (self as Stack).exits.push((typ, exc) => truthy(callValue(exit, [cm, typ, exc, null])));
    return v;
  },
  callback: (self, a, kw) => {
    (self as Stack).exits.push(() => { callValue(a[0], a.slice(1), kw); return false; });
    return a[0];
  },
  push: (self, a) => {
    const cb = a[0];
    const exit = typeOf(cb).lookup('__exit__');
    (self as Stack).exits.push((typ, exc) => truthy(exit !== undefined ? callValue(exit, [cb, typ, exc, null]) : callValue(cb, [typ, exc, null])));
    return cb;
  },
  pop_all: (self) => {
    const s = new Stack(EXIT_STACK);
    s.exits = (self as Stack).exits;
    (self as Stack).exits = [];
    return s;
  },
});

function unwindStack(s: Stack, typ0: PyValue, exc0: PyValue): boolean {
  let typ = typ0, exc = exc0, suppressed = false, pending: PyError | null = null;
  while (s.exits.length) {
    const cb = s.exits.pop()!;
    try {
      if (cb(typ, exc)) { suppressed = true; typ = null; exc = null; pending = null; }
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      pending = toPyError(e);
      typ = pending.exc.cls;
      exc = pending.exc;
      suppressed = false;
    }
  }
  if (pending) throw pending;
  return suppressed && typ0 !== null;
}

const ABSTRACT_CM = nativeClass('AbstractContextManager', { module: 'contextlib' });
methods(ABSTRACT_CM, { __enter__: (self) => self, __exit__: () => null });

/** The `contextlib` module of one interpreter (redirect_stdout/stderr swap its sinks). */
export function makeContextlib(ip: Interpreter): PyModule {
  return makeModule('contextlib', {
    contextmanager, nullcontext: NULLCONTEXT, suppress: SUPPRESS, closing: CLOSING,
    redirect_stdout: redirect(ip, 'stdout'), redirect_stderr: redirect(ip, 'stderr'),
    ContextDecorator: CONTEXT_DECORATOR, ExitStack: EXIT_STACK,
    AbstractContextManager: ABSTRACT_CM,
    _GeneratorContextManager: GEN_CM,
  });
}
