// Records the last backward pass through the engine's observer: for each function in the
// order back-propagation visited it, the gradients it received and produced, kept as ids and
// previews only, so no array outlives the pass because of the recorder.
import { Config, type EngineObserver, type Function, type Variable } from '../engine/core';
import type { BackwardRecord, BackwardStep, GradFlow } from '../protocol/messages';
import { fnId, varId } from './ids';
import { previewArray, type PreviewOptions } from './preview';
import type { PreviewCache } from './preview_cache';

export interface Disposable { dispose(): void }

export interface RecorderOptions {
  /** Steps kept per pass; later ones are dropped and the record says so. Default 20000. */
  maxSteps: number;
  preview: Partial<PreviewOptions>;
  /** Previews kept from earlier snapshots; null formats every array. */
  previews: PreviewCache | null;
  /** Called after each recorded step (the debugger highlights the function). */
  onStep: ((step: BackwardStep, record: BackwardRecord) => void) | null;
}

interface Pass { record: BackwardRecord; pending: boolean }

/** An EngineObserver keeping the record of the last (outermost) backward pass. */
export class BackwardRecorder implements EngineObserver {
  /** The last finished pass, or null before any. */
  last: BackwardRecord | null = null;
  private readonly passes: Pass[] = [];
  private readonly o: RecorderOptions;

  constructor(options: Partial<RecorderOptions> = {}) {
    this.o = { maxSteps: 20000, preview: {}, previews: null, onStep: null, ...options };
  }

  /** Starts observing the engine (alongside any observer already installed). */
  install(): Disposable { return installObserver(this); }

  /** The pass in progress, if any (a debugger stopped inside backward). */
  get current(): BackwardRecord | null { return this.passes.at(-1)?.record ?? null; }

  backwardStart(root: Variable, createGraph: boolean): void {
    this.passes.push({ record: { root: varId(root), createGraph, steps: [], truncated: false, complete: false }, pending: false });
  }

  beforeBackwardStep(): void {
    const p = this.passes.at(-1);
    if (p) p.pending = true;
  }

  backwardStep(f: Function, gys: (Variable | null)[], gxs: (Variable | null)[]): void {
    const p = this.passes.at(-1);
    if (!p) return;
    p.pending = false;
    const r = p.record;
    if (r.steps.length >= this.o.maxSteps) { r.truncated = true; return; }
    const step: BackwardStep = {
      fn: fnId(f), op: f.name,
      gys: f.outputs.map((y, i) => this.flow(y, gys[i] ?? null)),
      gxs: f.inputs.map((x, i) => this.flow(x, gxs[i] ?? null)),
    };
    r.steps.push(step);
    this.o.onStep?.(step, r);
  }

  backwardEnd(): void {
    const p = this.passes.pop();
    if (!p) return;
    // A step begun but never finished means backward raised.
    p.record.complete = !p.pending;
    // Backward passes nested inside a user's Function.backward are not the "last" one.
    if (this.passes.length === 0) this.last = p.record;
  }

  private flow(of: Variable, g: Variable | null): GradFlow {
    return { of: varId(of), grad: g ? varId(g) : null, preview: g?.data ? (this.o.previews?.preview(g.data, this.o.preview) ?? previewArray(g.data, this.o.preview)) : null };
  }
}

/** Several observers behind Config.observer's single slot, called in installation order. */
class ObserverChain implements EngineObserver {
  constructor(readonly members: EngineObserver[]) {}
  functionApplied(f: Function, xs: Variable[], ys: Variable[]): void { for (const m of this.members) m.functionApplied?.(f, xs, ys); }
  backwardStart(root: Variable, cg: boolean): void { for (const m of this.members) m.backwardStart?.(root, cg); }
  beforeBackwardStep(f: Function, gys: (Variable | null)[]): void { for (const m of this.members) m.beforeBackwardStep?.(f, gys); }
  backwardStep(f: Function, gys: (Variable | null)[], gxs: (Variable | null)[]): void { for (const m of this.members) m.backwardStep?.(f, gys, gxs); }
  backwardEnd(root: Variable): void { for (const m of this.members) m.backwardEnd?.(root); }
}

/**
 * Installs an observer next to whatever Config.observer holds; disposing removes it (in any
 * order) and empties the slot once no observer is left.
 */
export function installObserver(o: EngineObserver): Disposable {
  const cur = Config.observer;
  const chain = cur instanceof ObserverChain ? cur : new ObserverChain(cur ? [cur] : []);
  chain.members.push(o);
  Config.observer = chain;
  return {
    dispose() {
      const i = chain.members.indexOf(o);
      if (i >= 0) chain.members.splice(i, 1);
      if (chain.members.length === 0 && Config.observer === chain) Config.observer = null;
    },
  };
}
