// The drawing methods of matplotlib Axes (plot, scatter, hist, imshow, bar, labels, limits,
// legend, grid, …), recording series into AxesData. pyplot's functions call the same table
// on the current axes.
import { Variable } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { Kwargs, PyClass, PyInstance, PyList, PyRange, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { str, toArray, toFloat, truthy } from '../convert';
import { methods, nativeClass } from '../native';
import { AxesData, Series, cssColor, histogram, nextColor } from './plot_data';

/** A numeric array from any array-like: its shape and its values in C order. */
export interface Mat { shape: number[]; data: number[] }

/** Reads an ndarray, Variable, nested list/tuple, scalar or other iterable as a Mat. */
export function asMat(v: PyValue): Mat {
  if (v instanceof Variable && v.data) return asMat(v.data);
  if (v instanceof NDArray) return { shape: [...v.shape], data: Array.from(v.values(), Number) };
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return { shape: [], data: [toFloat(v)] };
  const items = v instanceof PyList || v instanceof PyTuple ? v.items : v instanceof PyRange ? toArray(v) : toArray(v);
  const parts = items.map(asMat);
  if (!parts.length) return { shape: [0], data: [] };
  const inner = parts[0].shape;
  if (parts.some((p) => p.shape.join() !== inner.join())) throw pyErr('ValueError', 'setting an array element with a sequence. The requested array has an inhomogeneous shape');
  return { shape: [parts.length, ...inner], data: parts.flatMap((p) => p.data) };
}

/** The smallest and largest finite values (fallback when there are none); no spread, so any size. */
export function finiteRange(v: number[], fallback: [number, number]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of v) if (Number.isFinite(x)) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return lo === Infinity ? fallback : [lo, hi];
}

/** The values of an array-like, flattened. */
export const asVec = (v: PyValue): number[] => asMat(v).data;

/** Column j of a 2-D matrix (or the vector itself). */
function column(m: Mat, j: number): number[] {
  if (m.shape.length < 2) return m.data;
  const [n, k] = m.shape;
  return Array.from({ length: n }, (_, i) => m.data[i * k + j]);
}

const kwStr = (kw: Kwargs | null, ...names: string[]): string | null => {
  for (const n of names) { const v = kw?.get(n); if (v !== undefined && v !== null) return str(v); }
  return null;
};
const kwNum = (kw: Kwargs | null, name: string, d: number): number => { const v = kw?.get(name); return v === undefined || v === null ? d : toFloat(v); };

/** A color keyword: a CSS color, or null when unset. */
export function colorOf(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return cssColor(v);
  if (v instanceof PyTuple || v instanceof PyList) return cssColor(v.items.map(toFloat));
  return null;
}

/** A format string such as 'ro--': [color, marker, linestyle]. */
function parseFmt(fmt: string): [string | null, string | null, string | null] {
  let s = fmt, color: string | null = null, marker: string | null = null, line: string | null = null;
  const cyc = /C\d/.exec(s);
  if (cyc) { color = cssColor(cyc[0]); s = s.replace(cyc[0], ''); }
  for (const ls of ['--', '-.', '-', ':']) if (s.includes(ls)) { line = ls; s = s.replace(ls, ''); break; }
  for (const ch of s) {
    if ('bgrcmykw'.includes(ch)) color = cssColor(ch);
    else if ('.,ov^<>1234sp*hH+xXDd|_'.includes(ch)) marker = ch;
    else throw pyErr('ValueError', `'${fmt}' is not a valid format string (unrecognized character '${ch}')`);
  }
  return [color, marker, line ?? (marker ? '' : '-')];
}

/** A drawn object handed back to the script (Line2D, PathCollection, AxesImage, …). */
export class Artist extends PyInstance {
  constructor(cls: PyClass, readonly series: Series | null) { super(cls); }
}
/** The class of every artist handed back (Line2D, PathCollection, AxesImage, bars, patches). */
export const ARTIST = nativeClass('Artist', { module: 'matplotlib.artist' });
methods(ARTIST, {
  set_label: (self, a) => { const s = (self as Artist).series; if (s && 'label' in s) s.label = str(a[0]); return null; },
  get_label: (self) => { const s = (self as Artist).series; return s && 'label' in s ? s.label : null; },
  set_color: (self, a) => { const s = (self as Artist).series; if (s && 'color' in s) s.color = colorOf(a[0]) ?? s.color; return null; },
  get_color: (self) => { const s = (self as Artist).series; return s && 'color' in s ? s.color : null; },
  set_data: (self, a) => { const s = (self as Artist).series; if (s?.kind === 'line') { s.x = asVec(a[0]); s.y = asVec(a[1]); } return null; },
  set_alpha: () => null, set_linewidth: () => null, remove: () => null,
});
const artist = (s: Series | null) => new Artist(ARTIST, s);

