// Layers Linear, EmbedID, BatchNorm, Conv2d, Deconv2d: DeZero's initialisation (lazy draws
// from the global RandomState), forward values, and first- and second-order gradients with
// respect to the input and every Parameter, through the layer with its weights fixed.
// (The pooling functions have no layer; their checks are in conv.test.ts.)
import assert from 'node:assert/strict';
import { L, NDArray, Parameter, Variable, np, testMode } from '../../src/engine/index';
import { seeded } from '../helpers/gradcheck';
import { Checked, checkVarsFirstOrder, checkVarsSecondOrder } from '../helpers/varcheck';

/** Gives a Parameter fixed float64 values. */
function fix(p: Parameter | null, shape: number[], seed: number, lo = -1, hi = 1): Parameter {
  assert.ok(p, 'parameter exists');
  p.data = seeded(shape, seed, lo, hi);
  return p;
}
const values = (a: NDArray) => Array.from(a.values());
/** randn(shape).astype(float32) * scale, as DeZero's _init_W draws it (float64 under NumPy 2). */
function expectedInit(seed: number, shape: number[], scale: number): number[] {
  np.random.seed(seed);
  return values(np.random.randn(...shape)).map((v) => Math.fround(v) * scale);
}

describe('L.Linear', () => {
  it('draws W lazily at the first forward: randn(I, O).astype(float32) * sqrt(1/I), b float32 zeros', () => {
    np.random.seed(3);
    const l = new L.Linear(4);
    assert.equal(l.W.data, null);
    assert.equal(l.inSize, null);
    const y = l.call(seeded([2, 3], 1));
    assert.equal(l.inSize, 3);
    assert.deepEqual(l.W.shape, [3, 4]);
    assert.equal(l.W.dtype, 'float64', 'the float64 scale promotes under NumPy 2');
    assert.deepEqual(values(l.W.data!), expectedInit(3, [3, 4], Math.sqrt(1 / 3)));
    assert.equal(l.b!.dtype, 'float32');
    assert.deepEqual(values(l.b!.data!), [0, 0, 0, 0]);
    assert.deepEqual(y.shape, [2, 4]);
    assert.equal(y.dtype, 'float64');
  });
  it('draws W at construction when inSize is given, and not again at forward', () => {
    np.random.seed(4);
    const l = new L.Linear(2, { inSize: 5 });
    assert.deepEqual(values(l.W.data!), expectedInit(4, [5, 2], Math.sqrt(1 / 5)));
    const after = np.random.rand().item();
    np.random.seed(4); np.random.randn(5, 2);
    assert.equal(after, np.random.rand().item(), 'construction drew exactly 5 × 2 normals');
    const W = l.W.data;
    l.call(seeded([1, 5], 2));
    assert.equal(l.W.data, W);
  });
  it('nobias: b is None, params() is just W, y = x·W', () => {
    const l = new L.Linear(3, { nobias: true, inSize: 2 });
    assert.equal(l.b, null);
    assert.deepEqual([...l.params()], [l.W]);
    fix(l.W, [2, 3], 5);
    const x = seeded([4, 2], 6), y = l.call(x);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) {
      const want = x.at(i * 2) * l.W.data!.at(j) + x.at(i * 2 + 1) * l.W.data!.at(3 + j);
      assert.ok(Math.abs(y.data!.at(i * 3 + j) - want) < 1e-15);
    }
  });
  it('dtype float64 makes W and b float64', () => {
    const l = new L.Linear(2, { dtype: 'float64', inSize: 3 });
    assert.equal(l.W.dtype, 'float64');
    assert.equal(l.b!.dtype, 'float64');
  });

  const x = () => new Variable(seeded([3, 4], 7));
  it('gradients with fixed W and b: first and second order', () => {
    const l = new L.Linear(2, { inSize: 4 });
    const xv = x(), vars: Checked[] = [{ name: 'x', v: xv }, { name: 'W', v: fix(l.W, [4, 2], 8) }, { name: 'b', v: fix(l.b, [2], 9) }];
    checkVarsFirstOrder(() => l.call(xv), vars);
    checkVarsSecondOrder(() => l.call(xv), vars, { square: true });
  });
  it('gradients of a nobias layer', () => {
    const l = new L.Linear(2, { inSize: 4, nobias: true });
    const xv = x(), vars: Checked[] = [{ name: 'x', v: xv }, { name: 'W', v: fix(l.W, [4, 2], 10) }];
    checkVarsFirstOrder(() => l.call(xv), vars);
    checkVarsSecondOrder(() => l.call(xv), vars, { square: true });
  });
  it('gradients of a lazily initialised layer, with the weights it drew', () => {
    np.random.seed(11);
    const l = new L.Linear(2, { dtype: 'float64' });
    const xv = x();
    l.call(xv);
    const vars: Checked[] = [{ name: 'x', v: xv }, { name: 'W', v: l.W }, { name: 'b', v: l.b! }];
    checkVarsFirstOrder(() => l.call(xv), vars);
    checkVarsSecondOrder(() => l.call(xv), vars, { square: true });
  });
});

