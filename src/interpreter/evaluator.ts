// The evaluator: runs modules and function bodies statement by statement, with tracing
// hooks for the debugger, cancellation, the recursion limit and Python tracebacks.
import type * as A from './ast';
import { EngineError } from '../engine/errors';
import { RandomError } from '../engine/random';
import { Kwargs, PyError, PyModule, PyValue } from './objects';
import { FunctionRunner, PyFunction, bindArgs } from './function';
import { PyException, excClass as excClassByName, pyErr } from './pyerrors';
import { analyse, ScopeInfo } from './scope';
import { parse } from './parser';
import { BREAK, CONTINUE, Completion, Frame, NORMAL, RETURN } from './frame';
import { evalExpr } from './expr';
import { assignTo, augAssign, deleteTarget } from './targets_eval';
import { defineClass, defineFunction } from './defs';
import { runGeneratorFunction } from './generators';
import { execImport, execImportFrom } from './imports';
import { execTry, execWith, raiseStmt } from './control';
import { truthy, iterate } from './convert';
import type { Interpreter } from './interpreter';

/** Debugger callbacks; each may block (e.g. Atomics.wait in a worker) to pause execution. */
export interface Tracer {
  line(frame: Frame): void;
  call?(frame: Frame): void;
  ret?(frame: Frame, value: PyValue): void;
  exception?(frame: Frame, err: PyError): void;
}

/** Thrown to stop a run on request (not catchable by Python code). */
export class Cancelled extends Error {
  constructor() { super('cancelled'); }
}

export class Evaluator implements FunctionRunner {
  current: Frame | null = null;
  depth = 0;
  tracer: Tracer | null = null;
  /** Exceptions being handled (for bare `raise` and __context__). */
  readonly handling: PyError[] = [];
  /** Statements until the next cancellation check. */
  private budget = 1024;
  readonly scopes = new Map<A.Node, ScopeInfo>();

  constructor(readonly ip: Interpreter) {}

  /** Runs a module's code in `mod`'s namespace. */
  runModule(tree: A.Module, mod: PyModule, file: string): void {
    for (const [n, s] of analyse(tree)) this.scopes.set(n, s);
    const info = this.scopes.get(tree)!;
    const frame = new Frame('<module>', file, info, [], mod.dict, mod.dict, this.current);
    this.enter(frame);
    try {
      this.execBody(tree.body, frame);
    } catch (e) {
      throw this.unwind(e, frame);
    } finally {
      this.leave(frame);
    }
  }

  /**
   * Evaluates source (an expression, or statements) in the context of `frame` — its locals,
   * then globals — without tracing. Returns the expression's value (None for statements).
   */
  evalSource(source: string, frame: Frame | null, globals: Map<string, PyValue>): PyValue {
    const tree = parse(source, '<string>');
    for (const [n, s] of analyse(tree)) this.scopes.set(n, s);
    const ns = frame ? frame.locals() : globals;
    const f = new Frame('<module>', '<string>', this.scopes.get(tree)!, [], ns, frame?.globals ?? globals, null);
    const tracer = this.tracer;
    this.tracer = null;
    const saved = this.current;
    try {
      if (tree.body.length === 1 && tree.body[0].kind === 'Expr') return evalExpr(this, tree.body[0].value, f);
      this.execBody(tree.body, f);
      return null;
    } finally {
      this.tracer = tracer;
      this.current = saved;
    }
  }

  enter(frame: Frame): void {
    if (++this.depth > this.ip.limits.recursion) {
      this.depth--;
      throw pyErr('RecursionError', 'maximum recursion depth exceeded');
    }
    frame.back = this.current;
    this.current = frame;
    if (this.tracer?.call) this.tracer.call(frame);
  }

  leave(frame: Frame): void {
    this.depth--;
    this.current = frame.back;
  }

  /** Converts any JS error to a PyError and records this frame in its traceback. */
  unwind(e: unknown, frame: Frame): unknown {
    if (e instanceof Cancelled) return e;
    const pe = toPyError(e);
    const exc = pe.exc as PyException;
    if (exc.traceback && (exc.traceback.length === 0 || exc.traceback[0].frame !== frame)) {
      exc.traceback.unshift({ file: frame.file, line: frame.line, name: frame.name, frame, node: frame.node });
    }
    if (this.tracer?.exception && exc.traceback.length === 1) this.tracer.exception(frame, pe);
    return pe;
  }

  /** FunctionRunner: calls a Python function. */
  callFunction(f: PyFunction, args: PyValue[], kw: Kwargs | null): PyValue {
    const slots = bindArgs(f, args, kw);
    const info = f.code.info;
    const frame = new Frame(f.name, f.code.file, info, slots, null, f.globals, null, f);
    if (info.isGenerator) return runGeneratorFunction(this, f, frame);
    this.enter(frame);
    try {
      const node = f.code.node;
      if (node.kind === 'Lambda') return evalExpr(this, node.body, frame);
      const c = this.execBody(node.body, frame);
      const value = c === RETURN ? frame.returnValue : null;
      if (this.tracer?.ret) this.tracer.ret(frame, value);
      return value;
    } catch (e) {
      throw this.unwind(e, frame);
    } finally {
      this.leave(frame);
    }
  }

  execBody(body: A.Stmt[], frame: Frame): Completion {
    for (let i = 0; i < body.length; i++) {
      const c = this.execStmt(body[i], frame);
      if (c !== NORMAL) return c;
    }
    return NORMAL;
  }

  /** Marks s as the frame's current statement, checks for cancellation, tells the tracer. */
  beforeStmt(s: A.Stmt, f: Frame): void {
    f.stmt = s;
    f.node = null;
    if (--this.budget <= 0) this.checkpoint();
    if (this.tracer) this.tracer.line(f);
  }

