// The protocol's validators: every well-formed message passes, malformed ones are rejected
// with a reason naming the field, and no input makes a validator throw.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_PANEL_CONFIG, DEFAULT_PANEL_STATE, type Figure, type HostMessage, type WebviewMessage,
} from '../../src/protocol/messages';
import { validateHostMessage, validateSnapshot, validateWebviewMessage } from '../../src/protocol/validate';
import { tanhDerivatives } from '../helpers/graphs';

const snapshot = tanhDerivatives(2).snapshot;
const preview = { short: '1.', text: '1.0', truncated: false };
const site = { file: 'a.py', line: 3, col: 0, endLine: 3, endCol: 9 };

const figure: Figure = {
  id: 1, title: 'loss', width: 6.4, height: 4.8, rows: 1, cols: 2, axes: [
    { row: 0, col: 0, title: 'loss', xlabel: 'epoch', ylabel: null, xlim: null, ylim: [0, 1], xscale: 'linear', yscale: 'log', grid: true, legend: true, series: [
      { kind: 'line', x: [0, 1, 2], y: [1, 0.5, NaN], label: 'train', color: null, style: 'dashed', width: 1.5, marker: 'o' },
      { kind: 'scatter', x: [0, 1], y: [1, 2], label: null, color: 'red', c: [0, 1], cmap: 'viridis', size: 20, marker: 'x' },
      { kind: 'hist', edges: [0, 1, 2], counts: [3, 4], label: null, color: null },
    ] },
    { row: 0, col: 1, title: null, xlabel: null, ylabel: null, xlim: null, ylim: null, xscale: 'linear', yscale: 'linear', grid: false, legend: false, series: [
      { kind: 'image', rows: 2, cols: 2, data: [0, 1, 2, 3], cmap: 'gray', vmin: null, vmax: 3, extent: [-1, 1, -1, 1] },
    ] },
  ],
};

const hostMessages: HostMessage[] = [
  { type: 'snapshot', seq: 1, snapshot },
  { type: 'patch', seq: 2, nodes: [{ id: 'v1', grad: preview }, { id: 'v2', value: null, gradId: 'v9' }] },
  { type: 'patch', seq: 3, nodes: [], backward: snapshot.backward },
  { type: 'highlight', ids: ['f3'], reason: 'step' },
  { type: 'select', id: null },
  { type: 'exportRequest', requestId: 4, format: 'png' },
  { type: 'theme', kind: 'highContrastLight' },
  { type: 'state', state: { ...DEFAULT_PANEL_STATE, zoom: { x: 1, y: 2, k: 0.5 }, hiddenOrders: [1] } },
  { type: 'config', config: DEFAULT_PANEL_CONFIG },
  { type: 'figures', figures: [figure] },
  { type: 'error', message: 'RecursionError', detail: null },
];

const webviewMessages: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'select', id: 'v3' },
  { type: 'revealSource', id: 'f4', site },
  { type: 'exportResult', requestId: null, format: 'svg', data: '<svg/>', error: null },
  { type: 'state', state: DEFAULT_PANEL_STATE },
  { type: 'error', message: 'layout failed', detail: 'stack' },
];

const copy = <T>(v: T): T => structuredClone(v);

function rejects(v: unknown, reason: RegExp): void {
  const r = validateHostMessage(v);
  assert.equal(r.ok, false, `accepted ${JSON.stringify(v).slice(0, 200)}`);
  if (!r.ok) assert.match(r.reason, reason);
}

