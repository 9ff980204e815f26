// Every differentiable function: forward values, first- and second-order gradients against
// finite differences, broadcast shapes, float32, and the error case.
import assert from 'node:assert/strict';
import { F, NDArray, Variable, np, Config, testMode, EngineError } from '../../src/engine/index';
import { checkFirstOrder, checkSecondOrder, seeded } from '../helpers/gradcheck';

type Fn = (...xs: Variable[]) => Variable;
interface Case { name: string; f: Fn; inputs: () => NDArray[]; forward: (xs: number[][]) => number[]; second?: boolean }

const a23 = () => seeded([2, 3], 1);
const b23 = () => seeded([2, 3], 2);
const pos23 = () => seeded([2, 3], 3, 0.5, 2);
const b3 = () => seeded([3], 4);
const b21 = () => seeded([2, 1], 5);
const map1 = (g: (v: number) => number) => (xs: number[][]) => xs[0].map(g);
const bc = (xs: number[][], n: number, m: number, g: (a: number, b: number) => number, sb: [number, number]) =>
  Array.from({ length: n * m }, (_, k) => g(xs[0][k], xs[1][(sb[0] ? Math.floor(k / m) : 0) * (sb[1] ? m : 0) / (sb[1] ? 1 : 1) + (sb[1] ? k % m : 0)]));
const softmaxRows = (v: number[], n: number, m: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = v.slice(i * m, i * m + m), mx = Math.max(...row);
    const e = row.map((x) => Math.exp(x - mx)), s = e.reduce((p, q) => p + q);
    out.push(...e.map((x) => x / s));
  }
  return out;
};

