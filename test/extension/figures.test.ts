// Recorded matplotlib figures as the panel's protocol figures: every series kind, subplot
// positions, and the result passes the panel's own validator.
import assert from 'node:assert/strict';
import { toPanelFigure } from '../../src/extension/figures';
import { validateHostMessage } from '../../src/protocol/validate';
import { newAxes, newFigure } from '../../src/interpreter/modules/plot_data';
import type { FigureData } from '../../src/runtime/messages';

function figure(): FigureData {
  const f = newFigure(2, [8, 3]);
  f.suptitle = 'training';
  const a = newAxes([1, 2, 1]);
  a.title = 'loss';
  a.series.push({ kind: 'line', x: [0, 1, 2], y: [1, 0.5, 0.2], label: 'loss', color: '#1f77b4', linestyle: '--', marker: null, linewidth: 1.5 });
  a.series.push({ kind: 'axline', orientation: 'h', value: 0.3, color: 'red', linestyle: ':' });
  a.series.push({ kind: 'fill', x: [0, 1, 2], y1: [0, 0, 0], y2: [1, 1, 1], color: 'gray', alpha: 0.2, label: 'band' });
  const b = newAxes([1, 2, 2]);
  b.series.push({ kind: 'scatter', x: [1, 2], y: [3, 4], label: null, color: '#ff7f0e', values: [0, 1], size: 20, marker: 'o' });
  b.series.push({ kind: 'bar', x: [0, 1, 2], height: [3, 1, 2], width: 0.8, bottom: [0, 0, 0], label: null, color: 'green', horizontal: false, tickLabels: null });
  b.series.push({ kind: 'hist', edges: [0, 1, 2], counts: [4, 5], label: null, color: 'blue' });
  b.series.push({ kind: 'image', rows: 1, cols: 2, channels: 3, data: [1, 0, 0, 0, 0, 1], cmap: 'viridis', vmin: 0, vmax: 1 });
  b.series.push({ kind: 'image', rows: 2, cols: 1, channels: 1, data: [0, 1], cmap: 'magma', vmin: 0, vmax: 1, extent: [0, 1, 0, 2] });
  f.axes.push(a, b);
  return f;
}

describe('figures for the panel', () => {
  it('converts every series kind and passes the panel validator', () => {
    const p = toPanelFigure(figure());
    assert.deepEqual([p.id, p.title, p.width, p.height, p.rows, p.cols], [2, 'training', 8, 3, 1, 2]);
    assert.deepEqual(p.axes.map((a) => [a.row, a.col]), [[0, 0], [0, 1]]);
    assert.deepEqual(p.axes[0].series.map((s) => s.kind), ['line', 'line', 'line', 'line']);
    assert.equal(p.axes[0].series[0].kind === 'line' && p.axes[0].series[0].style, 'dashed');
    const axh = p.axes[0].series[1];
    assert.deepEqual(axh.kind === 'line' && [axh.x, axh.y], [[0, 2], [0.3, 0.3]], 'axhline spans the data');
    const bars = p.axes[1].series[1];
    assert.deepEqual(bars.kind === 'hist' && [bars.edges.map((e) => +e.toFixed(2)), bars.counts], [[-0.4, 0.4, 0.6, 1.4, 1.6, 2.4], [3, 0, 1, 0, 2]]);
    const rgb = p.axes[1].series[3];
    assert.deepEqual(rgb.kind === 'image' && [rgb.cmap, rgb.data.map((v) => +v.toFixed(3))], ['gray', [0.299, 0.114]]);
    const contour = p.axes[1].series[4];
    assert.deepEqual(contour.kind === 'image' && [contour.cmap, contour.extent], ['viridis', [0, 1, 0, 2]]);
    const v = validateHostMessage({ type: 'figures', figures: [p] });
    assert.ok(v.ok, v.ok ? '' : v.reason);
  });
});