function plot(ax: AxesData, a: PyValue[], kw: Kwargs | null): PyValue {
  const out: PyValue[] = [];
  for (let i = 0; i < a.length;) {
    const first = a[i], second = a[i + 1];
    let x: Mat | null, y: Mat, fmt: string | null = null;
    if (second === undefined || typeof second === 'string') { x = null; y = asMat(first); if (typeof second === 'string') fmt = second; i += fmt ? 2 : 1; } else {
      x = asMat(first); y = asMat(second);
      if (typeof a[i + 2] === 'string') fmt = a[i + 2] as string;
      i += fmt ? 3 : 2;
    }
    const [fc, fm, fl] = fmt ? parseFmt(fmt) : [null, null, '-'];
    const cols = y.shape.length > 1 ? y.shape[1] : 1;
    for (let j = 0; j < cols; j++) {
      const yv = column(y, j);
      const xv = x ? column(x, x.shape.length > 1 ? j : 0) : yv.map((_, k) => k);
      const s: Series = {
        kind: 'line', x: xv, y: yv, label: kwStr(kw, 'label'), color: colorOf(kw?.get('color') ?? kw?.get('c')) ?? fc ?? nextColor(ax),
        linestyle: kwStr(kw, 'linestyle', 'ls') ?? fl ?? '-', marker: kwStr(kw, 'marker') ?? fm, linewidth: kwNum(kw, 'linewidth', kwNum(kw, 'lw', 1.5)),
      };
      if (s.linestyle === 'None' || s.linestyle === 'none') s.linestyle = '';
      ax.series.push(s);
      out.push(artist(s));
    }
  }
  return new PyList(out);
}

function scatter(ax: AxesData, a: PyValue[], kw: Kwargs | null): PyValue {
  const x = asVec(a[0] ?? kw?.get('x') ?? null), y = asVec(a[1] ?? kw?.get('y') ?? null);
  const sv = a[2] ?? kw?.get('s'), cv = a[3] ?? kw?.get('c') ?? kw?.get('color');
  const sizes = sv === undefined || sv === null ? [20] : asVec(sv);
  const numeric = cv !== undefined && cv !== null && typeof cv !== 'string' && !(cv instanceof PyTuple && cv.items.length <= 4 && cv.items.every((v) => typeof v === 'number')) ? asVec(cv) : null;
  const s: Series = {
    kind: 'scatter', x, y, label: kwStr(kw, 'label'), color: numeric ? '#1f77b4' : colorOf(cv) ?? nextColor(ax),
    values: numeric && numeric.length === x.length ? numeric : null, size: sizes.reduce((p, q) => p + q, 0) / sizes.length, marker: kwStr(kw, 'marker') ?? 'o',
  };
  ax.series.push(s);
  return artist(s);
}

function hist(ax: AxesData, a: PyValue[], kw: Kwargs | null, makeArray: (v: number[]) => PyValue): PyValue {
  const values = asVec(a[0]);
  const binsV = a[1] ?? kw?.get('bins') ?? 10n;
  const bins = typeof binsV === 'bigint' || typeof binsV === 'number' ? Number(binsV) : asVec(binsV);
  const rangeV = kw?.get('range');
  const range = rangeV === undefined || rangeV === null ? null : (asVec(rangeV) as [number, number]);
  const { edges, counts } = histogram(values, bins, range);
  let n = counts;
  if (truthy(kw?.get('density') ?? false)) {
    const total = counts.reduce((p, q) => p + q, 0);
    n = counts.map((c, i) => c / total / (edges[i + 1] - edges[i]));
  }
  const s: Series = { kind: 'hist', edges, counts: n, label: kwStr(kw, 'label'), color: colorOf(kw?.get('color')) ?? nextColor(ax) };
  ax.series.push(s);
  return new PyTuple([makeArray(n), makeArray(edges), new PyList(n.map(() => artist(null)))]);
}

function imshow(ax: AxesData, a: PyValue[], kw: Kwargs | null): PyValue {
  const m = asMat(a[0] ?? kw?.get('X') ?? null);
  if (m.shape.length !== 2 && m.shape.length !== 3) throw pyErr('TypeError', `Invalid shape (${m.shape.join(', ')}) for image data`);
  const [lo, hi] = finiteRange(m.data, [0, 1]);
  const s: Series = {
    kind: 'image', rows: m.shape[0], cols: m.shape[1], channels: m.shape[2] ?? 1, data: m.data,
    cmap: kwStr(kw, 'cmap') ?? 'viridis', vmin: kwNum(kw, 'vmin', lo), vmax: kwNum(kw, 'vmax', hi),
  };
  ax.series.push(s);
  return artist(s);
}

