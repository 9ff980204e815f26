// The last backward pass, kept as references (functions and their gradient Variables) and
// turned into a BackwardRecord — previews formatted — only when a snapshot asks for it.
// Formatting every gradient of every pass as it happens (BackwardRecorder) made a training
// loop ten times slower; a snapshot needs one pass. DeZero never changes a gradient in place
// (accumulation makes a new Variable), so the previews match what the pass produced.
import type { EngineObserver, Function, Variable } from '../engine/core';
import { BackwardRecorder, type PreviewCache } from '../graph/index';
import type { BackwardRecord } from '../protocol/messages';

const MAX_STEPS = 20000;

interface Pass {
  root: Variable;
  createGraph: boolean;
  steps: [Function, (Variable | null)[], (Variable | null)[]][];
  /** A step began (beforeBackwardStep) and has not finished. */
  pending: boolean;
  truncated: boolean;
}

export class DeferredRecorder implements EngineObserver {
  constructor(private readonly previews: PreviewCache | null = null) {}

  private depth = 0;
  private pass: Pass | null = null;
  private last: Pass | null = null;
  private cache: { pass: Pass; steps: number; record: BackwardRecord } | null = null;

  backwardStart(root: Variable, createGraph: boolean): void {
    // Passes nested in a user's Function.backward belong to the outer pass's step.
    if (this.depth++ === 0) this.pass = { root, createGraph, steps: [], pending: false, truncated: false };
  }

  beforeBackwardStep(): void {
    if (this.depth === 1 && this.pass) this.pass.pending = true;
  }

  backwardStep(f: Function, gys: (Variable | null)[], gxs: (Variable | null)[]): void {
    const p = this.pass;
    if (this.depth !== 1 || !p) return;
    p.pending = false;
    if (p.steps.length >= MAX_STEPS) { p.truncated = true; return; }
    p.steps.push([f, gys.slice(), gxs.slice()]);
  }

  backwardEnd(): void {
    if (this.depth === 0) return;
    if (--this.depth === 0 && this.pass) { this.last = this.pass; this.pass = null; }
  }

  /** The pass in progress (a stop inside backward) or else the last one, as a record. */
  record(): BackwardRecord | null {
    const p = this.pass ?? this.last;
    if (!p) return null;
    if (this.cache && this.cache.pass === p && this.cache.steps === p.steps.length) return this.cache.record;
    const rec = new BackwardRecorder({ maxSteps: MAX_STEPS, previews: this.previews });
    rec.backwardStart(p.root, p.createGraph);
    for (const [f, gys, gxs] of p.steps) { rec.beforeBackwardStep(); rec.backwardStep(f, gys, gxs); }
    let record: BackwardRecord;
    if (p === this.pass) {
      record = rec.current!;
    } else {
      if (p.pending) rec.beforeBackwardStep();
      rec.backwardEnd();
      record = rec.last!;
    }
    record.truncated ||= p.truncated;
    this.cache = { pass: p, steps: p.steps.length, record };
    return record;
  }
}
