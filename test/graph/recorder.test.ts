// The backward-pass recorder: the engine's visiting order, gradients as ids and previews,
// installing next to other observers, failures, nesting and the step cap.
import assert from 'node:assert/strict';
import { Config, EngineError, F, Function, NDArray, Variable, np, type EngineObserver } from '../../src/engine/index';
import { BackwardRecorder, installObserver } from '../../src/graph/index';
import { recording } from '../helpers/graphs';

class Boom extends Function {
  forward(x: NDArray): NDArray { return x; }
  backward(): Variable { throw new EngineError('ValueError', 'boom'); }
}

describe('backward recorder', () => {
  afterEach(() => assert.equal(Config.observer, null));

  it("records each function in the engine's order with the grads it received and produced", () => {
    const visited: string[] = [];
    const spy = installObserver({ backwardStep: (f) => visited.push(`f${f.id}`) });
    const x = new Variable(np.array(0.5) as NDArray, 'x');
    const y = F.add(F.mul(F.sin(x), F.exp(x)), x);
    const rec = recording((r) => {
      y.backward({ retainGrad: true });
      return r.last!;
    });
    spy.dispose();
    assert.deepEqual(rec.steps.map((s) => s.fn), visited);
    assert.deepEqual(rec.steps.map((s) => s.op), ['Add', 'Mul', 'Exp', 'Sin']);
    assert.equal(rec.root, `v${y.id}`);
    assert.equal(rec.complete, true);
    assert.equal(rec.createGraph, false);
    const add = rec.steps[0];
    assert.deepEqual(add.gys.map((g) => g.preview?.short), ['1.']);
    assert.equal(add.gxs[1].of, `v${x.id}`);
    const sin = rec.steps[3];
    assert.equal(sin.gxs[0].preview?.text, String((Math.cos(0.5) * Math.exp(0.5)).toPrecision(17)).replace(/0+$/, ''));
  });

  it('keeps no arrays: the record is plain JSON', () => {
    const rec = recording((r) => {
      const x = new Variable(np.ones([3, 3]) as NDArray);
      F.sum(F.tanh(x)).backward();
      return r.last!;
    });
    assert.deepEqual(JSON.parse(JSON.stringify(rec)), rec);
  });

  it('runs next to an observer installed before it, and uninstalls in any order', () => {
    const seen: string[] = [];
    const first: EngineObserver = { backwardStart: () => seen.push('first') };
    const a = installObserver(first);
    const r = new BackwardRecorder();
    const b = r.install();
    new Variable(np.array(1.0) as NDArray).backward();
    a.dispose();
    F.exp(new Variable(np.array(1.0) as NDArray)).backward();
    assert.deepEqual(seen, ['first']);
    assert.equal(r.last?.steps.length, 1);
    b.dispose();
    assert.equal(Config.observer, null);
  });

  it('marks a pass that raised as incomplete, keeping the steps it made', () => {
    const rec = recording((r) => {
      const y = F.exp(new Boom().call(new Variable(np.array(1.0) as NDArray)));
      assert.throws(() => y.backward(), /boom/);
      return r.last!;
    });
    assert.equal(rec.complete, false);
    assert.deepEqual(rec.steps.map((s) => s.op), ['Exp']);
  });

  it('records the outermost pass when a backward runs inside another', () => {
    class Nested extends Function {
      forward(x: NDArray): NDArray { return x; }
      backward(gy: Variable): Variable { F.exp(new Variable(np.array(2.0) as NDArray)).backward(); return gy; }
    }
    const rec = recording((r) => {
      F.sin(new Nested().call(new Variable(np.array(1.0) as NDArray))).backward();
      return r.last!;
    });
    assert.deepEqual(rec.steps.map((s) => s.op), ['Sin', 'Nested']);
  });

  it('caps the steps it keeps and reports the cut', () => {
    const r = new BackwardRecorder({ maxSteps: 3 });
    const h = r.install();
    try {
      let y = new Variable(np.array(0.1) as NDArray);
      for (let i = 0; i < 10; i++) y = F.sin(y);
      y.backward();
    } finally { h.dispose(); }
    assert.equal(r.last?.steps.length, 3);
    assert.equal(r.last?.truncated, true);
    assert.equal(r.last?.complete, true);
  });

  it('reports each step as it happens', () => {
    const ops: string[] = [];
    const r = new BackwardRecorder({ onStep: (s, rec) => { ops.push(s.op); assert.equal(r.current, rec); } });
    const h = r.install();
    try { F.cos(F.sin(new Variable(np.array(0.3) as NDArray))).backward(); } finally { h.dispose(); }
    assert.deepEqual(ops, ['Cos', 'Sin']);
    assert.equal(r.current, null);
  });
});
