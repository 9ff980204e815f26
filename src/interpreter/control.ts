// try/except/else/finally, with, raise — in normal (non-generator) execution.
import type * as A from './ast';
import { PyClass, PyError, PyObject, PyTuple, PyValue } from './objects';
import { PyException, pyErr } from './pyerrors';
import { Cancelled, Evaluator, toPyError } from './evaluator';
import { Completion, Frame, NORMAL } from './frame';
import { evalExpr } from './expr';
import { assignTo, storeName } from './targets_eval';
import { callValue, instantiate } from './attrs';
import { truthy } from './convert';
import { typeOf } from './types';
import { deleteTarget } from './targets_eval';

/** Whether exception `exc` matches an except clause's type expression value. */
export function excMatches(exc: PyObject, t: PyValue): boolean {
  if (t instanceof PyClass) return exc.cls.isSubclassOf(t);
  if (t instanceof PyTuple) return t.items.some((x) => excMatches(exc, x));
  throw pyErr('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
}

/** The handler clause that catches `pe`, evaluating clause types in order. */
export function findHandler(ev: Evaluator, s: A.Try, pe: PyError, f: Frame): A.ExceptHandler | null {
  for (const h of s.handlers) {
    if (!h.type || excMatches(pe.exc, evalExpr(ev, h.type, f))) return h;
  }
  return null;
}

/** Records that `next` was raised while handling `prev` (Python's __context__). */
export function chain(next: PyError, prev: PyError): void {
  if (next.exc === prev.exc || !next.exc.dict) return;
  if (!next.exc.dict.has('__context__')) next.exc.dict.set('__context__', prev.exc);
}

export function runHandler(ev: Evaluator, h: A.ExceptHandler, pe: PyError, f: Frame): Completion {
  if (h.name) storeName(f, h.name, pe.exc);
  ev.handling.push(pe);
  try {
    return ev.execBody(h.body, f);
  } catch (e) {
    if (!(e instanceof Cancelled)) { const pe2 = toPyError(e); chain(pe2, pe); throw pe2; }
    throw e;
  } finally {
    ev.handling.pop();
    if (h.name) deleteName(ev, h.name, f);
  }
}

function deleteName(ev: Evaluator, name: string, f: Frame): void {
  try { deleteTarget(ev, { kind: 'Name', id: name, ctx: 'del', range: { line: 0, col: 0, endLine: 0, endCol: 0 } }, f); } catch { /* already unbound */ }
}

export function execTry(ev: Evaluator, s: A.Try, f: Frame): Completion {
  let c: Completion = NORMAL;
  try {
    let raised = false;
    try {
      c = ev.execBody(s.body, f);
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      // The traceback of a caught exception includes the frame that catches it, as CPython's.
      const pe = ev.unwind(e, f) as PyError;
      const h = findHandler(ev, s, pe, f);
      if (!h) throw pe;
      raised = true;
      c = runHandler(ev, h, pe, f);
    }
    if (!raised && c === NORMAL) c = ev.execBody(s.orelse, f);
  } finally {
    if (s.finalbody.length) {
      const fc = ev.execBody(s.finalbody, f);
      // A return/break/continue in finally wins over the pending outcome, as in Python.
      // eslint-disable-next-line no-unsafe-finally
      if (fc !== NORMAL) return fc;
    }
  }
  return c;
}

/** The bound __enter__ / __exit__ of a context manager. */
export function contextMethods(mgr: PyValue): [PyValue, PyValue] {
  const t = typeOf(mgr);
  const enter = t.lookup('__enter__'), exit = t.lookup('__exit__');
  if (enter === undefined || exit === undefined) {
    throw pyErr('TypeError', `'${t.name}' object does not support the context manager protocol`);
  }
  return [enter, exit];
}

export function execWith(ev: Evaluator, s: A.With, f: Frame, k = 0): Completion {
  if (k === s.items.length) return ev.execBody(s.body, f);
  const item = s.items[k];
  const mgr = evalExpr(ev, item.contextExpr, f);
  const [enter, exit] = contextMethods(mgr);
  const v = callValue(enter, [mgr]);
  if (item.optionalVars) assignTo(ev, item.optionalVars, v, f);
  let c: Completion;
  try {
    c = execWith(ev, s, f, k + 1);
  } catch (e) {
    if (e instanceof Cancelled) throw e;
    const pe = toPyError(e);
    if (!truthy(callValue(exit, [mgr, pe.exc.cls, pe.exc, null]))) throw pe;
    return NORMAL;
  }
  callValue(exit, [mgr, null, null, null]);
  return c;
}

/** The PyError a raise statement throws. */
export function raiseStmt(ev: Evaluator, s: A.Raise, f: Frame): PyError {
  if (!s.exc) {
    const cur = ev.handling[ev.handling.length - 1];
    return cur ?? pyErr('RuntimeError', 'No active exception to reraise');
  }
  const exc = toException(evalExpr(ev, s.exc, f));
  if (s.cause) {
    const cv = evalExpr(ev, s.cause, f);
    exc.dict.set('__cause__', cv === null ? null : toException(cv));
    exc.dict.set('__suppress_context__', true);
  }
  const pe = new PyError(exc);
  const cur = ev.handling[ev.handling.length - 1];
  if (cur) chain(pe, cur);
  return pe;
}

/** An exception instance from `raise X` (a class is instantiated). */
export function toException(v: PyValue): PyException {
  const e = v instanceof PyClass ? instantiate(v, [], null) : v;
  if (!(e instanceof PyException)) throw pyErr('TypeError', 'exceptions must derive from BaseException');
  return e;
}
