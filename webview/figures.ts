// The Figures tab: plots recorded from matplotlib.pyplot, drawn with d3 (lines, scatter,
// histograms, images), one SVG per figure, subplots on the figure's grid.
import {
  axisBottom, axisLeft, extent, interpolatePlasma, interpolateRdBu, interpolateViridis, line, max, scaleLinear, scaleLog,
  schemeCategory10, select, type ScaleContinuousNumeric, type Selection,
} from 'd3';
import type { Axes, ColorMap, Figure, Series } from '../src/protocol/messages';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Scale = ScaleContinuousNumeric<number, number>;

const PX_PER_INCH = 80;
const M = { left: 52, right: 14, top: 26, bottom: 40 };
const LETTERS: Record<string, string> = { b: '#1f77b4', g: '#2ca02c', r: '#d62728', c: '#17becf', m: '#e377c2', y: '#bcbd22', k: '#000000', w: '#ffffff' };

/** A matplotlib colour ('r', 'C3', '#ff0000', 'tab:blue', a CSS name) as CSS, or the cycle's next. */
export function cssColor(c: string | null, cycle: number): string {
  if (!c) return schemeCategory10[cycle % 10];
  if (LETTERS[c]) return LETTERS[c];
  const m = /^C(\d)$/.exec(c);
  if (m) return schemeCategory10[+m[1]];
  return c.startsWith('tab:') ? c.slice(4) : c;
}

export function colormap(name: ColorMap): (t: number) => string {
  switch (name) {
    case 'viridis': return interpolateViridis;
    case 'plasma': return interpolatePlasma;
    case 'gray': return (t) => { const v = Math.round(255 * t); return `rgb(${v},${v},${v})`; };
    case 'coolwarm': return (t) => interpolateRdBu(1 - t);
    case 'RdBu': return interpolateRdBu;
  }
}

const finite = (xs: number[]) => xs.filter((v) => Number.isFinite(v));

function domains(a: Axes): { x: [number, number]; y: [number, number] } {
  const xs: number[] = [], ys: number[] = [];
  for (const s of a.series) {
    if (s.kind === 'line' || s.kind === 'scatter') { xs.push(...finite(s.x)); ys.push(...finite(s.y)); }
    if (s.kind === 'hist') { xs.push(s.edges[0], s.edges[s.edges.length - 1]); ys.push(0, max(s.counts) ?? 1); }
    if (s.kind === 'image') {
      const [l, r, b, t] = s.extent ?? [-0.5, s.cols - 0.5, s.rows - 0.5, -0.5];
      xs.push(l, r); ys.push(b, t);
    }
  }
  const ex = (v: number[]): [number, number] => {
    const [lo, hi] = extent(v);
    if (lo === undefined || hi === undefined) return [0, 1];
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  };
  return { x: a.xlim ?? ex(xs), y: a.ylim ?? ex(ys) };
}

function scale(kind: 'linear' | 'log', d: [number, number], r: [number, number], nice: boolean): Scale {
  if (kind === 'log') return scaleLog().domain([Math.max(d[0], 1e-12), Math.max(d[1], 1e-11)]).range(r);
  const s = scaleLinear().domain(d).range(r);
  return nice ? s.nice() : s;
}

function drawSeries(g: G, s: Series, x: Scale, y: Scale, cycle: number): void {
  if (s.kind === 'line') {
    const color = cssColor(s.color, cycle);
    const pts = s.x.map((v, i) => [v, s.y[i]] as [number, number]);
    const dash = { solid: null, dashed: '6 3', dotted: '1.5 2.5', dashdot: '6 2 1.5 2', none: null }[s.style];
    if (s.style !== 'none') {
      g.append('path').attr('fill', 'none').attr('stroke', color).attr('stroke-width', s.width).attr('stroke-dasharray', dash)
        .attr('d', line<[number, number]>().defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])).x((p) => x(p[0])).y((p) => y(p[1]))(pts));
    }
    if (s.marker) g.selectAll(null).data(pts.filter((p) => Number.isFinite(p[1]))).join('circle').attr('r', 2.5).attr('fill', color).attr('cx', (p) => x(p[0])).attr('cy', (p) => y(p[1]));
  } else if (s.kind === 'scatter') {
    const cm = colormap(s.cmap);
    const [lo, hi] = s.c ? (extent(s.c) as [number, number]) : [0, 1];
    const fill = (i: number) => (s.c ? cm(hi > lo ? (s.c[i] - lo) / (hi - lo) : 0.5) : cssColor(s.color, cycle));
    g.selectAll(null).data(s.x.map((_, i) => i)).join('circle').attr('r', Math.max(1.5, Math.sqrt(s.size) / 1.6))
      .attr('cx', (i) => x(s.x[i])).attr('cy', (i) => y(s.y[i])).attr('fill', fill).attr('fill-opacity', 0.85);
  } else if (s.kind === 'hist') {
    const color = cssColor(s.color, cycle);
    g.selectAll(null).data(s.counts.map((_, i) => i)).join('rect').attr('fill', color).attr('stroke', 'rgba(0,0,0,0.25)')
      .attr('x', (i) => x(s.edges[i])).attr('width', (i) => Math.max(0, x(s.edges[i + 1]) - x(s.edges[i])))
      .attr('y', (i) => y(s.counts[i])).attr('height', (i) => Math.max(0, y(0) - y(s.counts[i])));
  } else {
    drawImage(g, s, x, y);
  }
}

