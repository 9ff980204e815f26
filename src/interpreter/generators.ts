// Generators: a generator function's body runs as a JS generator. Statements that contain
// `yield` run in generator mode here; all others run through the normal evaluator.
import * as A from './ast';
import { PyError, PyIterator, PyValue } from './objects';
import { PyException, excClass, excIs, pyErr } from './pyerrors';
import { Cancelled, Evaluator, toPyError } from './evaluator';
import { BREAK, Completion, Frame, NORMAL, RETURN } from './frame';
import type { PyFunction } from './function';
import { evalExpr } from './expr';
import { assignTo } from './targets_eval';
import { callValue } from './attrs';
import { iterate, truthy } from './convert';
import { contextMethods, findHandler, chain } from './control';
import { T, registerNative } from './types';

type Gen<R> = Generator<PyValue, R, PyValue>;

const FINISHED: Iterator<PyValue> = { next: () => ({ done: true, value: null }) };

/** A running generator; iterating it resumes the body. */
export class PyGenerator extends PyIterator {
  private done = false;
  private running = false;
  /** Whether the body has begun running (send() of a value needs a started generator). */
  started = false;

  constructor(readonly ev: Evaluator, readonly frame: Frame, private readonly body: Gen<PyValue>, readonly name: string) {
    super(FINISHED, 'generator');
    this.it = { next: () => this.step(() => this.body.next(null)) };
  }

  /** Resumes with `resume`; {done: true} when the generator returns (StopIteration). */
  private step(resume: () => IteratorResult<PyValue, PyValue>): IteratorResult<PyValue, PyValue> {
    if (this.done) return { done: true, value: null };
    if (this.running) throw pyErr('ValueError', 'generator already executing');
    this.running = true;
    this.started = true;
    this.ev.enter(this.frame);
    try {
      const r = resume();
      if (r.done) this.done = true;
      return r;
    } catch (e) {
      this.done = true;
      throw this.ev.unwind(e, this.frame);
    } finally {
      this.running = false;
      this.ev.leave(this.frame);
    }
  }

