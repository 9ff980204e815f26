// The data matplotlib.pyplot records: figures as plain JSON-friendly objects a host can
// draw (the graph panel) or turn into SVG (plot_svg.ts), and the per-interpreter registry
// a host reads them from.
//
// Format. A figure is { num, size: [w, h] inches, dpi, suptitle, axes }. Each axes is
// { position: [rows, cols, index] (1-based, subplot's numbering), title, xlabel, ylabel,
// xlim/ylim ([lo, hi] when set by the script, else null: autoscale), xscale/yscale
// ('linear' | 'log'), grid, legend (shown?), axisOff, xticks/yticks (explicit positions or
// null), series, texts }. A series is one of
//   { kind: 'line', x, y, label, color, linestyle ('-', '--', '-.', ':' or ''), marker, linewidth }
//   { kind: 'scatter', x, y, label, color, values (per-point numbers for a colormap) | null, size, marker }
//   { kind: 'bar', x, height, width, bottom, label, color, horizontal, tickLabels (categorical x) | null }
//   { kind: 'hist', edges, counts, label, color }
//   { kind: 'image', rows, cols, channels (1, 3 or 4), data (row-major, channels last), cmap, vmin, vmax,
//     extent? ([left, right, bottom, top] in data coordinates, row 0 at the top; absent: pixel
//     centres at 0…cols-1, 0…rows-1 with square pixels, as imshow draws) }
//     contour and contourf record their grid as an image with an extent (at most 200 × 200 samples).
//   { kind: 'axline', orientation ('h' | 'v'), value, color, linestyle }
//   { kind: 'fill', x, y1, y2, color, alpha, label }
// Colors are CSS colors; unset colors were already drawn from matplotlib's default cycle.
import type { Interpreter } from '../interpreter';

/** Series kinds: see the format at the top of this file. */
export type LineSeries = { kind: 'line'; x: number[]; y: number[]; label: string | null; color: string; linestyle: string; marker: string | null; linewidth: number };
export type ScatterSeries = { kind: 'scatter'; x: number[]; y: number[]; label: string | null; color: string; values: number[] | null; size: number; marker: string };
export type BarSeries = { kind: 'bar'; x: number[]; height: number[]; width: number; bottom: number[]; label: string | null; color: string; horizontal: boolean; tickLabels: string[] | null };
export type HistSeries = { kind: 'hist'; edges: number[]; counts: number[]; label: string | null; color: string };
export type ImageSeries = { kind: 'image'; rows: number; cols: number; channels: number; data: number[]; cmap: string; vmin: number; vmax: number; extent?: [number, number, number, number] };
export type AxLineSeries = { kind: 'axline'; orientation: 'h' | 'v'; value: number; color: string; linestyle: string };
export type FillSeries = { kind: 'fill'; x: number[]; y1: number[]; y2: number[]; color: string; alpha: number; label: string | null };
export type Series = LineSeries | ScatterSeries | BarSeries | HistSeries | ImageSeries | AxLineSeries | FillSeries;

/** Text placed at data coordinates (ax.text). */
export interface TextData { x: number; y: number; text: string }

/** One axes of a figure; see the format at the top of this file. */
export interface AxesData {
  position: [number, number, number];
  title: string | null;
  xlabel: string | null;
  ylabel: string | null;
  xlim: [number, number] | null;
  ylim: [number, number] | null;
  xscale: 'linear' | 'log';
  yscale: 'linear' | 'log';
  grid: boolean;
  legend: boolean;
  axisOff: boolean;
  xticks: number[] | null;
  yticks: number[] | null;
  series: Series[];
  texts: TextData[];
  /** Index into the color cycle for the next series without a color. */
  cycle: number;
}

/** One figure; see the format at the top of this file. */
export interface FigureData {
  num: number;
  size: [number, number];
  dpi: number;
  suptitle: string | null;
  axes: AxesData[];
}

/** Bytes of a figure in a format other than SVG ('png', 'pdf', …), or null when the host cannot. */
export type FigureRenderer = (figure: FigureData, format: string) => Uint8Array | null;

/**
 * What a host reads and sets: every figure the script showed (plt.show), in order; a
 * callback told of each as it is shown; and an optional renderer savefig uses for formats
 * other than SVG (without one, savefig writes SVG beside the requested name).
 */
export interface PlotHost {
  readonly figures: FigureData[];
  onFigure: ((figure: FigureData) => void) | null;
  render: FigureRenderer | null;
}

