// L.RNN and L.LSTM: DeZero's weight draws, forward values of a first step (no state) and a
// second step (using the state) against a direct computation, and first- and second-order
// gradients with respect to the inputs, the state and every Parameter, through the layer
// with its weights fixed. For the LSTM's 12 parameters the second order is checked as one
// Hessian-vector product over all of them (every block counts), plus the input's row alone.
import assert from 'node:assert/strict';
import { L, NDArray, Parameter, Variable, np } from '../../src/engine/index';
import { seeded } from '../helpers/gradcheck';
import { Checked, checkVarsFirstOrder, checkVarsSecondOrder } from '../helpers/varcheck';

type Linear = InstanceType<typeof L.Linear>;
type Mat = number[][];

const I = 2, H = 3, N = 2;
const values = (a: NDArray) => Array.from(a.values());
const toMat = (a: NDArray): Mat => Array.from({ length: a.shape[0] }, (_, i) => values(a).slice(i * a.shape[1], (i + 1) * a.shape[1]));
const matmul = (a: Mat, b: Mat): Mat => a.map((r) => b[0].map((_, j) => r.reduce((s, v, k) => s + v * b[k][j], 0)));
const zip = (a: Mat, b: Mat, f: (x: number, y: number) => number): Mat => a.map((r, i) => r.map((v, j) => f(v, b[i][j])));
const plus = (a: Mat, b: Mat) => zip(a, b, (x, y) => x + y);
const times = (a: Mat, b: Mat) => zip(a, b, (x, y) => x * y);
const each = (a: Mat, f: (x: number) => number) => a.map((r) => r.map(f));
const addRow = (a: Mat, b: number[]) => a.map((r) => r.map((v, j) => v + b[j]));
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

function near(got: NDArray, want: Mat, what: string): void {
  const g = values(got), w = want.flat();
  assert.equal(g.length, w.length, `${what}: size`);
  w.forEach((v, i) => assert.ok(Math.abs(g[i] - v) <= 1e-14, `${what}[${i}]: ${g[i]} vs ${v}`));
}

function fix(p: Parameter | null, shape: number[], seed: number): Parameter {
  assert.ok(p);
  p.data = seeded(shape, seed);
  return p;
}

describe('L.RNN', () => {
  function fixedRNN(): { rnn: InstanceType<typeof L.RNN>; params: Checked[] } {
    const rnn = new L.RNN(H);
    const x2h = rnn.attr<Linear>('x2h'), h2h = rnn.attr<Linear>('h2h');
    // Weights set before the first call are kept (no lazy draw).
    const params: Checked[] = [
      { name: 'x2h/W', v: fix(x2h.W, [I, H], 1) }, { name: 'x2h/b', v: fix(x2h.b, [H], 2) }, { name: 'h2h/W', v: fix(h2h.W, [H, H], 3) },
    ];
    assert.equal(h2h.b, null);
    return { rnn, params };
  }
  const x0 = new Variable(seeded([N, I], 4)), x1 = new Variable(seeded([N, I], 5));

  it('draws x2h.W at the first step and h2h.W at the second (H × H), as DeZero', () => {
    np.random.seed(6);
    const rnn = new L.RNN(H);
    rnn.call(seeded([N, I], 7));
    assert.equal(rnn.attr<Linear>('h2h').W.data, null, 'h2h is not used at the first step');
    rnn.call(seeded([N, I], 8));
    np.random.seed(6);
    const scale = (n: number) => (v: number) => Math.fround(v) * Math.sqrt(1 / n);
    assert.deepEqual(values(rnn.attr<Linear>('x2h').W.data!), values(np.random.randn(I, H)).map(scale(I)));
    assert.deepEqual(values(rnn.attr<Linear>('h2h').W.data!), values(np.random.randn(H, H)).map(scale(H)));
  });
  it('an in_size other than hidden_size works past the first step (DeZero builds h2h with in_size inputs)', () => {
    const rnn = new L.RNN(H, I);
    assert.deepEqual(rnn.attr<Linear>('h2h').W.shape, [H, H]);
    rnn.call(seeded([N, I], 9));
    assert.deepEqual(rnn.call(seeded([N, I], 10)).shape, [N, H]);
  });
  it('forward: h1 = tanh(x0·Wx + b), h2 = tanh(x1·Wx + b + h1·Wh); reset_state forgets h', () => {
    const { rnn, params } = fixedRNN();
    const [Wx, b, Wh] = params.map((p) => p.v.data!);
    const h1 = each(addRow(matmul(toMat(x0.data!), toMat(Wx)), values(b)), Math.tanh);
    near(rnn.call(x0).data!, h1, 'h1');
    const h2 = each(plus(addRow(matmul(toMat(x1.data!), toMat(Wx)), values(b)), matmul(h1, toMat(Wh))), Math.tanh);
    near(rnn.call(x1).data!, h2, 'h2');
    rnn.resetState();
    assert.equal(rnn.h, null);
    near(rnn.call(x0).data!, h1, 'h1 after reset_state');
  });
  it('first step: gradients wrt x and x2h (h2h gets none)', () => {
    const { rnn, params } = fixedRNN();
    const f = () => { rnn.resetState(); return rnn.call(x0); };
    const vars = [{ name: 'x', v: x0 }, ...params.slice(0, 2)];
    checkVarsFirstOrder(f, vars);
    checkVarsSecondOrder(f, vars);
    assert.equal(params[2].v.grad, null);
  });
  it('second step: gradients wrt x0, x1 and every parameter, through the state', () => {
    const { rnn, params } = fixedRNN();
    const f = () => { rnn.resetState(); rnn.call(x0); return rnn.call(x1); };
    const vars = [{ name: 'x0', v: x0 }, { name: 'x1', v: x1 }, ...params];
    checkVarsFirstOrder(f, vars);
    checkVarsSecondOrder(f, vars);
  });
});

