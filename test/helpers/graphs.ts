// Graphs built with the engine for the graph and webview tests: tanh's higher derivatives
// (DeZero step 35), an unrolled RNN of about 1,000 nodes, and an independent count of what a
// snapshot of them must hold.
import { F, Function, NDArray, Variable, np } from '../../src/engine/index';
import { BackwardRecorder, buildSnapshot, type BuildOptions, type NamedVariable } from '../../src/graph/index';
import type { GraphSnapshot } from '../../src/protocol/messages';
import { seeded } from './gradcheck';

export interface Expected { variables: number; functions: number; byOrder: Map<number, { variables: number; functions: number }> }

/** What a snapshot must hold: everything reachable over creators, inputs, outputs and created grads. */
export function expectedNodes(roots: Variable[]): Expected {
  const seen = new Set<Variable | Function>(roots);
  const stack: (Variable | Function)[] = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    const next: (Variable | Function)[] = n instanceof Variable
      ? [...(n.creator ? [n.creator] : []), ...(n.grad?.creator ? [n.grad] : [])]
      : [...n.inputs, ...n.outputs];
    for (const m of next) if (!seen.has(m)) { seen.add(m); stack.push(m); }
  }
  const e: Expected = { variables: 0, functions: 0, byOrder: new Map() };
  for (const n of seen) {
    const c = e.byOrder.get(n.order) ?? { variables: 0, functions: 0 };
    if (n instanceof Variable) { e.variables++; c.variables++; } else { e.functions++; c.functions++; }
    e.byOrder.set(n.order, c);
  }
  return e;
}

export interface Built { snapshot: GraphSnapshot; roots: NamedVariable[]; expected: Expected }

function snapshotOf(roots: NamedVariable[], recorder: BackwardRecorder, opts: Partial<BuildOptions> = {}): Built {
  const snapshot = buildSnapshot(roots, { backward: recorder.last, ...opts });
  return { snapshot, roots, expected: expectedNodes(roots.map((r) => r.variable)) };
}

/** Runs `fn` with a recorder installed. */
export function recording<T>(fn: (r: BackwardRecorder) => T): T {
  const r = new BackwardRecorder();
  const handle = r.install();
  try { return fn(r); } finally { handle.dispose(); }
}

/**
 * tanh at x = 1 differentiated `n` times with create_graph (DeZero step 35). Roots: x, y and
 * gx1..gxn as locals (the earlier gradients stay alive as the user's variables).
 */
export function tanhDerivatives(n: number, opts: Partial<BuildOptions> = {}): Built {
  return recording((rec) => {
    const x = new Variable(np.array(1.0) as NDArray, 'x');
    const y = F.tanh(x);
    y.name = 'y';
    y.backward({ createGraph: true });
    const roots: NamedVariable[] = [{ name: 'x', variable: x }, { name: 'y', variable: y }];
    for (let k = 1; k <= n; k++) {
      const gx = x.grad!;
      gx.name = `gx${k}`;
      roots.push({ name: gx.name, variable: gx });
      if (k < n) { x.cleargrad(); gx.backward({ createGraph: true }); }
    }
    return snapshotOf(roots, rec, opts);
  });
}

/** DeZero's 9th derivative of tanh: the graph of gx9 alone, 14,676 nodes. */
export function tanhNinth(): Built {
  return recording((rec) => {
    const x = new Variable(np.array(1.0) as NDArray, 'x');
    F.tanh(x).backward({ createGraph: true });
    for (let i = 0; i < 8; i++) {
      const gx = x.grad!;
      x.cleargrad();
      gx.backward({ createGraph: true });
    }
    const gx9 = x.grad!;
    gx9.name = 'gx9';
    return snapshotOf([{ name: 'gx9', variable: gx9 }], rec, { budget: 50000, followGrads: false, title: "tanh's 9th derivative" });
  });
}

/** An RNN unrolled over `steps` with a squared-error loss (~17 nodes a step): before and after loss.backward(). */
export function rnnStep(steps: number): { before: Built; after: Built } {
  return recording((rec) => {
    const Wx = new Variable(seeded([3, 8], 1), 'Wx'), Wh = new Variable(seeded([8, 8], 2), 'Wh');
    const b = new Variable(seeded([8], 3), 'b'), Wo = new Variable(seeded([8, 1], 4), 'Wo');
    let h: Variable | null = null;
    let loss: Variable | null = null;
    for (let t = 0; t < steps; t++) {
      const xt = new Variable(seeded([1, 3], 100 + t), `x${t}`);
      const a = F.linear(xt, Wx, b);
      h = F.tanh(h ? F.add(a, F.linear(h, Wh, null)) : a);
      const l = F.meanSquaredError(F.matmul(h, Wo), new Variable(seeded([1, 1], 500 + t)));
      loss = loss ? F.add(loss, l) : l;
    }
    loss!.name = 'loss';
    const roots = [{ name: 'loss', variable: loss! }, { name: 'Wx', variable: Wx }, { name: 'Wh', variable: Wh }];
    const title = `RNN unrolled over ${steps} steps`;
    const before = snapshotOf(roots, rec, { title });
    loss!.backward();
    return { before, after: snapshotOf(roots, rec, { title }) };
  });
}

/** The RNN after back-propagation. */
export const unrolledRnn = (steps: number): Built => rnnStep(steps).after;
