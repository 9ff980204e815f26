// matplotlib and matplotlib.pyplot: figures and axes recorded as plain data (plot_data.ts)
// for the host to show; plt.show() hands every open figure to the host and closes it
// (returning at once), plt.savefig() writes an SVG rendered here (plot_svg.ts) through the
// interpreter's file sink. pause(), ion(), draw() and layout calls do nothing.
import { NDArray } from '../../engine/ndarray';
import type { Interpreter } from '../interpreter';
import { Kwargs, PyClass, PyDict, PyInstance, PyIterator, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { str, toFloat, toIndex, truthy } from '../convert';
import { builtin, makeModule, methods, nativeClass, props } from '../native';
import { AxesData, FigureData, PlotState, emitFigure, newAxes, newFigure, plotState } from './plot_data';
import { asVec, axesMethods } from './plot_axes';
import { renderSvg } from './plot_svg';

class FigureObj extends PyInstance {
  constructor(cls: PyClass, readonly fig: FigureData) { super(cls); }
}
class AxesObj extends PyInstance {
  constructor(cls: PyClass, readonly ax: AxesData, readonly fig: FigureData) { super(cls); }
}
/** The array of Axes plt.subplots returns: indexable by [i], [i, j], iterable, .flat / .ravel(). */
class AxesGrid extends PyInstance {
  constructor(cls: PyClass, readonly items: PyValue[], readonly shape: number[]) { super(cls); }
}

const FIGURE = nativeClass('Figure', { module: 'matplotlib.figure' });
const AXES = nativeClass('Axes', { module: 'matplotlib.axes' });
const AXES_GRID = nativeClass('ndarray', { module: 'numpy' });

const figObjs = new WeakMap<FigureData, FigureObj>();
/** Which interpreter's state a figure belongs to (set when pyplot makes it). */
const owners = new WeakMap<FigureData, PlotState>();
const axObjs = new WeakMap<AxesData, AxesObj>();
const figObj = (f: FigureData) => { let o = figObjs.get(f); if (!o) { o = new FigureObj(FIGURE, f); figObjs.set(f, o); } return o; };
const axObj = (a: AxesData, f: FigureData) => { let o = axObjs.get(a); if (!o) { o = new AxesObj(AXES, a, f); axObjs.set(a, o); } return o; };

const makeArray = (v: number[]): PyValue => NDArray.from(v, [v.length]);
const AX_METHODS = axesMethods(makeArray);

methods(AXES, {
  ...Object.fromEntries(Object.entries(AX_METHODS).map(([k, f]) => [k, (self: PyValue, a: PyValue[], kw: Kwargs | null) => f((self as AxesObj).ax, a, kw)])),
  get_xlim: (self) => new PyTuple((self as AxesObj).ax.xlim ?? [0, 1]),
  get_ylim: (self) => new PyTuple((self as AxesObj).ax.ylim ?? [0, 1]),
  get_title: (self) => (self as AxesObj).ax.title ?? '',
  get_xlabel: (self) => (self as AxesObj).ax.xlabel ?? '',
  get_ylabel: (self) => (self as AxesObj).ax.ylabel ?? '',
  clear: (self) => AX_METHODS.cla((self as AxesObj).ax, [], null),
  __repr__: (self) => `<Axes: ${(self as AxesObj).ax.title ? `title={'center': '${(self as AxesObj).ax.title}'}` : ''}>`,
});
props(AXES, { figure: [(self) => figObj((self as AxesObj).fig)] });

function gridItem(g: AxesGrid, key: PyValue): PyValue {
  const idx = key instanceof PyTuple ? key.items.map((v) => toIndex(v)) : [toIndex(key)];
  if (g.shape.length === 1) {
    const i = idx[0] < 0 ? idx[0] + g.items.length : idx[0];
    if (idx.length !== 1 || i < 0 || i >= g.items.length) throw pyErr('IndexError', `index ${idx[0]} is out of bounds for axis 0 with size ${g.items.length}`);
    return g.items[i];
  }
  const [rows, cols] = g.shape;
  const r = idx[0] < 0 ? idx[0] + rows : idx[0];
  if (idx.length === 1) return new AxesGrid(AXES_GRID, g.items.slice(r * cols, r * cols + cols), [cols]);
  const c = idx[1] < 0 ? idx[1] + cols : idx[1];
  if (r < 0 || r >= rows || c < 0 || c >= cols) throw pyErr('IndexError', 'index out of bounds for the axes array');
  return g.items[r * cols + c];
}

methods(AXES_GRID, {
  __getitem__: (self, a) => gridItem(self as AxesGrid, a[0]),
  __len__: (self) => BigInt((self as AxesGrid).shape[0]),
  __iter__: (self) => {
    const g = self as AxesGrid;
    const rows = g.shape.length === 1 ? g.items : Array.from({ length: g.shape[0] }, (_, r) => gridItem(g, BigInt(r)));
    return new PyIterator(rows[Symbol.iterator]());
  },
  ravel: (self) => new AxesGrid(AXES_GRID, (self as AxesGrid).items, [(self as AxesGrid).items.length]),
  flatten: (self) => new AxesGrid(AXES_GRID, (self as AxesGrid).items, [(self as AxesGrid).items.length]),
  __repr__: (self) => `array([${(self as AxesGrid).items.map(() => '<Axes: >').join(', ')}], dtype=object)`,
});
props(AXES_GRID, {
  flat: [(self) => new PyList((self as AxesGrid).items)],
  shape: [(self) => new PyTuple((self as AxesGrid).shape.map(BigInt))],
});

/** The current figure, made (as figure 1, 2, …) when there is none. */
function gcf(s: PlotState): FigureData {
  if (!s.current) figure(s, null, null);
  return s.current!;
}

function figure(s: PlotState, num: PyValue, size: [number, number] | null): FigureData {
  if (num instanceof FigureObj) { s.current = num.fig; return num.fig; }
  const n = num === null ? Math.max(0, ...s.open.keys()) + 1 : toIndex(num);
  let f = s.open.get(n);
  if (!f) { f = newFigure(n, size ?? undefined); s.open.set(n, f); owners.set(f, s); }
  s.current = f;
  return f;
}

/** subplot(rows, cols, index) / subplot(231): the existing axes at that place, or a new one. */
function subplotAt(s: PlotState, fig: FigureData, pos: [number, number, number]): AxesData {
  let ax = fig.axes.find((a) => a.position.join() === pos.join());
  if (!ax) { ax = newAxes(pos); fig.axes.push(ax); }
  s.currentAxes.set(fig, ax);
  return ax;
}

function position(a: PyValue[]): [number, number, number] {
  if (a.length === 1) {
    const n = toIndex(a[0]);
    return [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  }
  if (a.length === 0) return [1, 1, 1];
  return [toIndex(a[0]), toIndex(a[1]), toIndex(a[2])];
}

function gca(s: PlotState): AxesData {
  const fig = gcf(s);
  return s.currentAxes.get(fig) ?? subplotAt(s, fig, [1, 1, 1]);
}

function subplots(s: PlotState, a: PyValue[], kw: Kwargs | null): PyValue {
  const rows = toIndex(a[0] ?? kw?.get('nrows') ?? 1n), cols = toIndex(a[1] ?? kw?.get('ncols') ?? 1n);
  const fig = figure(s, null, sizeArg(kw));
  const axes = Array.from({ length: rows * cols }, (_, i) => axObj(subplotAt(s, fig, [rows, cols, i + 1]), fig));
  s.currentAxes.set(fig, fig.axes[0]);
  const squeeze = truthy(kw?.get('squeeze') ?? true);
  let ax: PyValue;
  if (squeeze && rows * cols === 1) ax = axes[0];
  else if (squeeze && (rows === 1 || cols === 1)) ax = new AxesGrid(AXES_GRID, axes, [rows * cols]);
  else ax = new AxesGrid(AXES_GRID, axes, [rows, cols]);
  return new PyTuple([figObj(fig), ax]);
}

function sizeArg(kw: Kwargs | null): [number, number] | null {
  const v = kw?.get('figsize');
  if (v === undefined || v === null) return null;
  const [w, h] = asVec(v);
  return [w, h];
}

/** plt.show(): every open figure goes to the host, then they are closed. */
function show(s: PlotState): null {
  for (const n of [...s.open.keys()].sort((x, y) => x - y)) emitFigure(s, s.open.get(n)!);
  s.open.clear();
  s.current = null;
  return null;
}

function close(s: PlotState, arg: PyValue | undefined): null {
  const drop = (f: FigureData) => { s.open.delete(f.num); if (s.current === f) s.current = [...s.open.values()].pop() ?? null; };
  if (arg === undefined || arg === null) { if (s.current) drop(s.current); } else if (arg === 'all') { s.open.clear(); s.current = null; } else if (arg instanceof FigureObj) drop(arg.fig);
  else { const f = s.open.get(toIndex(arg)); if (f) drop(f); }
  return null;
}

/** savefig: SVG through the file sink. Other formats need the host's renderer, else the SVG goes beside them. */
function savefig(ip: Interpreter, fig: FigureData, a: PyValue[], kw: Kwargs | null): null {
  const path = str(a[0] ?? kw?.get('fname') ?? null);
  const fmt = (kw?.get('format') ? str(kw.get('format')!) : /\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? 'png').toLowerCase();
  const render = plotState(ip).render;
  const bytes = fmt === 'svg' || !render ? null : render(fig, fmt);
  if (bytes) { ip.files.writeFile(path, bytes); return null; }
  const svg = new TextEncoder().encode(renderSvg(fig));
  if (fmt === 'svg') { ip.files.writeFile(path, svg); return null; }
  const target = path.replace(/\.[A-Za-z0-9]+$/, '') + '.svg';
  ip.files.writeFile(target, svg);
  ip.writeErr(`Gradscope: savefig wrote ${target} (SVG); ${fmt.toUpperCase()} output needs the host's renderer.\n`);
  return null;
}

methods(FIGURE, {
  add_subplot: (self, a) => { const o = self as FigureObj; return axObj(subplotAt(stateOf(o), o.fig, position(a)), o.fig); },
  gca: (self) => { const o = self as FigureObj; const s = stateOf(o); return axObj(s.currentAxes.get(o.fig) ?? subplotAt(s, o.fig, [1, 1, 1]), o.fig); },
  suptitle: (self, a) => { (self as FigureObj).fig.suptitle = str(a[0]); return null; },
  set_size_inches: (self, a) => { const v = a.length > 1 ? [toFloat(a[0]), toFloat(a[1])] : asVec(a[0]); (self as FigureObj).fig.size = [v[0], v[1]]; return null; },
  clf: (self) => { (self as FigureObj).fig.axes = []; return null; },
  tight_layout: () => null, colorbar: () => null, subplots_adjust: () => null,
  __repr__: (self) => { const f = (self as FigureObj).fig; return `<Figure size ${Math.round(f.size[0] * f.dpi)}x${Math.round(f.size[1] * f.dpi)} with ${f.axes.length} Axes>`; },
});
props(FIGURE, {
  axes: [(self) => new PyList((self as FigureObj).fig.axes.map((ax) => axObj(ax, (self as FigureObj).fig)))],
  number: [(self) => BigInt((self as FigureObj).fig.num)],
});

function stateOf(o: FigureObj): PlotState {
  const s = owners.get(o.fig);
  if (!s) throw pyErr('RuntimeError', 'figure not made by pyplot');
  return s;
}

/** pyplot's functions that act on the current axes, and the Axes method each calls. */
const ON_AXES: Record<string, string> = {
  plot: 'plot', scatter: 'scatter', hist: 'hist', imshow: 'imshow', matshow: 'matshow', bar: 'bar', barh: 'barh',
  contour: 'contour', contourf: 'contourf',
  title: 'set_title', xlabel: 'set_xlabel', ylabel: 'set_ylabel', xlim: 'set_xlim', ylim: 'set_ylim',
  xscale: 'set_xscale', yscale: 'set_yscale', xticks: 'set_xticks', yticks: 'set_yticks', legend: 'legend', grid: 'grid',
  axis: 'axis', text: 'text', axhline: 'axhline', axvline: 'axvline', fill_between: 'fill_between', errorbar: 'errorbar', cla: 'cla',
};

/** `matplotlib.pyplot` of one interpreter, recording into its plot state. */
export function makePyplot(ip: Interpreter): PyModule {
  const s = plotState(ip);
  const onAxes = Object.fromEntries(Object.entries(ON_AXES).map(([name, m]) => [name, builtin(name, (a, kw) => AX_METHODS[m](gca(s), a, kw))]));
  const log = (x: boolean, y: boolean) => (a: PyValue[], kw: Kwargs | null) => {
    const ax = gca(s);
    if (x) ax.xscale = 'log';
    if (y) ax.yscale = 'log';
    return AX_METHODS.plot(ax, a, kw);
  };
  return makeModule('matplotlib.pyplot', {
    ...onAxes,
    semilogx: builtin('semilogx', log(true, false)), semilogy: builtin('semilogy', log(false, true)), loglog: builtin('loglog', log(true, true)),
    figure: builtin('figure', (a, kw) => figObj(figure(s, a[0] ?? kw?.get('num') ?? null, sizeArg(kw)))),
    subplot: builtin('subplot', (a) => { const fig = gcf(s); return axObj(subplotAt(s, fig, position(a)), fig); }),
    subplots: builtin('subplots', (a, kw) => subplots(s, a, kw)),
    gcf: builtin('gcf', () => figObj(gcf(s))),
    gca: builtin('gca', () => { const fig = gcf(s); return axObj(gca(s), fig); }),
    suptitle: builtin('suptitle', (a) => { gcf(s).suptitle = str(a[0]); return null; }),
    clf: builtin('clf', () => { if (s.current) { s.current.axes = []; s.currentAxes.delete(s.current); } return null; }),
    close: builtin('close', (a) => close(s, a[0])),
    show: builtin('show', () => show(s)),
    savefig: builtin('savefig', (a, kw) => savefig(ip, gcf(s), a, kw)),
    get_fignums: builtin('get_fignums', () => new PyList([...s.open.keys()].sort((x, y) => x - y).map(BigInt))),
    fignum_exists: builtin('fignum_exists', (a) => s.open.has(toIndex(a[0]))),
    pause: builtin('pause', () => null), draw: builtin('draw', () => null), ion: builtin('ion', () => null), ioff: builtin('ioff', () => null),
    isinteractive: builtin('isinteractive', () => false), tight_layout: builtin('tight_layout', () => null),
    subplots_adjust: builtin('subplots_adjust', () => null), colorbar: builtin('colorbar', () => null), rc: builtin('rc', () => null),
    style: makeModule('matplotlib.style', { use: builtin('use', () => null), available: new PyList([]) }),
    rcParams: new PyDict(),
    Figure: FIGURE, Axes: AXES,
  });
}

/** The `matplotlib` package module (use(), rcParams and a version; pyplot is a submodule). */
export function makeMatplotlib(): PyModule {
  return makeModule('matplotlib', {
    __version__: '3.8.0',
    use: builtin('use', () => null),
    get_backend: builtin('get_backend', () => 'agg'),
    rcParams: new PyDict(),
    interactive: builtin('interactive', () => null),
  });
}
