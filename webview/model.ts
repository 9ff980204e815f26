// The snapshot the panel shows, indexed: nodes by id, the backward step of each function,
// and in-place patches of values and grads.
import type {
  BackwardRecord, BackwardStep, GraphSnapshot, NodeId, NodePatch, SnapshotNode, SourceSite, VariableNode,
} from '../src/protocol/messages';

export interface StepInfo { index: number; step: BackwardStep }

export class GraphModel {
  readonly byId = new Map<NodeId, SnapshotNode>();
  /** Backward step per function id, from the snapshot's record. */
  steps = new Map<NodeId, StepInfo>();

  constructor(readonly snapshot: GraphSnapshot) {
    for (const n of snapshot.nodes) this.byId.set(n.id, n);
    this.setBackward(snapshot.backward);
  }

  get backward(): BackwardRecord | null { return this.snapshot.backward; }

  setBackward(r: BackwardRecord | null): void {
    this.snapshot.backward = r;
    this.steps = new Map((r?.steps ?? []).map((step, index) => [step.fn, { index, step }]));
  }

  /** Applies value/grad patches; returns the ids that changed. */
  applyPatch(patches: readonly NodePatch[]): NodeId[] {
    const changed: NodeId[] = [];
    for (const p of patches) {
      const n = this.byId.get(p.id);
      if (!n || n.kind !== 'variable') continue;
      if (p.value !== undefined) n.value = p.value;
      if (p.grad !== undefined) n.grad = p.grad;
      if (p.gradId !== undefined) n.gradId = p.gradId;
      changed.push(p.id);
    }
    return changed;
  }

  /** Copies values and grads of `next` (same structure) into this model; returns the ids that changed. */
  absorbValues(next: GraphSnapshot): NodeId[] {
    const patches: NodePatch[] = [];
    for (const n of next.nodes) {
      const cur = this.byId.get(n.id);
      if (n.kind !== 'variable' || !cur || cur.kind !== 'variable') continue;
      if (!samePreview(cur, n)) patches.push({ id: n.id, value: n.value, grad: n.grad, gradId: n.gradId });
    }
    this.setBackward(next.backward);
    return this.applyPatch(patches);
  }

  /** The Python-side source site to reveal for a node: its own, or its creator's. */
  siteOf(id: NodeId): { fn: NodeId; site: SourceSite } | null {
    const n = this.byId.get(id);
    const f = n?.kind === 'function' ? n : n?.creator ? this.byId.get(n.creator) : undefined;
    return f && f.kind === 'function' && f.site ? { fn: f.id, site: f.site } : null;
  }
}

function samePreview(a: VariableNode, b: VariableNode): boolean {
  return a.value?.text === b.value?.text && a.grad?.text === b.grad?.text && a.gradId === b.gradId
    && a.value?.short === b.value?.short && a.grad?.short === b.grad?.short;
}
