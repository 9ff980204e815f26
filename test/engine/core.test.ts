// DeZero's core semantics: double backprop (Newton, Hessian-vector product, tanh's higher
// derivatives and their graph sizes, WGAN-GP), Config, generations, hooks, repr, DOT.
import assert from 'node:assert/strict';
import { Config, F, Function, NDArray, Parameter, Variable, noGrad, np, utils, EngineObserver } from '../../src/engine/index';
import { seeded } from '../helpers/gradcheck';

/** Distinct functions + variables reachable from v through creators and inputs. */
function graphSize(v: Variable): number {
  const seen = new Set<Variable | Function>([v]);
  const stack: (Variable | Function)[] = [v];
  while (stack.length) {
    const n = stack.pop()!;
    const next = n instanceof Variable ? (n.creator ? [n.creator] : []) : n.inputs;
    for (const m of next) if (!seen.has(m)) { seen.add(m); stack.push(m); }
  }
  return seen.size;
}

describe('double backprop', () => {
  it("Newton's method on x⁴ − 2x² from 2.0 prints DeZero's iterates", () => {
    const x = new Variable(np.array(2.0));
    const printed: string[] = [];
    for (let i = 0; i < 8; i++) {
      printed.push(x.data!.toString());
      const y = F.sub(F.pow(x, 4n), F.mul(F.pow(x, 2n), 2n));
      x.cleargrad();
      y.backward({ createGraph: true });
      const gx = x.grad!;
      x.cleargrad();
      gx.backward();
      const gx2 = x.grad!;
      x.data = x.data!.sub(gx.data!.div(gx2.data!));
    }
    assert.deepEqual(printed, ['2.0', '1.4545454545454546', '1.1510467893775467', '1.0253259289766978',
      '1.0009084519430513', '1.0000012353089454', '1.000000000002289', '1.0']);
  });

  it('Hessian-vector product: x = [1, 2], v = [4, 5], f = sum(x²) gives variable([ 8. 10.])', () => {
    const x = new Variable(np.array([1.0, 2.0]));
    const v = new Variable(np.array([4.0, 5.0]));
    const y = F.sum(F.pow(x, 2n));
    y.backward({ createGraph: true });
    const gx = x.grad!;
    x.cleargrad();
    F.matmul(v, gx).backward();
    assert.equal(x.grad!.toString(), 'variable([ 8. 10.])');
  });

  it("y = x², gx = dy/dx, z = gx³ + y: z'(2) = 100", () => {
    const x = new Variable(np.array(2.0));
    const y = F.pow(x, 2n);
    y.backward({ createGraph: true });
    const gx = x.grad!;
    x.cleargrad();
    const z = F.add(F.pow(gx, 3n), y);
    z.backward();
    assert.equal(x.grad!.toString(), 'variable(100.0)');
  });

  it("tanh's n-th derivatives at 1.0 and DeZero's graph sizes, n = 1…9", () => {
    const values = [0.41997434161402614, -0.6397000084492246, 0.6216266807712962, 0.6650910447505024,
      -5.556893558473722, 13.624075441312101, 12.288367894320414, -277.06213560303127, 1183.4218675111379];
    const sizes = [11, 22, 48, 110, 268, 690, 1856, 5158, 14676];
    const x = new Variable(np.array(1.0));
    F.tanh(x).backward({ createGraph: true });
    for (let n = 1; n <= 9; n++) {
      const gx = x.grad!;
      assert.equal(gx.data!.item(), values[n - 1], `derivative ${n}`);
      assert.equal(graphSize(gx), sizes[n - 1], `graph of derivative ${n}`);
      assert.equal(gx.order, n, `order of derivative ${n}`);
      if (n < 9) { x.cleargrad(); gx.backward({ createGraph: true }); }
    }
  });

  it('WGAN-GP gradient penalty reaches the critic\'s parameters (finite differences)', () => {
    const W1 = new Parameter(seeded([2, 4], 41)), b1 = new Parameter(seeded([4], 42));
    const W2 = new Parameter(seeded([4, 1], 43)), b2 = new Parameter(seeded([1], 44));
    const xhat = seeded([3, 2], 45);
    const critic = (x: Variable) => F.linear(F.tanh(F.linear(x, W1, b1)), W2, b2);
    const penalty = (): Variable => {
      const x = new Variable(xhat.copy());
      const d = critic(x);
      d.backward({ createGraph: true });
      const g = x.grad!;
      const norm = F.pow(F.sum(F.mul(g, g), 1), 0.5);
      return F.mean(F.pow(F.sub(norm, 1.0), 2n));
    };
    const params = [W1, b1, W2, b2];
    const gp = penalty();
    params.forEach((p) => p.cleargrad());
    gp.backward();
    // Read the gradients first: each penalty() below runs a backward that adds to them.
    // b2 shifts D but not ∇ₓD, so the penalty never reaches it: DeZero leaves its grad None.
    assert.equal(b2.grad, null);
    const grads = params.map((p) => (p.grad ? p.grad.data!.copy() : np.zeros(p.shape)));
    assert.ok(W1.grad && b1.grad && W2.grad);
    params.forEach((p, k) => {
      for (let i = 0; i < p.size; i++) {
        const t = p.data!.data[i], eps = 1e-6;
        p.data!.data[i] = t + eps; const up = penalty().data!.item();
        p.data!.data[i] = t - eps; const down = penalty().data!.item();
        p.data!.data[i] = t;
        const numeric = (up - down) / (2 * eps);
        const got = grads[k].data[i];
        assert.ok(Math.abs(got - numeric) <= 1e-6 + 1e-5 * Math.abs(numeric), `${got} vs ${numeric}`);
      }
    });
  });
});

