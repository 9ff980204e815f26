// The debug core: runs beside the interpreter (same thread), decides where to stop
// (entry, breakpoints with conditions, step over/in/out, pause, uncaught exceptions,
// each function's backward during backprop stepping) and answers inspection requests
// while stopped. The host supplies the blocking wait.
import { Config, EngineObserver, Function as EFunction, Variable as EVariable } from '../engine/core';
import { Interpreter } from '../interpreter/interpreter';
import { Cancelled, Tracer } from '../interpreter/evaluator';
import { Frame } from '../interpreter/frame';
import { PyError, PyValue } from '../interpreter/objects';
import { PyException } from '../interpreter/pyerrors';
import { PySyntaxError } from '../interpreter/errors';
import { str, truthy } from '../interpreter/convert';
import { Handles, row, safeRepr } from './inspect';
import type { BreakpointSpec, Request, Response, ResumeKind, StackFrameInfo, StopReason, StoppedEvent } from './messages';

/** What the core needs from its host. */
export interface CoreHost {
  /** Blocks until the next request arrives (called only while stopped). */
  waitForRequest(): Request;
  /** A request that arrived while running, if any (non-blocking). */
  pollRequest(): Request | null;
  respond(r: Response): void;
  stopped(e: StoppedEvent): void;
  continued(): void;
  /** True when the client asked to stop the run. */
  cancelled(): boolean;
}

/** A stop point for backprop stepping: one function, before or after its backward. */
interface BackpropStop { f: EFunction; phase: 'before' | 'after'; gys: (EVariable | null)[]; gxs: (EVariable | null)[] | null }

export class DebugCore implements Tracer {
  private readonly breakpoints = new Map<string, Map<number, string | null>>();
  private mode: ResumeKind = 'continue';
  /** Frame depth when the last step began (steps compare against it). */
  private stepDepth = 0;
  private stopOnNext = false;
  private pauseRequested = false;
  private readonly handles = new Handles();
  private frames: { frame: Frame | null; info: StackFrameInfo; bp?: BackpropStop }[] = [];
  private backprop: BackpropStop | null = null;
  /** Set from the first backprop stop until that backward() returns. */
  private backpropActive = false;
  /** Frames of an uncaught exception, kept for the final stop. */
  private postMortem: Frame[] | null = null;
  /** Where a SyntaxError is, when the script never ran (no frames to show it in). */
  private errorSite: StackFrameInfo | null = null;

  constructor(readonly ip: Interpreter, private readonly host: CoreHost, readonly onStop: (reason: StopReason) => void = () => {}) {}

  setBreakpoints(file: string, specs: BreakpointSpec[]): { line: number; verified: boolean }[] {
    const m = new Map<number, string | null>();
    for (const s of specs) m.set(s.line, s.condition?.trim() || null);
    this.breakpoints.set(file, m);
    return specs.map((s) => ({ line: s.line, verified: true }));
  }

  requestPause(): void { this.pauseRequested = true; }

  /** Arms the first stop (stopOnEntry). */
  stopAtEntry(): void { this.stopOnNext = true; }

  // ── tracer ───────────────────────────────────────────────────────────────

  /** The last line event's frame and line: stops happen only when the line changes. */
  private prevFrame: Frame | null = null;
  private prevLine = -1;

  line(frame: Frame): void {
    this.serviceWhileRunning();
    const newLine = frame !== this.prevFrame || frame.line !== this.prevLine;
    this.prevFrame = frame;
    this.prevLine = frame.line;
    const reason = this.shouldStop(frame, newLine);
    if (reason) this.stop(reason, frame);
  }

  /** Answers requests that arrived while running (also called at checkpoints when not tracing). */
  poll(): void { this.serviceWhileRunning(); }

  private serviceWhileRunning(): void {
    if (this.host.cancelled()) throw new Cancelled();
    for (let r = this.host.pollRequest(); r; r = this.host.pollRequest()) {
      if (r.kind === 'pause') { this.pauseRequested = true; this.host.respond({ ok: true, body: null }); }
      else this.host.respond(this.handle(r));
    }
  }

  private depth(frame: Frame | null): number {
    let d = 0;
    for (let f = frame; f; f = f.back) d++;
    return d;
  }

  private shouldStop(frame: Frame, newLine: boolean): StopReason | null {
    if (this.stopOnNext) { this.stopOnNext = false; return 'entry'; }
    if (this.pauseRequested) { this.pauseRequested = false; return 'pause'; }
    if (!newLine) return null;
    const bps = this.breakpoints.get(frame.file);
    if (bps && bps.has(frame.line)) {
      const cond = bps.get(frame.line)!;
      if (cond === null || this.conditionHolds(cond, frame)) return 'breakpoint';
    }
    switch (this.mode) {
      case 'stepIn': return 'step';
      case 'stepOver': return this.depth(frame) <= this.stepDepth ? 'step' : null;
      case 'stepOut': return this.depth(frame) < this.stepDepth ? 'step' : null;
      default: return null;
    }
  }

