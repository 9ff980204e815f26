// The DOT reader and DOT → snapshot: DeZero's get_dot_graph output and Gradscope's own
// readable export read back (kinds, labels, shapes, orders, grad links), the rest of the DOT
// language, and syntax errors with their line.
import assert from 'node:assert/strict';
import { F, NDArray, Variable, np } from '../../src/engine/index';
import { BackwardRecorder, buildSnapshot, installObserver, toDot } from '../../src/graph/index';
import { DotSyntaxError, parseDot } from '../../src/extension/dot/parse';
import { dotToSnapshot, labelLines } from '../../src/extension/dot/snapshot';
import { validateSnapshot } from '../../src/protocol/validate';

function newtonSnapshot() {
  const rec = new BackwardRecorder();
  const off = installObserver(rec);
  try {
    const x = new Variable(np.array(2.0) as NDArray, 'x');
    const y = F.sub(F.pow(x, 4), F.mul(np.array(2.0) as NDArray, F.pow(x, 2)));
    y.name = 'y';
    y.backward({ createGraph: true });
    return buildSnapshot([{ name: 'y', variable: y }, { name: 'x', variable: x }], { backward: rec.last });
  } finally { off.dispose(); }
}

describe('DOT preview', () => {
  it('reads DeZero get_dot_graph output back as the same graph', () => {
    const s = newtonSnapshot();
    const dot = toDot(s, { style: 'dezero' });
    const back = dotToSnapshot(parseDot(dot), 'g.dot');
    const v = validateSnapshot(back);
    assert.ok(v.ok, v.ok ? '' : v.reason);
    const order0 = s.nodes.filter((n) => n.order === 0);
    assert.equal(back.nodes.filter((n) => n.kind === 'function').length, order0.filter((n) => n.kind === 'function').length);
    assert.deepEqual(back.nodes.filter((n) => n.kind === 'function').map((n) => n.label).sort(), ['Mul', 'Pow', 'Pow', 'Sub']);
    const y = back.nodes.find((n) => n.kind === 'variable' && n.label === 'y')!;
    assert.deepEqual(y.kind === 'variable' && [y.shape, y.dtype, y.value?.short], [[], 'float64', '() float64']);
    assert.deepEqual(back.roots, [y.id]);
    const sub = back.nodes.find((n) => n.kind === 'function' && n.label === 'Sub')!;
    assert.equal(sub.kind === 'function' && sub.inputs.length, 2);
  });

  it("reads Gradscope's readable export back with values, grads, orders and grad links", () => {
    const s = newtonSnapshot();
    const back = dotToSnapshot(parseDot(toDot(s, { style: 'readable' })), 'r.dot');
    assert.ok(validateSnapshot(back).ok);
    assert.equal(back.nodes.length, s.nodes.length);
    assert.deepEqual(back.orders, s.orders, 'derivative orders come back from the fill colours');
    assert.equal(back.edges.filter((e) => e.kind === 'grad').length, s.edges.filter((e) => e.kind === 'grad').length);
    const x = back.nodes.find((n) => n.kind === 'variable' && n.label === 'x')!;
    assert.deepEqual(x.kind === 'variable' && [x.value?.short, x.grad?.short], ['2.', '24.']);
  });

  it('knows the DOT language: attributes, defaults, chains, subgraphs, ports, comments, concatenation', () => {
    const g = parseDot(`/* header */ strict digraph "G" {
      graph [rankdir=LR]; rankdir = TB
      node [shape=box]
      # a preprocessor line
      a -> b -> { c d } [color=red]  // chain into a subgraph
      subgraph cluster_1 { node [shape=ellipse] e; f:port:n -> e }
      "long" + " name" [label=<<b>bold</b>>]
      a -- b
    }`);
    assert.equal(g.directed, true);
    assert.equal(g.name, 'G');
    assert.deepEqual(g.nodes.map((n) => n.name), ['a', 'b', 'c', 'd', 'e', 'f', 'long name']);
    assert.deepEqual(g.edges.map((e) => `${e.from}>${e.to}`), ['a>b', 'b>c', 'b>d', 'f>e', 'a>b']);
    assert.equal(g.edges[1].attrs.color, 'red');
    assert.equal(g.nodes.find((n) => n.name === 'e')!.attrs.shape, 'ellipse', 'defaults are scoped to the subgraph');
    assert.equal(g.nodes.find((n) => n.name === 'a')!.attrs.shape, 'box');
    assert.deepEqual(labelLines(g.nodes[6]), ['bold']);
    assert.deepEqual(labelLines({ name: 'n', attrs: { label: 'x\\n2.0\\l' } }), ['x', '2.0']);
    assert.deepEqual(labelLines({ name: 'n', attrs: {} }), ['n']);
  });

  it('reports syntax errors with their line', () => {
    assert.throws(() => parseDot('digraph {\n a -> \n}'), (e: unknown) => e instanceof DotSyntaxError && e.line === 3 && /expected a name/.test(e.message));
    assert.throws(() => parseDot('graph {\n a [label="open\n}'), (e: unknown) => e instanceof DotSyntaxError && e.line === 2 && /unterminated string/.test(e.message));
    assert.throws(() => parseDot('flowchart { }'), /starts with 'graph' or 'digraph'/);
  });

  it('an empty graph is an empty snapshot', () => {
    const s = dotToSnapshot(parseDot('digraph {}'), 'e.dot');
    assert.deepEqual([s.nodes.length, s.roots], [0, []]);
    assert.ok(validateSnapshot(s).ok);
  });
});
