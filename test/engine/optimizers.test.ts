// Optimizers: one update of each against its formula computed element by element here,
// several Adam steps (and its lr property), per-parameter state, float32 parameters with
// float64 gradients (NumPy's in-place casting and Python-float scalars), the hooks
// WeightDecay, ClipGrad and FreezeParam, and setup/update plumbing.
import assert from 'node:assert/strict';
import { EngineError, L, NDArray, Parameter, Variable, optimizers } from '../../src/engine/index';

const P0 = [0.5, -1.25, 2.0, 0.75], G0 = [0.1, -0.3, 0.25, -0.05];
const P1 = [1.5, -0.5], G1 = [-0.7, 0.4];
const values = (a: NDArray) => Array.from(a.values());

/** A parameter with a gradient (float64 unless asked). */
function param(p: number[], g: number[] | null, dtype: 'float64' | 'float32' = 'float64'): Parameter {
  const q = new Parameter(NDArray.from(p, [p.length], dtype));
  if (g) q.grad = new Variable(NDArray.from(g, [g.length], 'float64'));
  return q;
}
const target = (...ps: Parameter[]) => ({ params: () => ps });

function close(got: ArrayLike<number>, want: number[], what: string, rtol = 1e-15): void {
  assert.equal(got.length, want.length, `${what}: size`);
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= rtol * Math.abs(w), `${what}[${i}]: ${got[i]} vs ${w}`));
}

/** Runs one update of opt over a parameter (P0, G0) and returns the new values. */
function oneStep(opt: optimizers.Optimizer): number[] {
  const p = param(P0, G0);
  opt.setup(target(p)).update();
  return values(p.data!);
}

describe('optimizers: one update against the formula', () => {
  const each = (f: (p: number, g: number) => number) => P0.map((p, i) => f(p, G0[i]));
  it('SGD: p − lr·g', () => close(oneStep(new optimizers.SGD(0.1)), each((p, g) => p - 0.1 * g), 'SGD'));
  it('MomentumSGD: v = momentum·0 − lr·g; p + v', () => close(oneStep(new optimizers.MomentumSGD(0.1, 0.8)), each((p, g) => p + (0.8 * 0 - 0.1 * g)), 'MomentumSGD'));
  it('AdaGrad: h = g²; p − lr·g / (√h + eps)', () =>
    close(oneStep(new optimizers.AdaGrad(0.05, 1e-8)), each((p, g) => p - (0.05 * g) / (Math.sqrt(g * g) + 1e-8)), 'AdaGrad'));
  it('AdaDelta: msg = (1−ρ)g²; dx = √((0 + eps)/(msg + eps))·g; p − dx', () => close(oneStep(new optimizers.AdaDelta(0.9, 1e-6)), each((p, g) => {
    const msg = (1 - 0.9) * g * g;
    return p - Math.sqrt((0 + 1e-6) / (msg + 1e-6)) * g;
  }), 'AdaDelta'));
  it('Adam: m = (1−β1)g, v = (1−β2)g², lr = α√(1−β2)/(1−β1); p − lr·m/(√v + eps)', () => close(oneStep(new optimizers.Adam(0.01, 0.8, 0.9, 1e-8)), each((p, g) => {
    const m = (1 - 0.8) * g, v = (1 - 0.9) * (g * g), lr = (0.01 * Math.sqrt(1 - 0.9)) / (1 - 0.8);
    return p - (lr * m) / (Math.sqrt(v) + 1e-8);
  }), 'Adam'));
  it('RMSProp: m = (1−ρ)g²; p − lr·g/(√m + eps)', () =>
    close(oneStep(new optimizers.RMSProp(0.01, 0.9, 1e-8)), each((p, g) => p - (0.01 * g) / (Math.sqrt((1 - 0.9) * g * g) + 1e-8)), 'RMSProp'));
});