function drawImage(g: G, s: Extract<Series, { kind: 'image' }>, x: Scale, y: Scale): void {
  const c = document.createElement('canvas');
  c.width = Math.max(1, s.cols); c.height = Math.max(1, s.rows);
  const ctx = c.getContext('2d');
  if (!ctx) return;
  const vals = finite(s.data);
  const lo = s.vmin ?? Math.min(...vals), hi = s.vmax ?? Math.max(...vals);
  const cm = colormap(s.cmap);
  for (let r = 0; r < s.rows; r++) {
    for (let k = 0; k < s.cols; k++) {
      const v = s.data[r * s.cols + k];
      ctx.fillStyle = Number.isFinite(v) ? cm(hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5) : 'transparent';
      ctx.fillRect(k, r, 1, 1);
    }
  }
  const [l, rr, b, t] = s.extent ?? [-0.5, s.cols - 0.5, s.rows - 0.5, -0.5];
  g.append('image').attr('href', c.toDataURL()).attr('preserveAspectRatio', 'none').style('image-rendering', 'pixelated')
    .attr('x', Math.min(x(l), x(rr))).attr('y', Math.min(y(b), y(t)))
    .attr('width', Math.abs(x(rr) - x(l))).attr('height', Math.abs(y(t) - y(b)));
}

function drawAxes(root: G, a: Axes, w: number, h: number): void {
  const d = domains(a);
  const x = scale(a.xscale, d.x, [0, w], !a.xlim), y = scale(a.yscale, d.y, [h, 0], !a.ylim);
  if (a.grid) {
    root.append('g').selectAll(null).data(x.ticks(6)).join('line').attr('class', 'gridline').attr('x1', x).attr('x2', x).attr('y2', h);
    root.append('g').selectAll(null).data(y.ticks(5)).join('line').attr('class', 'gridline').attr('y1', y).attr('y2', y).attr('x2', w);
  }
  const plot = root.append('g').attr('class', 'plot');
  a.series.forEach((s, i) => drawSeries(plot, s, x, y, i));
  root.append('g').attr('class', 'axis').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(6));
  root.append('g').attr('class', 'axis').call(axisLeft(y).ticks(5));
  if (a.title) root.append('text').attr('class', 'title').attr('x', w / 2).attr('y', -8).text(a.title);
  if (a.xlabel) root.append('text').attr('x', w / 2).attr('y', h + 32).attr('text-anchor', 'middle').text(a.xlabel);
  if (a.ylabel) root.append('text').attr('transform', `translate(-40,${h / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(a.ylabel);
  if (a.legend) drawLegend(root, a, w);
}

function drawLegend(root: G, a: Axes, w: number): void {
  const items = a.series.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== 'image' && s.label);
  const g = root.append('g').attr('transform', `translate(${w - 8},8)`);
  items.forEach(({ s, i }, row) => {
    const color = s.kind === 'image' ? '' : cssColor(s.color, i);
    g.append('rect').attr('x', -110).attr('y', row * 16).attr('width', 12).attr('height', 8).attr('fill', color);
    g.append('text').attr('x', -94).attr('y', row * 16 + 8).attr('text-anchor', 'start').attr('font-size', 11).text(s.kind === 'image' ? '' : s.label ?? '');
  });
}

/** Replaces the tab's content with the figures. */
export function drawFigures(container: HTMLElement, figures: Figure[]): void {
  container.replaceChildren();
  if (!figures.length) {
    const p = document.createElement('p');
    p.id = 'no-figures';
    p.textContent = 'No figures yet: plots made with matplotlib.pyplot appear here.';
    container.append(p);
    return;
  }
  for (const f of figures) {
    const W = f.width * PX_PER_INCH, H = f.height * PX_PER_INCH;
    const svg = select(container).append('div').attr('class', 'figure').attr('data-id', f.id)
      .append('svg').attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
    const top = f.title ? 20 : 0;
    if (f.title) svg.append('text').attr('class', 'title').attr('x', W / 2).attr('y', 15).text(f.title);
    const cw = W / Math.max(1, f.cols), ch = (H - top) / Math.max(1, f.rows);
    for (const a of f.axes) {
      const g = svg.append('g').attr('class', 'axes').attr('transform', `translate(${a.col * cw + M.left},${top + a.row * ch + M.top})`);
      drawAxes(g, a, cw - M.left - M.right, ch - M.top - M.bottom);
    }
  }
}
