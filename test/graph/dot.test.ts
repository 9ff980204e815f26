// DOT from snapshots: DeZero mode equals utils.getDotGraph (here even the ids match: a
// snapshot's `v12` is engine id 12), and the readable style is valid DOT for Graphviz.
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { F, NDArray, Variable, np, utils } from '../../src/engine/index';
import { buildSnapshot, toDot } from '../../src/graph/index';
import type { GraphSnapshot } from '../../src/protocol/messages';
import { seeded } from '../helpers/gradcheck';
import { tanhDerivatives, tanhNinth, unrolledRnn } from '../helpers/graphs';

/** Both modes of one output variable. */
function both(s: GraphSnapshot, v: Variable): void {
  for (const verbose of [true, false]) {
    assert.equal(toDot(s, { style: 'dezero', output: `v${v.id}`, verbose }), utils.getDotGraph(v, verbose));
  }
}

describe('DOT writer', () => {
  it("DeZero mode reproduces get_dot_graph for tanh's second derivative", () => {
    const { snapshot, roots } = tanhDerivatives(2);
    for (const r of roots) both(snapshot, r.variable);
  });

  it('DeZero mode reproduces get_dot_graph with shapes, repeated inputs and unnamed variables', () => {
    const x = new Variable(seeded([2, 3], 7), 'x');
    const W = new Variable(seeded([3, 4], 8), 'W');
    const y = F.sum(F.add(F.mul(F.matmul(x, W), F.matmul(x, W)), x.sum()));
    both(buildSnapshot([y]), y);
    const { snapshot: rnn, roots } = unrolledRnn(4);
    both(rnn, roots[0].variable);
    const f32 = new Variable((np.ones([2]) as NDArray).astype('float32'));
    const z = F.exp(f32);
    both(buildSnapshot([z]), z);
  });

  it("DeZero mode reproduces get_dot_graph for the 9th derivative of tanh (14,676 nodes)", () => {
    const { snapshot, roots } = tanhNinth();
    both(snapshot, roots[0].variable);
  });

  it('DeZero mode defaults to the first root and verbose labels', () => {
    const x = new Variable(np.array(1.0) as NDArray, 'x');
    const y = F.sin(x);
    assert.equal(toDot(buildSnapshot([y, x]), { style: 'dezero' }), utils.getDotGraph(y));
  });

  it('the readable style lays out in Graphviz with every node and edge', async () => {
    const { snapshot } = tanhDerivatives(3);
    const gv = await Graphviz.load();
    const plain = gv.layout(toDot(snapshot, { rankdir: 'LR', verbose: true }), 'plain', 'dot');
    assert.equal(plain.split('\n').filter((l) => l.startsWith('node ')).length, snapshot.nodes.length);
    assert.equal(plain.split('\n').filter((l) => l.startsWith('edge ')).length, snapshot.edges.length);
  });

  it('the readable style escapes labels and shows values, grads and grad-of links', () => {
    const x = new Variable(np.array(3.0) as NDArray, 'say "hi"\\');
    const y = F.mul(x, x);
    y.backward({ createGraph: true });
    const dot = toDot(buildSnapshot([x, y]));
    assert.match(dot, /label="say \\"hi\\"\\\\\\n3\.\\n∇ 6\."/);
    assert.match(dot, new RegExp(`v${x.id} -> v${x.grad!.id} \\[style=dashed`));
    const only = toDot(buildSnapshot([x, y]), { include: (n) => n.kind === 'variable' });
    assert.doesNotMatch(only, /shape=box/);
    assert.doesNotMatch(only, /-> v\d+;$/m);
    assert.match(only, /style=dashed/);
  });
});