const labels = () => NDArray.from([2, 0], [2], 'int64');
const cases: Case[] = [
  { name: 'add', f: (x, y) => F.add(x, y), inputs: () => [a23(), b23()], forward: (xs) => xs[0].map((v, i) => v + xs[1][i]) },
  { name: 'add broadcast (2,3)+(3,)', f: (x, y) => F.add(x, y), inputs: () => [a23(), b3()], forward: (xs) => xs[0].map((v, i) => v + xs[1][i % 3]) },
  { name: 'sub broadcast (2,3)-(2,1)', f: (x, y) => F.sub(x, y), inputs: () => [a23(), b21()], forward: (xs) => xs[0].map((v, i) => v - xs[1][Math.floor(i / 3)]) },
  { name: 'mul broadcast (2,3)*(3,)', f: (x, y) => F.mul(x, y), inputs: () => [a23(), b3()], forward: (xs) => xs[0].map((v, i) => v * xs[1][i % 3]) },
  { name: 'div', f: (x, y) => F.div(x, y), inputs: () => [a23(), pos23()], forward: (xs) => xs[0].map((v, i) => v / xs[1][i]) },
  { name: 'div broadcast (2,3)/(2,1)', f: (x, y) => F.div(x, y), inputs: () => [a23(), seeded([2, 1], 6, 0.5, 2)], forward: (xs) => xs[0].map((v, i) => v / xs[1][Math.floor(i / 3)]) },
  { name: 'neg', f: (x) => F.neg(x), inputs: () => [a23()], forward: map1((v) => -v) },
  { name: 'pow 3', f: (x) => F.pow(x, 3n), inputs: () => [a23()], forward: map1((v) => v ** 3) },
  { name: 'pow 2.5', f: (x) => F.pow(x, 2.5), inputs: () => [pos23()], forward: map1((v) => v ** 2.5) },
  { name: 'rsub (2 - x)', f: (x) => F.rsub(x, 2.0), inputs: () => [a23()], forward: map1((v) => 2 - v) },
  { name: 'rdiv (2 / x)', f: (x) => F.rdiv(x, 2.0), inputs: () => [pos23()], forward: map1((v) => 2 / v) },
  { name: 'sin', f: (x) => F.sin(x), inputs: () => [a23()], forward: map1(Math.sin) },
  { name: 'cos', f: (x) => F.cos(x), inputs: () => [a23()], forward: map1(Math.cos) },
  { name: 'tanh', f: (x) => F.tanh(x), inputs: () => [a23()], forward: map1(Math.tanh) },
  { name: 'exp', f: (x) => F.exp(x), inputs: () => [a23()], forward: map1(Math.exp) },
  { name: 'log', f: (x) => F.log(x), inputs: () => [pos23()], forward: map1(Math.log) },
  { name: 'reshape', f: (x) => F.reshape(x, [3, 2]), inputs: () => [a23()], forward: (xs) => xs[0] },
  { name: 'transpose', f: (x) => F.transpose(x), inputs: () => [a23()], forward: (xs) => [0, 3, 1, 4, 2, 5].map((i) => xs[0][i]) },
  { name: 'transpose axes (1,2,0)', f: (x) => F.transpose(x, [1, 2, 0]), inputs: () => [seeded([2, 3, 4], 7)], forward: (xs) => {
    const out: number[] = [];
    for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) for (let i = 0; i < 2; i++) out.push(xs[0][i * 12 + j * 4 + k]);
    return out;
  } },
  { name: 'getItem row', f: (x) => F.getItem(x, 1), inputs: () => [a23()], forward: (xs) => xs[0].slice(3) },
  { name: 'getItem repeated ints', f: (x) => F.getItem(x, [NDArray.from([0, 0, 1], [3], 'int64')]), inputs: () => [a23()], forward: (xs) => [...xs[0].slice(0, 3), ...xs[0].slice(0, 3), ...xs[0].slice(3)] },
  { name: 'getItem x[arange, t]', f: (x) => F.getItem(x, [np.arange(2n), NDArray.from([2, 0], [2], 'int64')]), inputs: () => [a23()], forward: (xs) => [xs[0][2], xs[0][3]] },
  { name: 'expandDims', f: (x) => F.expandDims(x, 1), inputs: () => [a23()], forward: (xs) => xs[0] },
  { name: 'flatten', f: (x) => F.flatten(x), inputs: () => [seeded([2, 3, 2], 8)], forward: (xs) => xs[0] },
  { name: 'broadcastTo', f: (x) => F.broadcastTo(x, [2, 3]), inputs: () => [b3()], forward: (xs) => [...xs[0], ...xs[0]] },
  { name: 'sumTo', f: (x) => F.sumTo(x, [1, 3]), inputs: () => [a23()], forward: (xs) => [0, 1, 2].map((j) => xs[0][j] + xs[0][j + 3]) },
  { name: 'sum', f: (x) => F.sum(x), inputs: () => [a23()], forward: (xs) => [xs[0].reduce((p, q) => p + q)] },
  { name: 'sum axis 0 keepdims', f: (x) => F.sum(x, 0, true), inputs: () => [a23()], forward: (xs) => [0, 1, 2].map((j) => xs[0][j] + xs[0][j + 3]) },
  { name: 'sum axis (0,2)', f: (x) => F.sum(x, [0, 2]), inputs: () => [seeded([2, 3, 2], 9)], forward: (xs) => [0, 1, 2].map((j) => xs[0][j * 2] + xs[0][j * 2 + 1] + xs[0][6 + j * 2] + xs[0][7 + j * 2]) },
  { name: 'mean axis 1', f: (x) => F.mean(x, 1), inputs: () => [a23()], forward: (xs) => [0, 1].map((i) => (xs[0][i * 3] + xs[0][i * 3 + 1] + xs[0][i * 3 + 2]) / 3) },
  { name: 'max axis 1', f: (x) => F.max(x, 1), inputs: () => [a23()], forward: (xs) => [0, 1].map((i) => Math.max(...xs[0].slice(i * 3, i * 3 + 3))) },
  { name: 'min', f: (x) => F.min(x), inputs: () => [a23()], forward: (xs) => [Math.min(...xs[0])] },
  { name: 'matmul', f: (x, W) => F.matmul(x, W), inputs: () => [a23(), seeded([3, 4], 10)], forward: (xs) => {
    const out: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 4; j++) out.push([0, 1, 2].reduce((s, k) => s + xs[0][i * 3 + k] * xs[1][k * 4 + j], 0));
    return out;
  } },
  { name: 'linear with b', f: (x, W, b) => F.linear(x, W, b), inputs: () => [a23(), seeded([3, 4], 10), seeded([4], 11)], forward: (xs) => {
    const out: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 4; j++) out.push([0, 1, 2].reduce((s, k) => s + xs[0][i * 3 + k] * xs[1][k * 4 + j], 0) + xs[2][j]);
    return out;
  } },
  { name: 'sigmoid', f: (x) => F.sigmoid(x), inputs: () => [a23()], forward: map1((v) => 1 / (1 + Math.exp(-v))) },
  { name: 'sigmoidSimple', f: (x) => F.sigmoidSimple(x), inputs: () => [a23()], forward: map1((v) => 1 / (1 + Math.exp(-v))) },
  { name: 'relu', f: (x) => F.relu(x), inputs: () => [a23()], forward: map1((v) => Math.max(v, 0)) },
  { name: 'leakyRelu', f: (x) => F.leakyRelu(x, 0.2), inputs: () => [a23()], forward: map1((v) => (v > 0 ? v : 0.2 * v)) },
  { name: 'softmax', f: (x) => F.softmax(x), inputs: () => [a23()], forward: (xs) => softmaxRows(xs[0], 2, 3) },
  { name: 'softmaxSimple', f: (x) => F.softmaxSimple(x), inputs: () => [a23()], forward: (xs) => softmaxRows(xs[0], 2, 3) },
  { name: 'logSoftmax', f: (x) => F.logSoftmax(x), inputs: () => [a23()], forward: (xs) => softmaxRows(xs[0], 2, 3).map(Math.log) },
  { name: 'meanSquaredError', f: (x, y) => F.meanSquaredError(x, y), inputs: () => [a23(), b23()], forward: (xs) => [xs[0].reduce((s, v, i) => s + (v - xs[1][i]) ** 2, 0) / 2] },
  { name: 'meanSquaredErrorSimple', f: (x, y) => F.meanSquaredErrorSimple(x, y), inputs: () => [a23(), b23()], forward: (xs) => [xs[0].reduce((s, v, i) => s + (v - xs[1][i]) ** 2, 0) / 2] },
  { name: 'softmaxCrossEntropy', f: (x) => F.softmaxCrossEntropy(x, labels()), inputs: () => [a23()], forward: (xs) => {
    const p = softmaxRows(xs[0], 2, 3);
    return [-(Math.log(p[2]) + Math.log(p[3])) / 2];
  } },
  { name: 'softmaxCrossEntropySimple', f: (x) => F.softmaxCrossEntropySimple(x, labels()), inputs: () => [a23()], forward: (xs) => {
    const p = softmaxRows(xs[0], 2, 3);
    return [-(Math.log(p[2]) + Math.log(p[3])) / 2];
  } },
  { name: 'sigmoidCrossEntropy', f: (x) => F.sigmoidCrossEntropy(x, NDArray.from([1, 0, 1, 1, 0, 0], [2, 3], 'int64')), inputs: () => [a23()], forward: (xs) => {
    const t = [1, 0, 1, 1, 0, 0];
    return [-xs[0].reduce((s, v, i) => { const p = 1 / (1 + Math.exp(-v)); return s + t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p); }, 0) / 2];
  } },
  { name: 'binaryCrossEntropy', f: (p) => F.binaryCrossEntropy(p, NDArray.from([1, 0, 1, 1, 0, 0], [2, 3], 'float64')), inputs: () => [seeded([2, 3], 12, 0.1, 0.9)], forward: (xs) => {
    const t = [1, 0, 1, 1, 0, 0];
    return [-xs[0].reduce((s, p, i) => s + t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p), 0) / 2];
  } },
  { name: 'clip', f: (x) => F.clip(x, -0.3, 0.4), inputs: () => [a23()], forward: map1((v) => Math.min(Math.max(v, -0.3), 0.4)) },
  { name: 'embedId', f: (W) => F.embedId(NDArray.from([2, 0, 2], [3], 'int64'), W), inputs: () => [seeded([4, 3], 13)], forward: (xs) => [...xs[0].slice(6, 9), ...xs[0].slice(0, 3), ...xs[0].slice(6, 9)] },
];