describe('protocol validators', () => {
  it('accept every well-formed message, each way', () => {
    for (const m of hostMessages) assert.deepEqual(validateHostMessage(copy(m)), { ok: true, value: m }, m.type);
    for (const m of webviewMessages) assert.deepEqual(validateWebviewMessage(copy(m)), { ok: true, value: m }, m.type);
  });

  it('reject unknown types and non-objects', () => {
    rejects({ type: 'snapshots' }, /message\.type: unknown type "snapshots"/);
    rejects(null, /expected an object, got null/);
    rejects([], /expected an object, got an array/);
    rejects('snapshot', /got string/);
    assert.equal(validateWebviewMessage({ type: 'snapshot', seq: 1, snapshot }).ok, false);
  });

  it('reject missing, mistyped and extra fields, naming the path', () => {
    rejects({ type: 'select' }, /message\.id: expected a string, got undefined/);
    rejects({ type: 'exportRequest', requestId: 1, format: 'pdf' }, /message\.format: expected one of "svg", "png", "dot"/);
    rejects({ type: 'select', id: 'v1', extra: 1 }, /unexpected property "extra"/);
    rejects({ type: 'select', id: 'node-1' }, /node id like v12/);
    rejects({ type: 'patch', seq: -1, nodes: [] }, /message\.seq: expected a non-negative integer/);
    rejects({ type: 'highlight', ids: ['f1'], reason: 'step', more: true }, /unexpected property/);
    const s = copy(snapshot);
    (s.nodes[3] as { order: unknown }).order = '1';
    rejects({ type: 'snapshot', seq: 1, snapshot: s }, /message\.snapshot\.nodes\[3\]\.order/);
  });

  it('reject snapshots whose references do not resolve', () => {
    const dangling = copy(snapshot);
    dangling.edges.push({ kind: 'data', from: 'v999999', to: dangling.nodes[0].id, index: 0 });
    rejects({ type: 'snapshot', seq: 1, snapshot: dangling }, /edges\[\d+\]\.from: no node v999999/);
    const dup = copy(snapshot);
    dup.nodes.push(dup.nodes[0]);
    assert.match((validateSnapshot(dup) as { reason: string }).reason, /duplicate id/);
    const kind = copy(snapshot);
    kind.nodes[0] = { ...kind.nodes[0], id: 'f1' } as typeof kind.nodes[0];
    assert.equal(validateSnapshot(kind).ok, false);
    assert.match((validateSnapshot({ ...snapshot, format: 'other' }) as { reason: string }).reason, /snapshot\.format/);
  });

  it('reject figures whose data do not fit together', () => {
    const bad = (f: (fig: Figure) => void, reason: RegExp) => { const c = copy(figure); f(c); rejects({ type: 'figures', figures: [c] }, reason); };
    bad((c) => { (c.axes[0].series[0] as { y: number[] }).y.pop(); }, /x has 3 points, y has 2/);
    bad((c) => { (c.axes[0].series[2] as { edges: number[] }).edges.pop(); }, /2 counts need 3 edges/);
    bad((c) => { (c.axes[1].series[0] as { data: number[] }).data.push(4); }, /expected 4 values, got 5/);
    bad((c) => { c.axes[0].ylim = [0, Infinity]; }, /ylim\[1\]: expected a finite number/);
    bad((c) => { (c.axes[0].series[1] as { cmap: string }).cmap = 'jet'; }, /cmap/);
  });

  it('never throw, whatever arrives', () => {
    fc.assert(fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (v) => {
      const r = validateHostMessage(v);
      const w = validateWebviewMessage(v);
      return typeof r.ok === 'boolean' && typeof w.ok === 'boolean';
    }), { numRuns: 2000 });
  });

  it('reject every field replaced by a value of another kind', () => {
    const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    const base = hostMessages.filter((m) => m.type !== 'snapshot');
    fc.assert(fc.property(fc.constantFrom(...base), fc.nat(), fc.constantFrom<unknown>(undefined, 'x', -1, true, null, [], {}), (m, k, junk) => {
      const c = copy(m) as Record<string, unknown>;
      const keys = Object.keys(c);
      const key = keys[k % keys.length];
      if (c[key] === null || kind(c[key]) === kind(junk)) return true;
      c[key] = junk;
      // Only null (a nullable field) or undefined (an optional one) may still be valid.
      return !validateHostMessage(c).ok || junk === null || junk === undefined;
    }), { numRuns: 1000 });
  });
});