describe('Variable and Function semantics', () => {
  it('an operand whose data is None raises what NumPy raises, never a silent zero', () => {
    const x = new Variable(np.ones(3));
    assert.throws(() => F.mul(x, null), /TypeError: unsupported operand type\(s\) for \*: 'float' and 'NoneType'/);
    assert.throws(() => F.add(x, new Variable(null)), /TypeError: unsupported operand type\(s\) for \+: 'float' and 'NoneType'/);
    assert.throws(() => np.array(2n).sub(null as never), /for -: 'int' and 'NoneType'/);
  });
  it('backward visits functions by generation, so a diamond graph gets the full gradient', () => {
    const x = new Variable(np.array(2.0));
    const a = F.pow(x, 2n);
    const y = F.add(F.pow(a, 2n), F.pow(a, 2n));
    y.backward();
    assert.equal(y.data!.item(), 32);
    assert.equal(x.grad!.data!.item(), 64);
  });
  it('gradients accumulate across backward calls until cleargrad', () => {
    const x = new Variable(np.array(3.0));
    F.add(x, x).backward();
    assert.equal(x.grad!.data!.item(), 2);
    F.add(x, x).backward();
    assert.equal(x.grad!.data!.item(), 4);
    x.cleargrad();
    assert.equal(x.grad, null);
  });
  it('intermediate grads are dropped unless retainGrad', () => {
    const x = new Variable(np.array(1.0));
    const t = F.mul(x, 2.0), y = F.mul(t, 3.0);
    y.backward();
    assert.equal(t.grad, null);
    assert.equal(y.grad, null);
    const t2 = F.mul(x, 2.0), y2 = F.mul(t2, 3.0);
    y2.backward({ retainGrad: true });
    assert.equal(t2.grad!.data!.item(), 3);
  });
  it('no_grad builds no graph; generations count up otherwise', () => {
    const x = new Variable(np.array(1.0));
    const y = noGrad(() => F.mul(x, 2.0));
    assert.equal(y.creator, null);
    assert.equal(Config.enableBackprop, true);
    const z = F.exp(F.exp(x));
    assert.equal(z.generation, 2);
    assert.equal(z.creator!.generation, 1);
  });
  it('unchain cuts one link; unchainBackward cuts every link upstream', () => {
    const x = new Variable(np.array(1.0));
    const a = F.exp(x), b = F.exp(a), c = F.exp(b);
    a.unchain();
    assert.equal(a.creator, null);
    assert.notEqual(b.creator, null);
    c.unchainBackward();
    assert.notEqual(c.creator, null, 'c keeps its own creator');
    assert.equal(b.creator, null);
    c.backward();
    assert.equal(a.grad, null, 'nothing flows past the cut');
  });
  it("repr: DeZero's variable(...) with 9-space continuation lines", () => {
    assert.equal(new Variable(np.array([[1, 2], [3, 4]].map((r) => r.map(BigInt)))).toString(), 'variable([[1 2]\n          [3 4]])');
    assert.equal(new Variable(null).toString(), 'variable(None)');
    assert.equal(new Variable(np.array(2.5)).toString(), 'variable(2.5)');
  });
  it('Variable(data) accepts only arrays', () => {
    assert.throws(() => new Variable(1.0 as never), /<class 'float'> is not supported/);
  });
  it('operators with scalars and arrays on either side (rsub, rdiv)', () => {
    const x = new Variable(np.array(2.0));
    assert.equal(x.rsub(1.0).data!.item(), -1);
    assert.equal(x.rdiv(1.0).data!.item(), 0.5);
    assert.equal(x.pow(3n).data!.item(), 8);
  });
});