describe('engine functions: forward, first and second order', () => {
  for (const c of cases) {
    describe(c.name, () => {
      it('forward values', () => {
        const ins = c.inputs();
        const y = c.f(...ins.map((a) => new Variable(a)));
        const got = Array.from(y.data!.values());
        const want = c.forward(ins.map((a) => Array.from(a.values())));
        assert.equal(got.length, want.length);
        got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-12 + 1e-12 * Math.abs(want[i]), `element ${i}: ${g} vs ${want[i]}`));
      });
      it('first-order gradient matches finite differences', () => checkFirstOrder(c.f, c.inputs()));
      it('second-order gradient matches finite differences', () => checkSecondOrder(c.f, c.inputs()));
    });
  }
});

describe('batchNorm', () => {
  const gamma = () => seeded([3], 21, 0.5, 1.5), beta = () => seeded([3], 22);
  const bn = (x: Variable, g: Variable, b: Variable) => F.batchNorm(x, g, b, np.zeros([3]), np.ones([3]));
  it('normalises each column in training mode', () => {
    const y = bn(new Variable(seeded([4, 3], 20)), new Variable(np.ones([3])), new Variable(np.zeros([3])));
    const m = y.data!.mean(0), v = y.data!.var(0);
    for (let j = 0; j < 3; j++) { assert.ok(Math.abs(m.data[j]) < 1e-12); assert.ok(Math.abs(v.data[j] - 1) < 1e-3); }
  });
  it('first and second order gradients (2-d and 4-d)', () => {
    checkFirstOrder(bn, [seeded([4, 3], 20), gamma(), beta()]);
    checkSecondOrder(bn, [seeded([4, 3], 20), gamma(), beta()], { only: [1, 2] });
    checkFirstOrder(bn, [seeded([2, 3, 2, 2], 23), gamma(), beta()]);
  });
  it('updates the running statistics, and uses them in test mode', () => {
    const mean = np.zeros([3]), variance = np.ones([3]);
    const x = seeded([4, 3], 20);
    F.batchNorm(x, np.ones([3]), np.zeros([3]), mean, variance);
    assert.ok(Math.abs(mean.data[0] - 0.1 * x.mean(0).data[0]) < 1e-12);
    const y = testMode(() => F.batchNorm(x, np.ones([3]), np.zeros([3]), mean, variance));
    const expect = (x.data[0] - mean.data[0]) / Math.sqrt(variance.data[0] + 2e-5);
    assert.ok(Math.abs(y.data!.data[0] - expect) < 1e-12);
  });
});