  execStmt(s: A.Stmt, f: Frame): Completion {
    this.beforeStmt(s, f);
    switch (s.kind) {
      case 'Expr': {
        const v = evalExpr(this, s.value, f);
        if (this.ip.interactive && v !== null) this.ip.display(v);
        return NORMAL;
      }
      case 'Assign': {
        const v = evalExpr(this, s.value, f);
        for (const t of s.targets) assignTo(this, t, v, f);
        return NORMAL;
      }
      case 'AugAssign': augAssign(this, s, f); return NORMAL;
      case 'AnnAssign': if (s.value) assignTo(this, s.target, evalExpr(this, s.value, f), f); return NORMAL;
      case 'If': return truthy(evalExpr(this, s.test, f)) ? this.execBody(s.body, f) : this.execBody(s.orelse, f);
      case 'For': return this.execFor(s, f);
      case 'While': return this.execWhile(s, f);
      case 'Return': f.returnValue = s.value ? evalExpr(this, s.value, f) : null; return RETURN;
      case 'Pass': case 'Global': case 'Nonlocal': return NORMAL;
      case 'Break': return BREAK;
      case 'Continue': return CONTINUE;
      case 'FunctionDef': assignTo(this, nameNode(s), defineFunction(this, s, f), f); return NORMAL;
      case 'ClassDef': assignTo(this, nameNode(s), defineClass(this, s, f), f); return NORMAL;
      case 'Try': return execTry(this, s, f);
      case 'With': return execWith(this, s, f);
      case 'Raise': { const e = raiseStmt(this, s, f); f.node = s; throw e; }
      case 'Assert': {
        if (!truthy(evalExpr(this, s.test, f))) {
          throw s.msg ? new PyError(new PyException(excClassByName('AssertionError'), [evalExpr(this, s.msg, f)])) : pyErr('AssertionError');
        }
        return NORMAL;
      }
      case 'Delete': for (const t of s.targets) deleteTarget(this, t, f); return NORMAL;
      case 'Import': execImport(this, s, f); return NORMAL;
      case 'ImportFrom': execImportFrom(this, s, f); return NORMAL;
    }
  }

  private execFor(s: A.For, f: Frame): Completion {
    const it = iterate(evalExpr(this, s.iter, f));
    for (let r = it.next(), first = true; !r.done; r = it.next(), first = false) {
      // Each iteration passes the header again, as CPython's line events do.
      if (!first && this.tracer) { f.stmt = s; this.tracer.line(f); }
      assignTo(this, s.target, r.value, f);
      const c = this.execBody(s.body, f);
      if (c === BREAK) return NORMAL;
      if (c === RETURN) return c;
    }
    return this.execBody(s.orelse, f);
  }

  private execWhile(s: A.While, f: Frame): Completion {
    while (truthy(evalExpr(this, s.test, f))) {
      const c = this.execBody(s.body, f);
      if (c === BREAK) return NORMAL;
      if (c === RETURN) return c;
      f.stmt = s;
      if (this.tracer) this.tracer.line(f);
    }
    return this.execBody(s.orelse, f);
  }

  /** Every 1024 statements: honour cancellation and let the host breathe. */
  private checkpoint(): void {
    this.budget = 1024;
    this.ip.checkpoint();
  }
}

const nameCache = new WeakMap<A.Node, A.Name>();
/** The Name node a def/class statement binds (with the statement's scope access). */
function nameNode(s: A.FunctionDef | A.ClassDef): A.Name {
  let n = nameCache.get(s);
  if (!n) { n = { kind: 'Name', id: s.name, ctx: 'store', range: s.nameRange }; nameCache.set(s, n); }
  return n;
}


const OS_ERRORS = new Set(['OSError', 'PermissionError', 'FileNotFoundError', 'FileExistsError', 'IsADirectoryError', 'NotADirectoryError']);
const ERRNO: Record<string, [string, number, string]> = {
  ENOENT: ['FileNotFoundError', 2, 'No such file or directory'], EACCES: ['PermissionError', 13, 'Permission denied'],
  EPERM: ['PermissionError', 1, 'Operation not permitted'], EISDIR: ['IsADirectoryError', 21, 'Is a directory'],
  ENOTDIR: ['NotADirectoryError', 20, 'Not a directory'], EEXIST: ['FileExistsError', 17, 'File exists'],
};

/**
 * A host's file error as Python's OSError: a file sink may throw an Error named after the
 * Python class (its message is Python's), or pass on a Node-style error with an errno code.
 */
export function hostFileError(e: Error): PyError | null {
  if (OS_ERRORS.has(e.name)) return pyErr(e.name, e.message);
  const code = (e as { code?: unknown }).code, path = (e as { path?: unknown }).path;
  const known = typeof code === 'string' ? ERRNO[code] : undefined;
  if (!known) return null;
  return pyErr(known[0], `[Errno ${known[1]}] ${known[2]}${typeof path === 'string' ? `: '${path}'` : ''}`);
}

/** Any JS error as a Python exception. */
export function toPyError(e: unknown): PyError {
  if (e instanceof PyError) return e;
  if (e instanceof EngineError) {
    const name = e.pyType === 'AxisError' ? 'AxisError' : e.pyType;
    const pe = pyErr(name, e.message);
    if (e.op) (pe.exc as PyException).traceback.push({ file: '<dezero>', line: 0, name: e.op, frame: null });
    return pe;
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) return pyErr('RecursionError', 'maximum recursion depth exceeded');
  if (e instanceof RandomError) return pyErr(e.pyType, e.message);
  const os = e instanceof Error ? hostFileError(e) : null;
  if (os) return os;
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return pyErr('SystemError', `internal error in Gradscope: ${msg}`);
}