describe('hooks: observer, order, site', () => {
  it('reports applications and each backward step with its grads', () => {
    const events: string[] = [];
    const obs: EngineObserver = {
      functionApplied: (f) => events.push(`apply ${f.name}`),
      backwardStart: (_, cg) => events.push(`start ${cg}`),
      beforeBackwardStep: (f) => events.push(`before ${f.name}`),
      backwardStep: (f, gys, gxs) => events.push(`step ${f.name} ${gys.length}->${gxs.length}`),
      backwardEnd: () => events.push('end'),
    };
    Config.observer = obs;
    try {
      const x = new Variable(np.array(0.5));
      const y = F.sin(F.mul(x, x));
      y.backward();
    } finally { Config.observer = null; }
    assert.deepEqual(events, ['apply Mul', 'apply Sin', 'start false', 'before Sin', 'step Sin 1->1', 'before Mul', 'step Mul 1->2', 'end']);
  });
  it('functions made while back-propagating carry order k+1', () => {
    const x = new Variable(np.array(0.5));
    const y = F.sin(x);
    assert.equal(y.order, 0);
    y.backward({ createGraph: true });
    assert.equal(x.grad!.order, 1);
    assert.equal(x.grad!.creator!.order, 1);
  });
  it('every function records the site the hook supplies', () => {
    Config.siteHook = () => ({ file: 'step.py', line: 7, col: 4, endLine: 7, endCol: 12 });
    try {
      const y = F.exp(new Variable(np.array(1.0)));
      assert.deepEqual(y.creator!.site, { file: 'step.py', line: 7, col: 4, endLine: 7, endCol: 12 });
    } finally { Config.siteHook = null; }
  });
});

describe("utils.getDotGraph (DeZero's get_dot_graph)", () => {
  const norm = (s: string) => s.replace(/\d+/g, (m) => (Number(m) > 1000 ? 'ID' : m));
  it('writes DeZero\'s labels, colours and traversal order', () => {
    const x0 = new Variable(np.ones([2, 3]), 'x0'), x1 = new Variable(np.ones([2, 3]), 'x1');
    const y = F.tanh(F.add(x0, x1));
    y.name = 'y';
    const ids = (v: { id: number }) => String(v.id);
    const add = y.creator!.inputs[0].creator!, t = y.creator!, mid = y.creator!.inputs[0];
    const expected = [
      'digraph g {',
      `${ids(y)} [label="y: (2, 3) float64", color=orange, style=filled]`,
      `${ids(t)} [label="Tanh", color=lightblue, style=filled, shape=box]`,
      `${ids(mid)} -> ${ids(t)}`, `${ids(t)} -> ${ids(y)}`,
      `${ids(mid)} [label="(2, 3) float64", color=orange, style=filled]`,
      `${ids(add)} [label="Add", color=lightblue, style=filled, shape=box]`,
      `${ids(x0)} -> ${ids(add)}`, `${ids(x1)} -> ${ids(add)}`, `${ids(add)} -> ${ids(mid)}`,
      `${ids(x0)} [label="x0: (2, 3) float64", color=orange, style=filled]`,
      `${ids(x1)} [label="x1: (2, 3) float64", color=orange, style=filled]`,
      '}',
    ].join('\n');
    assert.equal(utils.getDotGraph(y), expected);
    assert.match(utils.getDotGraph(y, false), /\[label="y", color=orange/);
    assert.ok(norm(expected).includes('ID'));
  });
  it('gradientCheck and numericalGrad agree with backprop', () => {
    assert.equal(utils.gradientCheck((x) => F.sum(F.tanh(F.mul(x, 3.0))), seeded([3, 2], 50)), true);
    const g = utils.numericalGrad((x) => F.exp(x), np.array([0.0, 1.0]));
    assert.ok(Math.abs(g.data[1] - Math.E) < 1e-6);
  });
  it('arrayAllclose compares with DeZero\'s tolerances', () => {
    assert.equal(utils.arrayAllclose(np.array([1.0, 2.0]), np.array([1.0, 2.00001])), true);
    assert.equal(utils.arrayAllclose(new Variable(np.array([1.0])), np.array([1.1])), false);
  });
  it('NDArray results of F functions wrap as Variables', () => {
    assert.ok(F.exp(np.array(1.0)) instanceof Variable);
    assert.ok(F.exp(np.array(1.0)).data instanceof NDArray);
  });
});
