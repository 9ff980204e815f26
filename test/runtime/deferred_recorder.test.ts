// The deferred recorder gives the same record as the eager BackwardRecorder — steps, ids,
// previews, create_graph passes, a failing pass, a pass still in progress — while formatting
// nothing until asked.
import assert from 'node:assert/strict';
import { Config, EngineError, F, Function, NDArray, Variable, np } from '../../src/engine/index';
import { BackwardRecorder, installObserver } from '../../src/graph/index';
import { DeferredRecorder } from '../../src/runtime/deferred_recorder';

class Boom extends Function {
  forward(x: NDArray): NDArray { return x; }
  backward(): Variable { throw new EngineError('ValueError', 'boom'); }
}

/** Runs `body` with both recorders installed; returns them. */
function both(body: () => void): { eager: BackwardRecorder; deferred: DeferredRecorder } {
  const eager = new BackwardRecorder(), deferred = new DeferredRecorder();
  const a = installObserver(eager), b = installObserver(deferred);
  try { body(); } finally { b.dispose(); a.dispose(); }
  return { eager, deferred };
}

describe('deferred backward recorder', () => {
  afterEach(() => assert.equal(Config.observer, null));

  it('records the last pass exactly as the eager recorder does', () => {
    const { eager, deferred } = both(() => {
      const x = new Variable(np.array([[0.5, -1.0], [2.0, 3.0]]) as NDArray, 'x');
      F.sum(F.mul(F.tanh(x), x)).backward();
      const w = new Variable(np.array(1.5) as NDArray);
      F.add(F.mul(F.sin(w), F.exp(w)), w).backward({ retainGrad: true });
    });
    assert.deepEqual(deferred.record(), eager.last);
    assert.equal(deferred.record(), deferred.record(), 'the record is built once');
  });

  it('agrees on a create_graph pass and the double backprop after it', () => {
    const { eager, deferred } = both(() => {
      const x = new Variable(np.array(2.0) as NDArray);
      const y = F.sub(F.pow(x, 4), F.mul(np.array(2.0) as NDArray, F.pow(x, 2)));
      y.backward({ createGraph: true });
      const gx = x.grad!;
      x.cleargrad();
      gx.backward();
    });
    assert.deepEqual(deferred.record(), eager.last);
  });

  it('marks a pass that raised as incomplete', () => {
    const { eager, deferred } = both(() => {
      const x = new Variable(np.array(1.0) as NDArray);
      const y = F.exp(new Boom().call(x) as Variable);
      assert.throws(() => y.backward(), /boom/);
    });
    assert.equal(deferred.record()?.complete, false);
    assert.deepEqual(deferred.record(), eager.last);
  });

  it('gives the pass in progress while back-propagation is stopped inside it', () => {
    let seen: unknown = null;
    const deferred = new DeferredRecorder(), eager = new BackwardRecorder();
    const a = installObserver(eager), b = installObserver(deferred);
    const probe = installObserver({ backwardStep: () => { if (!seen) seen = [deferred.record(), structuredClone(eager.current)]; } });
    try {
      const x = new Variable(np.array(0.3) as NDArray);
      F.tanh(F.exp(x)).backward();
    } finally { probe.dispose(); b.dispose(); a.dispose(); }
    const [d, e] = seen as [unknown, unknown];
    assert.deepEqual(d, e);
  });
});