  private conditionHolds(cond: string, frame: Frame): boolean {
    try { return truthy(this.ip.ev.evalSource(cond, frame, frame.globals)); } catch { return true; }
  }

  // ── stopping ─────────────────────────────────────────────────────────────

  private stop(reason: StopReason, frame: Frame | null, text?: string): void {
    this.collectFrames(frame);
    const top = this.frames[0]?.info;
    this.onStop(reason);
    this.host.stopped({ type: 'stopped', reason, line: top?.line ?? 0, file: top?.file ?? '', text, functionId: this.backprop?.f.id });
    for (;;) {
      const r = this.host.waitForRequest();
      if (r.kind === 'resume') { this.resume(r.how, frame); this.host.respond({ ok: true, body: null }); return; }
      if (r.kind === 'pause') { this.host.respond({ ok: true, body: null }); continue; }
      this.host.respond(this.handle(r));
    }
  }

  private resume(how: ResumeKind, frame: Frame | null): void {
    this.mode = how;
    this.stepDepth = this.depth(this.frames.find((f) => f.frame)?.frame ?? frame);
    this.handles.reset();
    this.host.continued();
  }

  private collectFrames(frame: Frame | null): void {
    this.frames = [];
    let id = 1;
    if (this.backprop) {
      const { f, phase } = this.backprop;
      const site = f.site;
      const gen = `gen ${f.generation}`;
      this.frames.push({
        frame: null, bp: this.backprop,
        info: { id: id++, name: `${f.name}.backward · ${gen}${phase === 'after' ? ' (done)' : ''}`, file: site?.file ?? frame?.file ?? '', line: site?.line ?? frame?.line ?? 0, col: site?.col ?? 0, endLine: site?.endLine ?? 0, endCol: site?.endCol ?? 0, synthetic: { functionId: f.id, phase } },
      });
    }
    if (this.errorSite) this.frames.push({ frame: null, info: { ...this.errorSite, id: id++ } });
    const chain = this.postMortem ?? [];
    if (!this.postMortem) for (let f = frame; f; f = f.back) chain.push(f);
    for (const f of chain) {
      const r = f.stmt?.range;
      this.frames.push({ frame: f, info: { id: id++, name: f.qualname, file: f.file, line: r?.line ?? 0, col: r?.col ?? 0, endLine: r?.endLine ?? 0, endCol: r?.endCol ?? 0 } });
    }
  }

  /** An uncaught exception: stop at the frames where it was raised (post mortem). */
  stopOnException(err: PyError): void {
    const exc = err.exc as PyException;
    const frames = exc.traceback.map((t) => t.frame).filter((f): f is Frame => f instanceof Frame).reverse();
    this.postMortem = frames;
    this.backprop = null;
    this.errorSite = frames.length ? null : syntaxSite(exc);
    try {
      this.stop('exception', frames[0] ?? null, `${exc.cls.name}: ${safeStr(exc)}`);
    } finally {
      this.postMortem = null;
      this.errorSite = null;
    }
  }

  // ── backprop stepping ────────────────────────────────────────────────────

  /** The engine observer that turns each backward step into a stop while stepping in. */
  observer(next: EngineObserver | null): EngineObserver {
    const self = this;
    return {
      functionApplied: next?.functionApplied?.bind(next),
      backwardStart: next?.backwardStart?.bind(next),
      backwardEnd(root) {
        next?.backwardEnd?.(root);
        self.backpropActive = false;
      },
      beforeBackwardStep(f, gys) {
        next?.beforeBackwardStep?.(f, gys);
        self.backpropStop({ f, phase: 'before', gys, gxs: null });
      },
      backwardStep(f, gys, gxs) {
        next?.backwardStep?.(f, gys, gxs);
        self.backpropStop({ f, phase: 'after', gys, gxs });
      },
    };
  }

  private backpropStop(bp: BackpropStop): void {
    if (this.host.cancelled()) throw new Cancelled();
    const stepping = this.mode === 'stepIn' || (this.mode === 'stepOver' && this.backpropActive);
    if (!stepping && !this.pauseRequested) return;
    this.pauseRequested = false;
    this.backpropActive = true;
    const current = this.ip.ev.current;
    this.backprop = bp;
    try {
      this.stop('backprop', current);
    } finally {
      this.backprop = null;
    }
    // Stepping out of a synthetic frame runs the rest of backward().
    if (this.mode === 'stepOut') { this.mode = 'stepOver'; this.stepDepth = this.depth(current); this.backpropActive = false; }
  }

  // ── requests while stopped ───────────────────────────────────────────────