/** The interpreter's pyplot state: open figures, the current one, and what was shown. */
export interface PlotState extends PlotHost {
  open: Map<number, FigureData>;
  current: FigureData | null;
  currentAxes: Map<FigureData, AxesData>;
}

const states = new WeakMap<Interpreter, PlotState>();

/** The pyplot state of an interpreter, made on first use. */
export function plotState(ip: Interpreter): PlotState {
  let s = states.get(ip);
  if (!s) {
    s = { figures: [], onFigure: null, render: null, open: new Map(), current: null, currentAxes: new Map() };
    states.set(ip, s);
  }
  return s;
}

/** The figures an interpreter's script has shown (plt.show), and where to hear of new ones. */
export function getFigures(ip: Interpreter): PlotHost {
  return plotState(ip);
}

/** Records a figure as shown: kept, and passed to the host's callback (a deep copy: later drawing does not change it). */
export function emitFigure(s: PlotState, fig: FigureData): void {
  const snapshot = JSON.parse(JSON.stringify(fig)) as FigureData;
  s.figures.push(snapshot);
  s.onFigure?.(snapshot);
}

/** An empty figure (matplotlib's default size 6.4 x 4.8 inches at 100 dpi). */
export function newFigure(num: number, size: [number, number] = [6.4, 4.8], dpi = 100): FigureData {
  return { num, size, dpi, suptitle: null, axes: [] };
}

/** An empty axes at a subplot position. */
export function newAxes(position: [number, number, number]): AxesData {
  return {
    position, title: null, xlabel: null, ylabel: null, xlim: null, ylim: null, xscale: 'linear', yscale: 'linear',
    grid: false, legend: false, axisOff: false, xticks: null, yticks: null, series: [], texts: [], cycle: 0,
  };
}

/** matplotlib's default property cycle (tab10). */
export const CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const BASE: Record<string, string> = {
  b: '#0000ff', g: '#008000', r: '#ff0000', c: '#00bfbf', m: '#bf00bf', y: '#bfbf00', k: '#000000', w: '#ffffff',
};

/** The next cycle color of an axes. */
export function nextColor(ax: AxesData): string {
  return CYCLE[ax.cycle++ % CYCLE.length];
}

/** A matplotlib color spec as CSS: 'r', 'C1', 'tab:blue', '#hex', names, (r, g, b[, a]) in [0, 1], '0.5' grays. */
export function cssColor(spec: string | number[]): string {
  if (Array.isArray(spec)) {
    const [r, g, b, a] = spec.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
    return spec.length > 3 ? `rgba(${r},${g},${b},${(a / 255).toFixed(3)})` : `rgb(${r},${g},${b})`;
  }
  if (BASE[spec]) return BASE[spec];
  const cyc = /^C(\d)$/.exec(spec);
  if (cyc) return CYCLE[Number(cyc[1])];
  if (spec.startsWith('tab:')) {
    const i = ['blue', 'orange', 'green', 'red', 'purple', 'brown', 'pink', 'gray', 'olive', 'cyan'].indexOf(spec.slice(4));
    if (i >= 0) return CYCLE[i];
  }
  if (/^(0|1|0?\.\d+)$/.test(spec)) { const v = Math.round(Number(spec) * 255); return `rgb(${v},${v},${v})`; }
  return spec;
}

/** numpy.histogram with equal-width bins: edges by linspace, indices as NumPy corrects them. */
export function histogram(values: number[], bins: number | number[], range: [number, number] | null): { edges: number[]; counts: number[] } {
  const finite = values.filter(Number.isFinite);
  if (Array.isArray(bins)) return histogramEdges(finite, bins);
  let lo = range ? range[0] : finite.reduce((m, v) => (v < m ? v : m), finite.length ? finite[0] : 0);
  let hi = range ? range[1] : finite.reduce((m, v) => (v > m ? v : m), finite.length ? finite[0] : 1);
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * step + lo);
  edges[bins] = hi;
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (hi - lo);
  for (const v of finite) {
    if (v < lo || v > hi) continue;
    let i = Math.trunc((v - lo) * norm);
    if (i === bins) i--;
    if (v < edges[i]) i--;
    else if (v >= edges[i + 1] && i !== bins - 1) i++;
    counts[i]++;
  }
  return { edges, counts };
}

function histogramEdges(values: number[], edges: number[]): { edges: number[]; counts: number[] } {
  const counts = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  for (const v of values) {
    for (let i = 0; i < counts.length; i++) {
      if (v >= edges[i] && (v < edges[i + 1] || (i === counts.length - 1 && v === edges[i + 1]))) { counts[i]++; break; }
    }
  }
  return { edges: edges.slice(), counts };
}