/**
 * contour / contourf (Z | X, Y, Z [, levels]): the grid as an image over the data extent of
 * X and Y, sampled down to at most 200 × 200 (a preview of the field, not its iso-lines).
 */
function contour(ax: AxesData, a: PyValue[], kw: Kwargs | null): PyValue {
  const z = asMat(a.length >= 3 ? a[2] : a[0] ?? kw?.get('Z') ?? null);
  if (z.shape.length !== 2) throw pyErr('TypeError', `Input z must be 2D, not ${z.shape.length}D`);
  const [rows, cols] = z.shape;
  const xs = a.length >= 3 ? asVec(a[0]) : [0, cols - 1], ys = a.length >= 3 ? asVec(a[1]) : [0, rows - 1];
  const [x0, x1] = finiteRange(xs, [0, 1]), [y0, y1] = finiteRange(ys, [0, 1]);
  const rStep = Math.max(1, Math.ceil(rows / 200)), cStep = Math.max(1, Math.ceil(cols / 200));
  const data: number[] = [];
  // Z's row 0 is at the lowest y; an image's row 0 is drawn at the top.
  for (let r = rows - 1; r >= 0; r -= rStep) for (let c = 0; c < cols; c += cStep) data.push(z.data[r * cols + c]);
  const [lo, hi] = finiteRange(data, [0, 1]);
  const s: Series = {
    kind: 'image', rows: Math.ceil(rows / rStep), cols: Math.ceil(cols / cStep), channels: 1, data,
    cmap: kwStr(kw, 'cmap') ?? 'viridis', vmin: lo, vmax: hi, extent: [x0, x1, y0, y1],
  };
  ax.series.push(s);
  return artist(s);
}

function bar(ax: AxesData, a: PyValue[], kw: Kwargs | null, horizontal: boolean): PyValue {
  const xs = toArray(a[0]);
  const categorical = xs.some((v) => typeof v === 'string');
  const x = categorical ? xs.map((_, i) => i) : xs.map(toFloat);
  const hv = asVec(a[1] ?? kw?.get(horizontal ? 'width' : 'height') ?? null);
  const height = hv.length === 1 ? x.map(() => hv[0]) : hv;
  const bv = kw?.get(horizontal ? 'left' : 'bottom');
  const bottom = bv === undefined || bv === null ? x.map(() => 0) : asVec(bv).length === 1 ? x.map(() => asVec(bv)[0]) : asVec(bv);
  const s: Series = {
    kind: 'bar', x, height, width: toFloat(a[2] ?? kw?.get(horizontal ? 'height' : 'width') ?? 0.8), bottom, label: kwStr(kw, 'label'),
    color: colorOf(kw?.get('color')) ?? nextColor(ax), horizontal, tickLabels: categorical ? xs.map(str) : null,
  };
  ax.series.push(s);
  return new PyList(x.map(() => artist(s)));
}

function limitsArg(a: PyValue[], kw: Kwargs | null, lo: string, hi: string): [number, number] | null {
  if (a.length === 1 && a[0] !== null && typeof a[0] === 'object') { const v = asVec(a[0]); return [v[0], v[1]]; }
  const l = a[0] ?? kw?.get(lo) ?? kw?.get('left') ?? kw?.get('bottom'), h = a[1] ?? kw?.get(hi) ?? kw?.get('right') ?? kw?.get('top');
  if (l === undefined && h === undefined) return null;
  return [l === undefined || l === null ? NaN : toFloat(l), h === undefined || h === null ? NaN : toFloat(h)];
}

type AxesMethod = (ax: AxesData, a: PyValue[], kw: Kwargs | null) => PyValue;

function setLim(which: 'xlim' | 'ylim'): AxesMethod {
  return (ax, a, kw) => {
    const lim = limitsArg(a, kw, which === 'xlim' ? 'xmin' : 'ymin', which === 'xlim' ? 'xmax' : 'ymax');
    if (lim) {
      const cur = ax[which] ?? [NaN, NaN];
      ax[which] = [Number.isNaN(lim[0]) ? cur[0] : lim[0], Number.isNaN(lim[1]) ? cur[1] : lim[1]];
    }
    return ax[which] ? new PyTuple(ax[which]!) : null;
  };
}