describe('optimizers: state over several steps', () => {
  const grads = [[0.1, -0.3, 0.25, -0.05], [0.2, 0.1, -0.4, 0.3], [-0.15, 0.05, 0.1, 0.6]];
  it('Adam: t counts updates, lr = α√(1−β2^t)/(1−β1^t), m and v carry over', () => {
    const opt = new optimizers.Adam(0.02);
    assert.throws(() => opt.lr, (e: unknown) => e instanceof EngineError && e.pyType === 'ZeroDivisionError', 'lr at t = 0 divides by zero, as in Python');
    const p = param(P0, null);
    opt.setup(target(p));
    const want = P0.slice(), m = [0, 0, 0, 0], v = [0, 0, 0, 0];
    grads.forEach((g, step) => {
      p.grad = new Variable(NDArray.from(g, [4]));
      opt.update();
      const t = step + 1;
      assert.equal(opt.t, t);
      const lr = (0.02 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      close([opt.lr], [lr], `lr at t = ${t}`);
      for (let i = 0; i < 4; i++) {
        m[i] += (1 - 0.9) * (g[i] - m[i]);
        v[i] += (1 - 0.999) * (g[i] * g[i] - v[i]);
        want[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + 1e-8);
      }
      close(values(p.data!), want, `p after step ${t}`, 1e-14);
      close(values(opt.ms.peek(p)!), m, `m after step ${t}`, 1e-14);
    });
  });
  it('MomentumSGD keeps one velocity per parameter; parameters without a gradient get none', () => {
    const a = param(P0, G0), b = param(P1, G1), idle = param([1, 2], null);
    const opt = new optimizers.MomentumSGD(0.1, 0.9).setup(target(a, idle, b));
    opt.update();
    close(values(opt.vs.peek(a)!), G0.map((g) => -0.1 * g), 'v(a)');
    close(values(opt.vs.peek(b)!), G1.map((g) => -0.1 * g), 'v(b)');
    assert.equal(opt.vs.peek(idle), undefined);
    assert.deepEqual(values(idle.data!), [1, 2]);
    const other = new optimizers.MomentumSGD(0.1, 0.9).setup(target(a));
    assert.equal(other.vs.peek(a), undefined, 'state belongs to the optimizer');
    b.grad = new Variable(NDArray.from([0.3, 0.3], [2]));
    const before = values(b.data!);
    opt.update();
    const v2 = G1.map((g) => 0.9 * (-0.1 * g) - 0.1 * 0.3);
    close(values(opt.vs.peek(b)!), v2, 'v(b) after a second step');
    close(values(b.data!), before.map((x, i) => x + v2[i]), 'b after a second step');
  });
});

describe('optimizers: float32 parameters', () => {
  const f = Math.fround;
  it('SGD computes lr·g in float64 (g is float64) and casts the result back to float32', () => {
    const p = param(P0, G0, 'float32');
    new optimizers.SGD(0.1).setup(target(p)).update();
    assert.equal(p.dtype, 'float32');
    assert.deepEqual(values(p.data!), P0.map((x, i) => f(x - 0.1 * G0[i])));
  });
  it('Adam keeps float32 m and v; lr·m and √v + eps are float32 operations (a Python float is weak)', () => {
    const p = param(P0, G0, 'float32');
    const opt = new optimizers.Adam(0.01).setup(target(p));
    opt.update();
    const lr = (0.01 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
    const want = P0.map((x, i) => {
      const g = G0[i];
      const m = f(0 + (1 - 0.9) * (g - 0)), v = f(0 + (1 - 0.999) * (g * g - 0));
      const step = f(f(f(lr) * m) / f(f(Math.sqrt(v)) + f(1e-8)));
      return f(f(x) - step);
    });
    assert.equal(opt.ms.peek(p)!.dtype, 'float32');
    assert.deepEqual(values(p.data!), want);
  });
});

describe('optimizer hooks', () => {
  it('WeightDecay adds rate·p to each gradient (in place) before the update', () => {
    const p = param(P0, G0);
    const opt = new optimizers.SGD(0.1).setup(target(p));
    opt.addHook(optimizers.WeightDecay(0.01));
    opt.update();
    const g = P0.map((x, i) => G0[i] + 0.01 * x);
    close(values(p.grad!.data!), g, 'grad');
    close(values(p.data!), P0.map((x, i) => x - 0.1 * g[i]), 'p');
  });
  it('ClipGrad scales every gradient by max_norm / (‖g‖ + 1e-6) only when that is below 1', () => {
    const norm = Math.sqrt([...G0, ...G1].reduce((s, g) => s + g * g, 0));
    const a = param(P0, G0), b = param(P1, G1);
    const loose = new optimizers.SGD(1).setup(target(a, b));
    loose.addHook(optimizers.ClipGrad(norm * 2));
    loose.update();
    assert.deepEqual(values(a.grad!.data!), G0);
    const c = param(P0, G0), d = param(P1, G1);
    const tight = new optimizers.SGD(1).setup(target(c, d));
    tight.addHook(optimizers.ClipGrad(0.5));
    tight.update();
    const rate = 0.5 / (norm + 1e-6);
    close(values(d.grad!.data!), G1.map((g) => g * rate), 'clipped grad');
    close(values(c.data!), P0.map((x, i) => x - G0[i] * rate), 'p');
  });
  it('hooks run in the order added', () => {
    const p = param(P0, G0);
    const opt = new optimizers.SGD(1).setup(target(p));
    opt.addHook(optimizers.WeightDecay(1));
    opt.addHook(optimizers.ClipGrad(0.1));
    opt.update();
    const decayed = P0.map((x, i) => G0[i] + x);
    const rate = 0.1 / (Math.sqrt(decayed.reduce((s, g) => s + g * g, 0)) + 1e-6);
    close(values(p.grad!.data!), decayed.map((g) => g * rate), 'decayed, then clipped');
  });
  it('FreezeParam (of a layer or a parameter) drops those gradients: they are not updated', () => {
    // DeZero's update() would then read param.grad.data of a frozen parameter and raise
    // AttributeError; ours skips it, which is what FreezeParam is for.
    const frozen = new L.Linear(2, { inSize: 2, dtype: 'float64' }), trained = new L.Linear(2, { inSize: 2, dtype: 'float64' }), lone = param(P1, G1);
    const model = { params: () => [...frozen.params(), ...trained.params(), lone] };
    for (const q of model.params().slice(0, 4)) q.grad = new Variable(NDArray.full(q.shape as number[], 1));
    const before = model.params().map((q) => values(q.data!));
    const opt = new optimizers.MomentumSGD(0.1).setup(model);
    opt.addHook(optimizers.FreezeParam(frozen, lone));
    opt.update();
    model.params().forEach((q, k) => {
      const isFrozen = k < 2 || k === 4;
      assert.equal(q.grad, isFrozen ? null : q.grad, `grad ${k}`);
      if (isFrozen) assert.deepEqual(values(q.data!), before[k], `frozen ${k} unchanged`);
      else close(values(q.data!), before[k].map((x) => x - 0.1), `trained ${k}`);
      assert.equal(opt.vs.peek(q) === undefined, isFrozen, `state ${k}`);
    });
  });
});

describe('optimizer plumbing', () => {
  it('setup returns the optimizer; update without setup is an AttributeError', () => {
    const opt = new optimizers.SGD();
    const layer = new L.Linear(2, { inSize: 3 });
    assert.equal(opt.setup(layer), opt);
    assert.equal(opt.target, layer);
    assert.throws(() => new optimizers.Adam().update(), (e: unknown) => e instanceof EngineError && e.pyType === 'AttributeError');
  });
  it('updates a layer\'s parameters in place from their gradients', () => {
    const layer = new L.Linear(2, { inSize: 3, dtype: 'float64' });
    const W = layer.W.data!, before = values(W);
    layer.call(NDArray.from([1, 2, 3], [1, 3])).sum().backward();
    new optimizers.SGD(0.5).setup(layer).update();
    assert.equal(layer.W.data, W, 'same array, updated in place');
    close(values(W), before.map((w, k) => w - 0.5 * [1, 2, 3][Math.floor(k / 2)]), 'W');
    assert.deepEqual(values(layer.b!.data!), [-0.5, -0.5]);
  });
});
