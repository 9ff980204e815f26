// matplotlib figures as the interpreter records them (runtime FigureData) → the panel's
// protocol Figures. Series the panel does not draw are approximated (bars as a histogram
// with empty gaps, axhline/axvline and fill_between as lines) or left out (text). No `vscode`.
import type { FigureData } from '../runtime/messages';
import type { Axes, ColorMap, Figure, LineStyle, Series } from '../protocol/messages';

type InSeries = FigureData['axes'][number]['series'][number];
type InAxes = FigureData['axes'][number];

const CMAPS = new Set<ColorMap>(['viridis', 'gray', 'plasma', 'coolwarm', 'RdBu']);
const STYLES: Record<string, LineStyle> = { '-': 'solid', '--': 'dashed', ':': 'dotted', '-.': 'dashdot', '': 'none', solid: 'solid', dashed: 'dashed', dotted: 'dotted', dashdot: 'dashdot', none: 'none' };

const cmapOf = (c: string): ColorMap => {
  if (c === 'Greys' || c === 'gray_r' || c === 'binary') return 'gray';
  return CMAPS.has(c as ColorMap) ? (c as ColorMap) : 'viridis';
};
const finite = (x: number, d: number) => (Number.isFinite(x) ? x : d);

/** The x (or y) range other series span, for lines drawn across the axes. */
function span(ax: InAxes, axis: 'x' | 'y'): [number, number] {
  const lim = axis === 'x' ? ax.xlim : ax.ylim;
  if (lim) return lim;
  let lo = Infinity, hi = -Infinity;
  for (const s of ax.series) {
    const vals = s.kind === 'line' || s.kind === 'scatter' || s.kind === 'fill' ? (axis === 'x' ? s.x : s.kind === 'fill' ? [...s.y1, ...s.y2] : s.y)
      : s.kind === 'hist' && axis === 'x' ? s.edges : s.kind === 'bar' ? (axis === 'x' ? s.x : s.height) : [];
    for (const v of vals) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** Vertical bars of equal width and no overlap as hist bins, with zero-height bins for the gaps. */
function barsAsHist(s: Extract<InSeries, { kind: 'bar' }>): Series[] {
  if (s.horizontal || !s.x.length || s.bottom.some((b) => b !== 0)) return [];
  const order = s.x.map((x, i) => [x, s.height[i]] as const).sort((a, b) => a[0] - b[0]);
  const edges: number[] = [], counts: number[] = [];
  for (const [x, h] of order) {
    const l = x - s.width / 2, r = x + s.width / 2;
    if (edges.length && l < edges[edges.length - 1] - 1e-12) return [];
    if (edges.length && l > edges[edges.length - 1]) { counts.push(0); edges.push(l); }
    if (!edges.length) edges.push(l);
    counts.push(h);
    edges.push(r);
  }
  return [{ kind: 'hist', edges, counts, label: s.label, color: s.color }];
}

function series(s: InSeries, ax: InAxes): Series[] {
  switch (s.kind) {
    case 'line':
      return [{ kind: 'line', x: s.x, y: s.y, label: s.label, color: s.color, style: STYLES[s.linestyle] ?? 'solid', width: finite(s.linewidth, 1.5), marker: s.marker }];
    case 'scatter':
      return [{ kind: 'scatter', x: s.x, y: s.y, label: s.label, color: s.color, c: s.values, cmap: 'viridis', size: finite(s.size, 20), marker: s.marker }];
    case 'hist':
      return [{ kind: 'hist', edges: s.edges, counts: s.counts, label: s.label, color: s.color }];
    case 'bar':
      return barsAsHist(s);
    case 'image': {
      const n = s.rows * s.cols;
      // Colour images become their luminance: the panel maps one channel through a colormap.
      const data = s.channels === 1 ? s.data : Array.from({ length: n }, (_, i) => {
        const p = s.data.slice(i * s.channels, i * s.channels + 3);
        return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
      });
      return [{ kind: 'image', rows: s.rows, cols: s.cols, data, cmap: s.channels === 1 ? cmapOf(s.cmap) : 'gray', vmin: finite(s.vmin, 0), vmax: finite(s.vmax, 1), extent: s.extent ?? null }];
    }
    case 'axline': {
      const [a, b] = span(ax, s.orientation === 'h' ? 'x' : 'y');
      const xs = s.orientation === 'h' ? [a, b] : [s.value, s.value], ys = s.orientation === 'h' ? [s.value, s.value] : [a, b];
      return [{ kind: 'line', x: xs, y: ys, label: null, color: s.color, style: STYLES[s.linestyle] ?? 'solid', width: 1, marker: null }];
    }
    case 'fill':
      return [s.y1, s.y2].map((y, i) => ({ kind: 'line', x: s.x, y, label: i === 0 ? s.label : null, color: s.color, style: 'solid', width: 1, marker: null }));
  }
}

function axes(ax: InAxes): Axes {
  const [, cols, index] = ax.position;
  return {
    row: Math.floor((index - 1) / cols), col: (index - 1) % cols,
    title: ax.title, xlabel: ax.xlabel, ylabel: ax.ylabel, xlim: ax.xlim, ylim: ax.ylim,
    xscale: ax.xscale, yscale: ax.yscale, grid: ax.grid, legend: ax.legend,
    series: ax.series.flatMap((s) => series(s, ax)),
  };
}

/** One recorded figure as the panel draws it. */
export function toPanelFigure(f: FigureData): Figure {
  const rows = Math.max(1, ...f.axes.map((a) => a.position[0]));
  const cols = Math.max(1, ...f.axes.map((a) => a.position[1]));
  return { id: f.num, title: f.suptitle, width: f.size[0], height: f.size[1], rows, cols, axes: f.axes.map(axes) };
}