describe('float32', () => {
  it('computes float32 forward values, and gradients with NumPy 2\'s promotion', () => {
    const x = new Variable(seeded([4, 3], 30, -1, 1, 'float32'));
    const W = new Variable(seeded([3, 2], 31, -1, 1, 'float32'));
    const y = F.sum(F.sigmoid(F.linear(x, W, null)));
    assert.equal(y.dtype, 'float32');
    y.backward();
    // Sigmoid's backward has (1 - y): np.array(1) is a strong int64 array under NumPy 2, and
    // int64 with float32 promotes to float64 — so DeZero's gradient here is float64 too.
    assert.equal(W.grad!.dtype, 'float64');
    // The same computation in float64 agrees to float32 precision.
    const x64 = new Variable(x.data!.astype('float64')), W64 = new Variable(W.data!.astype('float64'));
    F.sum(F.sigmoid(F.linear(x64, W64, null))).backward();
    for (let i = 0; i < 6; i++) assert.ok(Math.abs(W.grad!.data!.data[i] - W64.grad!.data!.data[i]) < 1e-6);
  });
  it('a Python float constant stays weak in forward, but DeZero\'s as_array makes it float64', () => {
    const x = new Variable(seeded([3], 32, -1, 1, 'float32'));
    assert.equal(F.sigmoid(x).dtype, 'float32');
    // mul(x, 2.0) wraps 2.0 as np.array(2.0): float64 under NumPy 2's promotion rules.
    assert.equal(F.mul(x, 2.0).dtype, 'float64');
  });
  it('gradient checks hold for float32 inputs cast to float64 (DeZero gradient_check)', () => {
    checkFirstOrder((x) => F.tanh(F.mul(x, x)), [seeded([2, 3], 33, -1, 1, 'float32')]);
  });
});

describe('non-differentiable helpers', () => {
  it('accuracy', () => {
    const y = new Variable(NDArray.from([0.2, 0.8, 0, 0.1, 0.9, 0, 0.8, 0.1, 0.1], [3, 3]));
    const acc = F.accuracy(y, NDArray.from([1, 2, 0], [3], 'int64'));
    assert.equal(acc.toString(), 'variable(0.6666666666666666)');
  });
  it('dropout scales in training and is the identity in test mode', () => {
    np.random.seed(0);
    const x = np.ones([1000]);
    const y = F.dropout(x, 0.5);
    const kept = Array.from(y.data!.values()).filter((v) => v !== 0);
    assert.ok(kept.every((v) => v === 2));
    assert.ok(kept.length > 400 && kept.length < 600);
    assert.equal(testMode(() => F.dropout(x, 0.5)).data, x);
    assert.equal(Config.train, true);
  });
});

describe('errors name the op and the shapes', () => {
  it('matmul with misaligned shapes', () => {
    assert.throws(() => F.matmul(np.ones([2, 3]), np.ones([2, 3])), (e: unknown) =>
      e instanceof EngineError && e.pyType === 'ValueError' && e.message === 'shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)' && e.op === 'MatMul.forward');
  });
  it('add with unbroadcastable shapes', () => {
    assert.throws(() => F.add(np.ones([2, 3]), np.ones([4])), (e: unknown) =>
      e instanceof EngineError && e.message.startsWith('operands could not be broadcast together with shapes (2,3) (4,)') && e.op === 'Add.forward');
  });
  it('a non-array input is a TypeError as in DeZero', () => {
    assert.throws(() => F.sin(2.0), (e: unknown) => e instanceof EngineError && e.pyType === 'TypeError' && e.message === "<class 'float'> is not supported");
  });
});
