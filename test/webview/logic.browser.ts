// The panel's DOM-free logic, run in Node alongside the browser suite: Graphviz plain output
// parsing, overview folding (with the transitive reduction between groups), fan-out proxies,
// and ancestor/descendant relations.
import assert from 'node:assert/strict';
import { DEFAULT_PANEL_CONFIG, DEFAULT_PANEL_STATE, type PanelState } from '../../src/protocol/messages';
import { GraphModel } from '../../webview/model';
import { parsePlain, tokens } from '../../webview/layout_plain';
import { related } from '../../webview/relations';
import { computeView } from '../../webview/view';
import { fixture } from './harness';

const state = (over: Partial<PanelState>): PanelState => ({ ...structuredClone(DEFAULT_PANEL_STATE), ...over });

describe('panel logic (Node)', () => {
  it('parses Graphviz plain output with quoted names into points, y pointing down', () => {
    assert.deepEqual(tokens('node "g:o1" 1 2 "a \\"b\\" c"'), ['node', 'g:o1', '1', '2', 'a "b" c']);
    const p = parsePlain('graph 1 2 3\nnode "g:o1" 1 2.5 0.5 0.25 "" solid box black lightgrey\nedge a "g:o1" 4 0 3 0 2.9 0 2.8 0 2.7 solid black\nstop\n');
    assert.deepEqual([p.width, p.height], [144, 216]);
    assert.deepEqual(p.nodes, [['g:o1', { x: 72, y: 36, w: 36, h: 18 }]]);
    assert.deepEqual(p.edges[0].points.map((v) => Math.round(v * 10) / 10), [0, 0, 0, 7.2, 0, 14.4, 0, 21.6]);
  });

  it("folds the 9th derivative of tanh by order, opening small orders, and bands a large one", () => {
    const model = new GraphModel(structuredClone(fixture('ninth').snapshot));
    const v = computeView(model, state({ view: 'higher' }), DEFAULT_PANEL_CONFIG);
    assert.equal(v.total, 14676);
    assert.ok(v.folded);
    const summaries = v.nodes.filter((n) => n.kind === 'summary').map((n) => n.id);
    assert.deepEqual(summaries, ['g:o4', 'g:o5', 'g:o6', 'g:o7', 'g:o8', 'g:o9']);
    assert.equal(v.nodes.filter((n) => n.kind === 'variable' || n.kind === 'function').length, 3 + 1 + 16 + 26);
    const open9 = computeView(model, state({ view: 'higher', expanded: ['g:o9'] }), DEFAULT_PANEL_CONFIG);
    const bands = open9.nodes.filter((n) => n.id.startsWith('g:o9:b'));
    assert.equal(bands.reduce((a, n) => a + n.group!.members.length, 0), 9520);
    assert.ok(bands.every((n) => n.group!.members.length <= DEFAULT_PANEL_CONFIG.overviewThreshold / 5));
    // Between groups only edges no other path implies: about one per band, not one per band pair.
    const between = open9.edges.filter((e) => e.from.startsWith('g:') && e.to.startsWith('g:'));
    assert.ok(between.length < 3 * bands.length, `${between.length} edges between groups`);
  });

  it('gives each distant use of a high fan-out variable its own proxy', () => {
    const model = new GraphModel(structuredClone(fixture('rnn1000').snapshot));
    const v = computeView(model, state({ view: 'forward' }), DEFAULT_PANEL_CONFIG);
    const proxies = v.nodes.filter((n) => n.kind === 'proxy');
    // Wx, Wh, b and Wo are used by every step of the loop: all but one use become proxies.
    assert.deepEqual([...new Set(proxies.map((p) => p.lines[0]))].sort(), ['Wh', 'Wo', 'Wx', 'b']);
    const drawnEdgeIds = new Set(v.edges.map((e) => e.id));
    assert.equal(drawnEdgeIds.size, v.edges.length);
    assert.equal(v.edges.length, model.snapshot.edges.length);
    const ids = new Set(v.nodes.map((n) => n.id));
    for (const e of v.edges) assert.ok(ids.has(e.from) && ids.has(e.to));
  });

  it('relates a node to its ancestors and descendants through proxies', () => {
    const model = new GraphModel(structuredClone(fixture('rnn1000').snapshot));
    const v = computeView(model, state({ view: 'forward' }), DEFAULT_PANEL_CONFIG);
    const wx = model.snapshot.nodes.find((n) => n.kind === 'variable' && n.label === 'Wx')!;
    const loss = model.snapshot.roots[0];
    const r = related(v, wx.id);
    assert.ok(r.descendants.has(loss));
    assert.ok(r.selected.size > 1, 'the proxies of Wx are selected with it');
    assert.equal(r.ancestors.size, 0);
  });
});