describe('L.LSTM', () => {
  const gates = ['f', 'i', 'o', 'u'];
  it('draws x2f, x2i, x2o, x2u (I × H) then h2f, h2i, h2o, h2u (H × H) at construction when in_size is given', () => {
    np.random.seed(11);
    const lstm = new L.LSTM(H, I);
    np.random.seed(11);
    for (const [from, n] of [['x', I], ['h', H]] as const) {
      for (const g of gates) {
        const l = lstm.attr<Linear>(`${from}2${g}`);
        assert.deepEqual(values(l.W.data!), values(np.random.randn(n, H)).map((v) => Math.fround(v) * Math.sqrt(1 / n)), `${from}2${g}.W`);
        assert.equal(l.b === null, from === 'h', `${from}2${g}.b`);
      }
    }
    assert.equal([...lstm.params()].length, 12);
  });

  function fixedLSTM(): { lstm: InstanceType<typeof L.LSTM>; params: Checked[]; p: Record<string, NDArray> } {
    const lstm = new L.LSTM(H, I);
    const params: Checked[] = [];
    gates.forEach((g, k) => {
      const x2 = lstm.attr<Linear>(`x2${g}`), h2 = lstm.attr<Linear>(`h2${g}`);
      params.push({ name: `x2${g}/W`, v: fix(x2.W, [I, H], 20 + k) }, { name: `x2${g}/b`, v: fix(x2.b, [H], 30 + k) });
      params.push({ name: `h2${g}/W`, v: fix(h2.W, [H, H], 40 + k) });
    });
    return { lstm, params, p: Object.fromEntries(params.map((c) => [c.name, c.v.data!])) };
  }

  /** One LSTM step computed directly; h and c null for the first step. */
  function step(p: Record<string, NDArray>, x: NDArray, h: Mat | null, c: Mat | null): { h: Mat; c: Mat } {
    const gate = (g: string, act: (v: number) => number) => {
      let z = addRow(matmul(toMat(x), toMat(p[`x2${g}/W`])), values(p[`x2${g}/b`]));
      if (h) z = plus(z, matmul(h, toMat(p[`h2${g}/W`])));
      return each(z, act);
    };
    const f = gate('f', sigmoid), i = gate('i', sigmoid), o = gate('o', sigmoid), u = gate('u', Math.tanh);
    const cNew = c ? plus(times(f, c), times(i, u)) : times(i, u);
    return { h: times(o, each(cNew, Math.tanh)), c: cNew };
  }

  const x0 = new Variable(seeded([N, I], 12)), x1 = new Variable(seeded([N, I], 13));
  it('forward of a first and a second step', () => {
    const { lstm, p } = fixedLSTM();
    const s1 = step(p, x0.data!, null, null);
    near(lstm.call(x0).data!, s1.h, 'h1');
    near(lstm.c!.data!, s1.c, 'c1');
    const s2 = step(p, x1.data!, s1.h, s1.c);
    near(lstm.call(x1).data!, s2.h, 'h2');
    near(lstm.c!.data!, s2.c, 'c2');
  });
  // The first step's c = i·u: the forget gate is computed but unused, as in DeZero.
  const unusedAtFirst = (name: string) => name.startsWith('h2') || name.startsWith('x2f');
  it('first step (h None): gradients wrt x and every x2i, x2o, x2u parameter; x2f and h2* get none', () => {
    const { lstm, params } = fixedLSTM();
    const f = () => { lstm.resetState(); return lstm.call(x0); };
    const vars = [{ name: 'x', v: x0 }, ...params.filter((c) => !unusedAtFirst(c.name))];
    checkVarsFirstOrder(f, vars);
    checkVarsSecondOrder(f, vars, { wrt: ['x'] });
    checkVarsSecondOrder(f, vars, { together: true });
    for (const c of params.filter((q) => unusedAtFirst(q.name))) assert.equal(c.v.grad, null, c.name);
  });
  it('second step: gradients wrt x0, x1 and all 12 parameters, through h and c', () => {
    const { lstm, params } = fixedLSTM();
    const f = () => { lstm.resetState(); lstm.call(x0); return lstm.call(x1); };
    const vars = [{ name: 'x0', v: x0 }, { name: 'x1', v: x1 }, ...params];
    checkVarsFirstOrder(f, vars);
    checkVarsSecondOrder(f, vars, { wrt: ['x1'] });
    checkVarsSecondOrder(f, vars, { together: true });
  });
  it('a step from a given state: gradients wrt x, h, c and every parameter', () => {
    const { lstm, params } = fixedLSTM();
    const h = new Variable(seeded([N, H], 14)), c = new Variable(seeded([N, H], 15));
    const f = () => { lstm.h = h; lstm.c = c; return lstm.call(x1); };
    const vars = [{ name: 'x', v: x1 }, { name: 'h', v: h }, { name: 'c', v: c }, ...params];
    checkVarsFirstOrder(f, vars);
    checkVarsSecondOrder(f, vars, { wrt: ['x', 'c'] });
    checkVarsSecondOrder(f, vars, { together: true });
  });
});