  handle(r: Request): Response {
    try {
      switch (r.kind) {
        case 'setBreakpoints': return { ok: true, body: this.setBreakpoints(r.file, r.breakpoints) };
        case 'stackTrace': return { ok: true, body: this.frames.map((f) => f.info) };
        case 'scopes': return { ok: true, body: this.scopes(r.frameId) };
        case 'variables': return { ok: true, body: this.handles.get(r.ref) };
        case 'evaluate': return { ok: true, body: this.evaluate(r.expression, r.frameId) };
        default: return { ok: false, error: `request '${r.kind}' is not available here` };
      }
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  }

  private frameById(id: number | undefined) {
    return (id === undefined ? this.frames.find((f) => f.frame) : this.frames.find((f) => f.info.id === id)) ?? null;
  }

  private scopes(frameId: number) {
    const entry = this.frameById(frameId);
    if (!entry) return [];
    if (entry.bp) {
      const bp = entry.bp;
      const ref = this.handles.add(() => {
        const rows = bp.gys.map((g, i) => row(bp.gys.length > 1 ? `gy${i}` : 'gy', g, this.handles));
        (bp.gxs ?? bp.f.inputs.map(() => null)).forEach((g, i) => {
          const r = row(bp.f.inputs.length > 1 ? `gx${i}` : 'gx', g, this.handles);
          if (!bp.gxs) r.value = '(computed when this step runs)';
          rows.push(r);
        });
        bp.f.inputs.forEach((x, i) => rows.push(row(bp.f.inputs.length > 1 ? `x${i}` : 'x', x, this.handles)));
        return rows;
      });
      return [{ name: 'Gradients', variablesReference: ref, expensive: false }];
    }
    const f = entry.frame;
    if (!f) return [];
    const locals = f.locals();
    const isModule = locals === f.globals;
    const user = (m: Map<string, PyValue>) => [...m].filter(([k]) => !k.startsWith('__'));
    const out = [{ name: isModule ? 'Globals' : 'Locals', variablesReference: this.handles.add(() => user(locals).map(([k, v]) => row(k, v, this.handles))), expensive: false }];
    if (!isModule) out.push({ name: 'Globals', variablesReference: this.handles.add(() => user(f.globals).map(([k, v]) => row(k, v, this.handles))), expensive: true });
    return out;
  }

  /** Evaluates in a frame (the top frame by default), or in the finished module's globals. */
  evaluate(expression: string, frameId?: number) {
    const entry = this.frameById(frameId);
    const frame = entry?.frame ?? null;
    const globals = frame?.globals ?? this.ip.modules.get('__main__')?.dict ?? new Map<string, PyValue>();
    const prev = Config.enableBackprop;
    const v = this.ip.ev.evalSource(expression, frame, globals);
    Config.enableBackprop = prev;
    const r = row('result', v, this.handles);
    return { result: r.value, type: r.type, variablesReference: r.variablesReference, nodeId: r.nodeId };
  }

  /** The value of an expression (for graph requests). */
  valueOf(expression: string, frameId?: number): PyValue {
    const entry = this.frameById(frameId);
    const frame = entry?.frame ?? null;
    return this.ip.ev.evalSource(expression, frame, frame?.globals ?? this.ip.modules.get('__main__')?.dict ?? new Map());
  }

  /** Locals of a frame (top by default) for graph snapshots. */
  localsOf(frameId?: number): Map<string, PyValue> {
    const entry = this.frameById(frameId);
    const f = entry?.frame ?? null;
    return f ? f.locals() : this.ip.modules.get('__main__')?.dict ?? new Map();
  }

  /** After the run: no frames; evaluation uses the module's final globals. */
  finish(): void {
    this.frames = [];
    this.handles.reset();
  }

  /** The function being back-propagated at this stop, if any. */
  get backpropFunction(): EFunction | null { return this.backprop?.f ?? null; }
}

/** A SyntaxError's file and line (from its lineno / offset / filename), as a frame to stop in. */
function syntaxSite(exc: PyException): StackFrameInfo | null {
  const d = exc.dict;
  const line = d?.get('lineno'), file = d?.get('filename'), offset = d?.get('offset');
  if (typeof line !== 'bigint' || typeof file !== 'string') return null;
  const col = typeof offset === 'bigint' ? Math.max(0, Number(offset) - 1) : 0;
  return { id: 0, name: '<module>', file, line: Number(line), col, endLine: 0, endCol: 0 };
}

function safeStr(e: PyException): string {
  try { return str(e); } catch { return ''; }
}

export function errorText(e: unknown): string {
  if (e instanceof PyError) return `${(e.exc as PyException).cls.name}: ${safeStr(e.exc as PyException)}`;
  if (e instanceof PySyntaxError) return `SyntaxError: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

export { safeRepr };