  /** generator.send(v): the next yielded value, or StopIteration carrying the return value. */
  send(v: PyValue): PyValue {
    const r = this.step(() => this.body.next(v));
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  /** generator.throw(exc): raises exc at the paused yield. */
  throw(exc: PyError): PyValue {
    if (this.done) throw exc;
    const r = this.step(() => this.body.throw(exc));
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  close(): void {
    if (this.done) return;
    try {
      this.throw(new PyError(new PyException(excClass('GeneratorExit'))));
    } catch (e) {
      if (e instanceof PyError && (excIs(e.exc, 'GeneratorExit') || excIs(e.exc, 'StopIteration'))) return;
      throw e;
    }
    throw pyErr('RuntimeError', 'generator ignored GeneratorExit');
  }
}
registerNative(PyGenerator, T.generator);

function stopIteration(value: PyValue): PyError {
  return new PyError(new PyException(excClass('StopIteration'), value === null ? [] : [value]));
}

/** Calling a generator function: the generator object, not yet started. */
export function runGeneratorFunction(ev: Evaluator, f: PyFunction, frame: Frame): PyGenerator {
  const node = f.code.node as A.FunctionDef;
  const body = function* (): Gen<PyValue> {
    const c = yield* execBodyG(ev, node.body, frame);
    return c === RETURN ? frame.returnValue : null;
  };
  return new PyGenerator(ev, frame, body(), f.qualname);
}

const yieldCache = new WeakMap<A.Node, boolean>();
const SCOPES = new Set(['FunctionDef', 'ClassDef', 'Lambda', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp']);

/** Does this node contain a yield in its own scope? */
function hasYield(n: A.Node): boolean {
  let r = yieldCache.get(n);
  if (r === undefined) {
    r = n.kind === 'Yield' || n.kind === 'YieldFrom' || A.children(n).some((c) => !SCOPES.has(c.kind) && hasYield(c));
    yieldCache.set(n, r);
  }
  return r;
}

function* execBodyG(ev: Evaluator, body: A.Stmt[], f: Frame): Gen<Completion> {
  for (const s of body) {
    const c = hasYield(s) ? yield* execStmtG(ev, s, f) : ev.execStmt(s, f);
    if (c !== NORMAL) return c;
  }
  return NORMAL;
}

function* evalG(ev: Evaluator, e: A.Expr, f: Frame): Gen<PyValue> {
  if (e.kind === 'Yield') return yield e.value ? evalExpr(ev, e.value, f) : null;
  if (e.kind === 'YieldFrom') {
    const inner = evalExpr(ev, e.value, f);
    if (inner instanceof PyGenerator) {
      for (let sent: PyValue = null; ;) {
        let v: PyValue;
        try { v = sent === null ? nextOrStop(inner) : inner.send(sent); } catch (err) {
          if (err instanceof PyError && excIs(err.exc, 'StopIteration')) return (err.exc as PyException).args[0] ?? null;
          throw err;
        }
        sent = yield v;
      }
    }
    const it = iterate(inner);
    for (let r = it.next(); !r.done; r = it.next()) yield r.value;
    return null;
  }
  if (hasYield(e)) throw pyErr('SyntaxError', "Gradscope supports 'yield' as a statement, in `x = yield v` and in `return (yield v)`, not inside a larger expression");
  return evalExpr(ev, e, f);
}

function nextOrStop(g: PyGenerator): PyValue {
  const r = g.it.next();
  if (r.done) throw stopIteration(r.value ?? null);
  return r.value;
}

function* execStmtG(ev: Evaluator, s: A.Stmt, f: Frame): Gen<Completion> {
  ev.beforeStmt(s, f);
  switch (s.kind) {
    case 'Expr': yield* evalG(ev, s.value, f); return NORMAL;
    case 'Assign': { const v = yield* evalG(ev, s.value, f); for (const t of s.targets) assignTo(ev, t, v, f); return NORMAL; }
    case 'Return': f.returnValue = s.value ? yield* evalG(ev, s.value, f) : null; return RETURN;
    case 'If': return truthy(yield* evalG(ev, s.test, f)) ? yield* execBodyG(ev, s.body, f) : yield* execBodyG(ev, s.orelse, f);
    case 'For': {
      const it = iterate(yield* evalG(ev, s.iter, f));
      for (let r = it.next(); !r.done; r = it.next()) {
        assignTo(ev, s.target, r.value, f);
        const c = yield* execBodyG(ev, s.body, f);
        if (c === BREAK) return NORMAL;
        if (c === RETURN) return c;
      }
      return yield* execBodyG(ev, s.orelse, f);
    }
    case 'While': {
      while (truthy(yield* evalG(ev, s.test, f))) {
        const c = yield* execBodyG(ev, s.body, f);
        if (c === BREAK) return NORMAL;
        if (c === RETURN) return c;
      }
      return yield* execBodyG(ev, s.orelse, f);
    }
    case 'Try': return yield* tryG(ev, s, f);
    case 'With': return yield* withG(ev, s, f, 0);
    default: throw pyErr('SyntaxError', `Gradscope does not support 'yield' inside this ${s.kind} statement`);
  }
}

function* tryG(ev: Evaluator, s: A.Try, f: Frame): Gen<Completion> {
  let c: Completion = NORMAL;
  try {
    let raised = false;
    try {
      c = yield* execBodyG(ev, s.body, f);
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      const pe = toPyError(e);
      const h = findHandler(ev, s, pe, f);
      if (!h) throw pe;
      raised = true;
      if (h.name) assignTo(ev, { kind: 'Name', id: h.name, ctx: 'store', range: h.range }, pe.exc, f);
      ev.handling.push(pe);
      try { c = yield* execBodyG(ev, h.body, f); } catch (e2) {
        if (!(e2 instanceof Cancelled)) { const p2 = toPyError(e2); chain(p2, pe); throw p2; }
        throw e2;
      } finally { ev.handling.pop(); }
    }
    if (!raised && c === NORMAL) c = yield* execBodyG(ev, s.orelse, f);
  } finally {
    if (s.finalbody.length) {
      const fc = yield* execBodyG(ev, s.finalbody, f);
      // eslint-disable-next-line no-unsafe-finally
      if (fc !== NORMAL) return fc;
    }
  }
  return c;
}

function* withG(ev: Evaluator, s: A.With, f: Frame, k: number): Gen<Completion> {
  if (k === s.items.length) return yield* execBodyG(ev, s.body, f);
  const item = s.items[k];
  const mgr = yield* evalG(ev, item.contextExpr, f);
  const [enter, exit] = contextMethods(mgr);
  const v = callValue(enter, [mgr]);
  if (item.optionalVars) assignTo(ev, item.optionalVars, v, f);
  let c: Completion;
  try {
    c = yield* withG(ev, s, f, k + 1);
  } catch (e) {
    if (e instanceof Cancelled) throw e;
    const pe = toPyError(e);
    if (!truthy(callValue(exit, [mgr, pe.exc.cls, pe.exc, null]))) throw pe;
    return NORMAL;
  }
  callValue(exit, [mgr, null, null, null]);
  return c;
}