describe('L.EmbedID', () => {
  const ids = () => NDArray.from([1, 4, 1, 0], [2, 2], 'int64');
  it('W is randn(in, out) drawn at construction; forward picks rows', () => {
    np.random.seed(12);
    const e = new L.EmbedID(5, 3);
    np.random.seed(12);
    assert.deepEqual(values(e.W.data!), values(np.random.randn(5, 3)));
    const y = e.call(ids());
    assert.deepEqual(y.shape, [2, 2, 3]);
    const row = (r: number) => values(e.W.data!).slice(r * 3, r * 3 + 3);
    assert.deepEqual(values(y.data!), [...row(1), ...row(4), ...row(1), ...row(0)]);
  });
  it('gradients wrt W (repeated ids accumulate; unused rows get zero): first and second order', () => {
    const e = new L.EmbedID(5, 3);
    const vars: Checked[] = [{ name: 'W', v: e.W }];
    checkVarsFirstOrder(() => e.call(ids()), vars);
    checkVarsSecondOrder(() => e.call(ids()), vars, { square: true });
    e.cleargrads();
    e.call(ids()).sum().backward();
    assert.deepEqual(values(e.W.grad!.data!), [1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
});

describe('L.BatchNorm', () => {
  const params = (bn: InstanceType<typeof L.BatchNorm>) =>
    Object.fromEntries([...bn.flattenParams()].map(([k, p]) => [k, p])) as Record<'avg_mean' | 'avg_var' | 'gamma' | 'beta', Parameter>;

  it('initialises its four parameters from x (dtype, D = x.shape[1]) and updates the running statistics', () => {
    const bn = new L.BatchNorm();
    const p = params(bn);
    assert.equal(p.gamma.data, null);
    const x = seeded([4, 3], 13);
    bn.call(x);
    for (const k of ['avg_mean', 'avg_var', 'gamma', 'beta'] as const) assert.deepEqual([p[k].shape, p[k].dtype], [[3], 'float64'], k);
    assert.deepEqual(values(p.gamma.data!), [1, 1, 1]);
    assert.deepEqual(values(p.beta.data!), [0, 0, 0]);
    const mean = x.mean(0), variance = x.var(0);
    for (let j = 0; j < 3; j++) {
      assert.ok(Math.abs(p.avg_mean.data!.at(j) - 0.1 * mean.at(j)) < 1e-16);
      // Unbiased: var · m / (m − 1) with m = 4 rows.
      assert.ok(Math.abs(p.avg_var.data!.at(j) - (0.9 + 0.1 * variance.at(j) * 4 / 3)) < 1e-15);
    }
    const f32 = new L.BatchNorm();
    f32.call(seeded([2, 2, 3, 3], 14, -1, 1, 'float32'));
    assert.equal(params(f32).gamma.dtype, 'float32');
    assert.deepEqual(params(f32).gamma.shape, [2]);
  });

  it('test mode uses the running statistics and leaves them unchanged', () => {
    const bn = new L.BatchNorm();
    bn.call(seeded([4, 3], 15));
    const p = params(bn);
    const before = values(p.avg_mean.data!);
    const x = seeded([2, 3], 16);
    const y = testMode(() => bn.call(x));
    assert.deepEqual(values(p.avg_mean.data!), before);
    for (let i = 0; i < 6; i++) {
      const j = i % 3;
      const want = (x.at(i) - p.avg_mean.data!.at(j)) / Math.sqrt(p.avg_var.data!.at(j) + 2e-5);
      assert.ok(Math.abs(y.data!.at(i) - want) < 1e-14);
    }
  });

  /** A BatchNorm with fixed gamma, beta and running statistics; its checked Variables. */
  function fixed(shape: number[], seed: number): { bn: InstanceType<typeof L.BatchNorm>; vars: Checked[]; xv: Variable } {
    const bn = new L.BatchNorm();
    const xv = new Variable(seeded(shape, seed));
    bn.call(xv);
    const p = params(bn), C = shape[1];
    fix(p.gamma, [C], seed + 1, 0.5, 1.5); fix(p.beta, [C], seed + 2);
    fix(p.avg_mean, [C], seed + 3); fix(p.avg_var, [C], seed + 4, 0.5, 1.5);
    return { bn, xv, vars: [{ name: 'x', v: xv }, { name: 'gamma', v: p.gamma }, { name: 'beta', v: p.beta }] };
  }

  for (const shape of [[5, 3], [2, 3, 2, 2]]) {
    it(`training mode ${shape.length}-d: first order wrt x, gamma, beta; second order wrt gamma and beta`, () => {
      const { bn, xv, vars } = fixed(shape, 17);
      checkVarsFirstOrder(() => bn.call(xv), vars);
      // DeZero's BatchNorm.backward multiplies by the inv_std saved in forward, a constant to
      // the graph; so d(gx)/dx built by backprop leaves out inv_std's dependence on x, and only
      // the derivatives with respect to gamma and beta match finite differences (see the
      // batchNorm case in functions.test.ts). We keep DeZero's formulation.
      checkVarsSecondOrder(() => bn.call(xv), vars, { square: true, of: ['gamma', 'beta'] });
    });
    it(`test mode ${shape.length}-d: first and second order wrt x, gamma, beta`, () => {
      const { bn, xv, vars } = fixed(shape, 23);
      const f = () => testMode(() => bn.call(xv));
      checkVarsFirstOrder(f, vars);
      checkVarsSecondOrder(f, vars, { square: true });
    });
  }
});

describe('L.Conv2d and L.Deconv2d', () => {
  it('Conv2d draws W (OC, C, KH, KW) · sqrt(1/(C·KH·KW)) at the first forward; b float32 zeros', () => {
    np.random.seed(30);
    const c = new L.Conv2d(3, [2, 3], { pad: 1 });
    assert.equal(c.W.data, null);
    const y = c.call(seeded([2, 2, 5, 5], 31));
    assert.equal(c.inChannels, 2);
    assert.deepEqual(c.W.shape, [3, 2, 2, 3]);
    assert.deepEqual(values(c.W.data!), expectedInit(30, [3, 2, 2, 3], Math.sqrt(1 / 12)));
    assert.deepEqual([c.b!.dtype, values(c.b!.data!)], ['float32', [0, 0, 0]]);
    assert.deepEqual(y.shape, [2, 3, 6, 5]);
  });
  it('Deconv2d draws W (C, OC, KH, KW); inChannels given draws at construction', () => {
    np.random.seed(32);
    const d = new L.Deconv2d(4, 3, { stride: 2, pad: 1, inChannels: 2 });
    assert.deepEqual(values(d.W.data!), expectedInit(32, [2, 4, 3, 3], Math.sqrt(1 / 18)));
    assert.deepEqual(d.call(seeded([1, 2, 3, 3], 33)).shape, [1, 4, 5, 5]);
    const nb = new L.Deconv2d(4, 3, { nobias: true });
    assert.equal(nb.b, null);
  });

  interface ConvCase { name: string; layer: () => InstanceType<typeof L.Conv2d> | InstanceType<typeof L.Deconv2d>; x: number[]; W: number[] }
  // Input sizes where (H + 2·pad − KH) is a multiple of the stride: otherwise DeZero's
  // Conv2d.backward (deconv2d without outsize) returns a smaller gx (see conv.test.ts).
  const cases: ConvCase[] = [
    { name: 'Conv2d 3×3 stride 1 pad 1', layer: () => new L.Conv2d(3, 3, { pad: 1, inChannels: 2 }), x: [2, 2, 4, 4], W: [3, 2, 3, 3] },
    { name: 'Conv2d (2, 3) kernel, stride (2, 1), pad (1, 0), nobias', layer: () => new L.Conv2d(2, [2, 3], { stride: [2, 1], pad: [1, 0], nobias: true, inChannels: 2 }), x: [1, 2, 6, 4], W: [2, 2, 2, 3] },
    { name: 'Deconv2d 3×3 stride 1', layer: () => new L.Deconv2d(3, 3, { inChannels: 2 }), x: [2, 2, 3, 3], W: [2, 3, 3, 3] },
    { name: 'Deconv2d 3×3 stride 2 pad 1', layer: () => new L.Deconv2d(2, 3, { stride: 2, pad: 1, inChannels: 2 }), x: [1, 2, 3, 3], W: [2, 2, 3, 3] },
  ];
  for (const c of cases) {
    it(`${c.name}: first and second order wrt x, W${c.name.includes('nobias') ? '' : ', b'}`, () => {
      const l = c.layer(), xv = new Variable(seeded(c.x, 34));
      const vars: Checked[] = [{ name: 'x', v: xv }, { name: 'W', v: fix(l.W, c.W, 35) }];
      if (l.b) vars.push({ name: 'b', v: fix(l.b, [c.W[l instanceof L.Conv2d ? 0 : 1]], 36) });
      checkVarsFirstOrder(() => l.call(xv), vars);
      checkVarsSecondOrder(() => l.call(xv), vars, { square: true });
    });
  }
});