function axis(ax: AxesData, a: PyValue[]): PyValue {
  const v = a[0];
  if (v === false || v === 'off') ax.axisOff = true;
  else if (v === true || v === 'on') ax.axisOff = false;
  else if (v !== undefined && v !== null && typeof v === 'object') {
    const [x0, x1, y0, y1] = asVec(v);
    ax.xlim = [x0, x1];
    ax.ylim = [y0, y1];
  }
  return null;
}

function legendCall(ax: AxesData, a: PyValue[]): PyValue {
  ax.legend = true;
  const labels = a.length === 1 && a[0] !== null && typeof a[0] === 'object' ? toArray(a[0]).map(str) : a.length === 2 ? toArray(a[1]).map(str) : null;
  if (labels) ax.series.filter((s) => 'label' in s).forEach((s, i) => { if (i < labels.length && 'label' in s) s.label = labels[i]; });
  return null;
}

function ticks(which: 'xticks' | 'yticks'): AxesMethod {
  return (ax, a, kw) => {
    const t = a[0] ?? kw?.get('ticks');
    if (t !== undefined && t !== null) ax[which] = asVec(t);
    return null;
  };
}

/** The Axes drawing and decoration methods, by Python name. `makeArray` builds an ndarray. */
export function axesMethods(makeArray: (v: number[]) => PyValue): Record<string, AxesMethod> {
  const label = (k: 'title' | 'xlabel' | 'ylabel'): AxesMethod => (ax, a, kw) => { ax[k] = str(a[0] ?? kw?.get('label') ?? ''); return null; };
  const scale = (k: 'xscale' | 'yscale'): AxesMethod => (ax, a) => { ax[k] = str(a[0]) === 'log' ? 'log' : 'linear'; return null; };
  const axline = (o: 'h' | 'v'): AxesMethod => (ax, a, kw) => {
    const s: Series = { kind: 'axline', orientation: o, value: toFloat(a[0] ?? kw?.get(o === 'h' ? 'y' : 'x') ?? 0n), color: colorOf(kw?.get('color') ?? kw?.get('c')) ?? nextColor(ax), linestyle: kwStr(kw, 'linestyle', 'ls') ?? '-' };
    ax.series.push(s);
    return artist(s);
  };
  return {
    plot, scatter, imshow, matshow: imshow, contour, contourf: contour,
    hist: (ax, a, kw) => hist(ax, a, kw, makeArray),
    bar: (ax, a, kw) => bar(ax, a, kw, false),
    barh: (ax, a, kw) => bar(ax, a, kw, true),
    set_title: label('title'), set_xlabel: label('xlabel'), set_ylabel: label('ylabel'),
    set_xlim: setLim('xlim'), set_ylim: setLim('ylim'),
    set_xscale: scale('xscale'), set_yscale: scale('yscale'),
    set_xticks: ticks('xticks'), set_yticks: ticks('yticks'),
    legend: (ax, a) => legendCall(ax, a),
    grid: (ax, a, kw) => { const v = a[0] ?? kw?.get('visible') ?? kw?.get('b'); ax.grid = v === undefined || v === null ? (kw?.size ? true : !ax.grid) : truthy(v); return null; },
    axis: (ax, a) => axis(ax, a),
    text: (ax, a) => { ax.texts.push({ x: toFloat(a[0]), y: toFloat(a[1]), text: str(a[2]) }); return null; },
    axhline: axline('h'), axvline: axline('v'),
    fill_between: (ax, a, kw) => {
      const x = asVec(a[0]), y1v = asVec(a[1] ?? kw?.get('y1') ?? 0n), y2v = asVec(a[2] ?? kw?.get('y2') ?? 0n);
      const fit = (v: number[]) => (v.length === 1 ? x.map(() => v[0]) : v);
      const s: Series = { kind: 'fill', x, y1: fit(y1v), y2: fit(y2v), color: colorOf(kw?.get('color')) ?? nextColor(ax), alpha: kwNum(kw, 'alpha', 1), label: kwStr(kw, 'label') };
      ax.series.push(s);
      return artist(s);
    },
    errorbar: (ax, a, kw) => plot(ax, [a[0], a[1]], kw),
    cla: (ax) => { ax.series = []; ax.texts = []; ax.title = ax.xlabel = ax.ylabel = null; ax.xlim = ax.ylim = null; ax.cycle = 0; return null; },
    set_aspect: () => null, tick_params: () => null, set_xticklabels: () => null, set_yticklabels: () => null, margins: () => null,
  };
}
