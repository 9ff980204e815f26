// Snapshots from live Variables: node counts per derivative order, edges, grad-of links,
// locals, the node budget, previews, sites.
import assert from 'node:assert/strict';
import { Config, F, NDArray, Parameter, Variable, np } from '../../src/engine/index';
import { buildSnapshot, orderViolations, previewArray } from '../../src/graph/index';
import type { FunctionNode, GraphSnapshot, VariableNode } from '../../src/protocol/messages';
import { validateSnapshot } from '../../src/protocol/validate';
import { tanhDerivatives, tanhNinth, unrolledRnn } from '../helpers/graphs';

const byId = (s: GraphSnapshot) => new Map(s.nodes.map((n) => [n.id, n]));
const variable = (s: GraphSnapshot, label: string) => s.nodes.find((n): n is VariableNode => n.kind === 'variable' && n.label === label)!;

describe('graph snapshots', () => {
  it("holds tanh's second derivative graph, node for node and order for order", () => {
    const { snapshot: s, expected } = tanhDerivatives(2);
    const vars = s.nodes.filter((n) => n.kind === 'variable').length;
    assert.equal(vars, expected.variables);
    assert.equal(s.nodes.length - vars, expected.functions);
    assert.deepEqual(s.orders.map((o) => [o.order, o.variables, o.functions]),
      [...expected.byOrder].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, c.variables, c.functions]));
    assert.equal(s.maxOrder, 2);
    assert.equal(s.truncated, null);
    assert.deepEqual(validateSnapshot(JSON.parse(JSON.stringify(s))), { ok: true, value: JSON.parse(JSON.stringify(s)) });
    assert.deepEqual(orderViolations(s.nodes, s.edges), []);
  });

  it('writes one data edge per function argument and output, and grad-of links', () => {
    const { snapshot: s } = tanhDerivatives(2);
    const nodes = byId(s);
    for (const f of s.nodes.filter((n): n is FunctionNode => n.kind === 'function')) {
      const ins = s.edges.filter((e) => e.kind === 'data' && e.to === f.id).sort((a, b) => a.index - b.index).map((e) => e.from);
      const outs = s.edges.filter((e) => e.kind === 'data' && e.from === f.id).sort((a, b) => a.index - b.index).map((e) => e.to);
      assert.deepEqual(ins, f.inputs);
      assert.deepEqual(outs, f.outputs);
      for (const y of f.outputs) assert.equal((nodes.get(y) as VariableNode).creator, f.id);
    }
    const x = variable(s, 'x'), gx2 = variable(s, 'gx2');
    const grads = s.edges.filter((e) => e.kind === 'grad');
    assert.ok(grads.some((e) => e.from === x.id && e.to === gx2.id));
    for (const e of grads) assert.equal((nodes.get(e.from) as VariableNode).gradId, e.to);
    assert.equal(x.gradId, gx2.id);
    assert.equal(x.grad?.short, gx2.value?.short);
    assert.ok(gx2.order > x.order);
  });

  it('labels variables by engine name, else by the locals they are bound to', () => {
    const x = new Variable(np.array(2.0) as NDArray);
    const y = F.mul(x, x);
    const s = buildSnapshot([{ name: 'x', variable: x }, { name: 'a', variable: y }, { name: 'b', variable: y }]);
    assert.equal(s.roots.length, 2);
    const nx = byId(s).get(`v${x.id}`) as VariableNode, ny = byId(s).get(`v${y.id}`) as VariableNode;
    assert.deepEqual([nx.name, nx.label, nx.locals], [null, 'x', ['x']]);
    assert.deepEqual([ny.label, ny.locals], ['a, b', ['a', 'b']]);
    const mul = s.nodes.find((n): n is FunctionNode => n.kind === 'function')!;
    assert.deepEqual(mul.inputs, [nx.id, nx.id]);
    assert.deepEqual(s.edges.filter((e) => e.to === mul.id).map((e) => e.index), [0, 1]);
  });

  it('does not follow gradients when asked not to', () => {
    const { roots } = tanhDerivatives(2);
    const x = roots[0].variable;
    const s = buildSnapshot([x], { followGrads: false });
    assert.equal(s.nodes.length, 1);
    assert.equal((s.nodes[0] as VariableNode).gradId, `v${x.grad!.id}`);
  });

  it('stops at the node budget and says how much was cut and where', () => {
    const { snapshot: full, roots } = tanhDerivatives(5);
    const s = buildSnapshot(roots, { budget: 50 });
    assert.equal(s.nodes.length, 50);
    assert.ok(s.truncated);
    assert.equal(s.truncated.budget, 50);
    assert.equal(s.truncated.omitted, full.nodes.length - 50);
    const ids = new Set(s.nodes.map((n) => n.id));
    assert.ok(s.truncated.frontier.length > 0);
    for (const f of s.truncated.frontier) assert.ok(ids.has(f));
    for (const e of s.edges) assert.ok(ids.has(e.from) && ids.has(e.to));
    assert.equal(validateSnapshot(s).ok, true);
  });

  it("builds DeZero's 9th derivative of tanh: 14,676 nodes, cut at the default budget of 5000", () => {
    const { snapshot: s, roots } = tanhNinth();
    assert.equal(s.nodes.length, 14676);
    assert.equal(s.maxOrder, 9);
    const cut = buildSnapshot(roots, { followGrads: false });
    assert.equal(cut.nodes.length, 5000);
    assert.equal(cut.truncated?.omitted, 9676);
  });

  it('previews values and grads NumPy-style, summarising large arrays', () => {
    const { snapshot: s } = unrolledRnn(3);
    const wx = variable(s, 'Wx');
    assert.deepEqual(wx.shape, [3, 8]);
    assert.equal(wx.dtype, 'float64');
    assert.ok(wx.value && wx.grad);
    assert.match(wx.value.text, /^\[\[/);
    assert.ok(wx.value.short.length <= 24);
    const big = previewArray(np.zeros([50, 50]) as NDArray);
    assert.equal(big.truncated, true);
    assert.match(big.text, /\.\.\./);
    assert.ok(big.text.split('\n').length <= 13);
    assert.deepEqual(previewArray(np.array(0.41997434161402614) as NDArray), { short: '0.42', text: '0.41997434161402614', truncated: false });
    assert.equal(previewArray(np.array([1, 2, 3]) as NDArray).short, '[1. 2. 3.]');
  });

  it('marks Parameters and copies source sites', () => {
    const prev = Config.siteHook;
    Config.siteHook = () => ({ file: 'step.py', line: 3, col: 4, endLine: 3, endCol: 12 });
    try {
      const W = new Parameter(np.ones([2, 2]) as NDArray, 'W');
      const y = F.sum(F.matmul(new Variable(np.ones([1, 2]) as NDArray), W));
      const s = buildSnapshot([y]);
      assert.equal(variable(s, 'W').param, true);
      for (const n of s.nodes) if (n.kind === 'function') assert.deepEqual(n.site, { file: 'step.py', line: 3, col: 4, endLine: 3, endCol: 12 });
    } finally { Config.siteHook = prev; }
  });

  it('keeps the data of a variable whose data is None as nulls', () => {
    const v = new Variable(null, 'empty');
    const n = buildSnapshot([v]).nodes[0] as VariableNode;
    assert.deepEqual([n.shape, n.dtype, n.value], [null, null, null]);
  });
});
