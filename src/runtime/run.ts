// The script thread: runs one script under the debug core, reading requests from the
// shared mailbox and posting events and responses. Host-agnostic (a Node worker or a Web Worker
// wraps it with its own `post`).
import { Config, EngineObserver } from '../engine/core';
import type { FileSink } from '../engine/sink';
import { Interpreter } from '../interpreter/interpreter';
import { Cancelled } from '../interpreter/evaluator';
import { PyValue } from '../interpreter/objects';
import { getFigures } from '../interpreter/modules/plot_data';
import { DebugCore, errorText } from './debug_core';
import { Mailbox } from './mailbox';
import { OutputBatch } from './output_batch';
import type { BreakpointSpec, LaunchConfig, Request, Response, SessionEvent } from './messages';

/** Messages from the script thread to the client. */
export type WireOut =
  | { type: 'event'; event: SessionEvent }
  | { type: 'response'; seq: number; response: Response };

export interface LaunchMessage {
  type: 'launch';
  config: LaunchConfig;
  breakpoints: Record<string, BreakpointSpec[]>;
  mailbox: SharedArrayBuffer;
}

/** Graph snapshots, provided by the graph layer (kept pluggable so tests can run without it). */
export interface GraphProvider {
  /** An observer recording backward passes (chained before the debug core's). */
  observer?: EngineObserver;
  /** A snapshot of the named values (a frame's locals or one value). */
  snapshot(values: Map<string, PyValue>, opts: { followGrads?: boolean; budget?: number; highlight?: number | null }): unknown;
}

export interface ScriptEnv {
  post(msg: WireOut): void;
  files: FileSink;
  renderDot?(dot: string, format: string): Uint8Array;
  graph?: GraphProvider;
  now?(): number;
}

/** Longest snapshot build (ms) after which the next stop is reported before its snapshot. */
const SNAPSHOT_FIRST_MS = 15;

/** Runs the script to the end (or until cancelled), then keeps answering requests until cancelled. */
export function runScriptThread(launch: LaunchMessage, env: ScriptEnv): void {
  const box = new Mailbox(launch.mailbox);
  const cfg = launch.config;
  const now = env.now ?? (() => Date.now());
  const output = new OutputBatch((category, text) => env.post({ type: 'event', event: { type: 'output', category, text } }), now);
  // Every message but output sends the output gathered before it.
  const post = (m: WireOut) => { output.flush(); env.post(m); };
  const event = (e: SessionEvent) => post({ type: 'event', event: e });
  let pendingSeq = 0;
  const next = (): Request | null => {
    const m = box.take();
    if (!m) return null;
    pendingSeq = m.seq;
    return m.request as Request;
  };
  const ip = new Interpreter({
    stdout: (text) => output.write('stdout', text),
    stderr: (text) => output.write('stderr', text),
    files: env.files, argv: [cfg.program, ...(cfg.args ?? [])], limits: cfg.limits, cwd: cfg.cwd,
    shouldStop: () => { output.flushIfDue(); if (!box.cancelled) core.poll(); return box.cancelled; }, renderDot: env.renderDot,
  });
  getFigures(ip).onFigure = (figure) => event({ type: 'figure', figure });
  // eslint-disable-next-line prefer-const
  let core: DebugCore;
  const graphRequest = (r: Extract<Request, { kind: 'graph' }>): Response => {
    if (!env.graph) return { ok: false, error: 'graph snapshots are not available in this host' };
    try {
      const values = r.expression ? new Map([[r.expression, core.valueOf(r.expression, r.frameId)]]) : core.localsOf(r.frameId);
      return { ok: true, body: env.graph.snapshot(values, { followGrads: r.followGrads, budget: r.budget, highlight: core.backpropFunction?.id ?? null }) };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  };
  const respond = (response: Response) => post({ type: 'response', seq: pendingSeq, response });
  let lastBuildMs = 0;
  core = new DebugCore(ip, {
    waitForRequest: () => {
      for (;;) {
        box.wait();
        if (box.cancelled) throw new Cancelled();
        const r = next();
        if (!r) continue;
        if (r.kind === 'graph') { respond(graphRequest(r)); continue; }
        return r;
      }
    },
    pollRequest: () => {
      const r = next();
      if (r && r.kind === 'graph') { respond(graphRequest(r)); return null; }
      return r;
    },
    respond,
    stopped: (e) => {
      // The snapshot goes first while snapshots are quick to build: the host hands it to the
      // panel before the debugger UI's work for the stop (call stack, variables) fills the
      // window's thread. A slow one would hold the stop back, so then it follows the stop.
      const first = env.graph && lastBuildMs <= SNAPSHOT_FIRST_MS;
      if (!first) event(e);
      if (env.graph) {
        const t = now();
        const snap = graphRequest({ kind: 'graph', budget: cfg.graphBudget });
        lastBuildMs = now() - t;
        if (snap.ok) event({ type: 'graphChanged', snapshot: snap.body });
      }
      if (first) event(e);
    },
    continued: () => event({ type: 'continued' }),
    cancelled: () => box.cancelled,
  });
  for (const [file, bps] of Object.entries(launch.breakpoints)) core.setBreakpoints(file, bps);
  const prevObserver = Config.observer;
  if (cfg.debug) {
    ip.ev.tracer = core;
    Config.observer = core.observer(env.graph?.observer ?? null);
    if (cfg.stopOnEntry) core.stopAtEntry();
  } else if (env.graph?.observer) Config.observer = env.graph.observer;
  const t0 = now();
  let exitCode = 0, error: string | undefined;
  try {
    exitCode = ip.runScript(cfg.source, cfg.program, cfg.debug ? (e) => core.stopOnException(e) : (e) => { error = errorText(e); });
  } catch (e) {
    if (!(e instanceof Cancelled)) { exitCode = 1; error = errorText(e); }
    else { exitCode = 130; error = 'stopped'; }
  } finally {
    ip.ev.tracer = null;
    Config.observer = prevObserver;
  }
  if (env.graph && exitCode !== 130) {
    const snap = graphRequest({ kind: 'graph', budget: cfg.graphBudget });
    if (snap.ok) event({ type: 'graphChanged', snapshot: snap.body });
  }
  core.finish();
  event({ type: 'terminated', exitCode, error, seconds: (now() - t0) / 1000 });
  // After the run: hovers and graph requests are answered from the final state.
  while (!box.cancelled && exitCode !== 130) {
    box.wait();
    const r = next();
    if (!r) continue;
    if (r.kind === 'graph') respond(graphRequest(r));
    else if (r.kind === 'evaluate') respond(core.handle(r));
    else respond({ ok: false, error: 'the script has finished' });
  }
}
