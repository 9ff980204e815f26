// A small SVG renderer for recorded figures (plt.savefig): matplotlib's subplot layout and
// default margins, autoscaled limits, ticks, labels, legend, and every series kind.
import type { AxesData, FigureData, Series } from './plot_data';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f2 = (v: number) => (Math.round(v * 100) / 100).toString();

interface Box { x: number; y: number; w: number; h: number }

/** matplotlib's default subplot parameters, applied to a rows x cols grid. */
function cellBox(W: number, H: number, [rows, cols, index]: [number, number, number]): Box {
  const [left, right, bottom, top, wspace, hspace] = [0.125, 0.9, 0.11, 0.88, 0.2, 0.2];
  const cw = ((right - left) * W) / (cols + wspace * (cols - 1));
  const ch = ((top - bottom) * H) / (rows + hspace * (rows - 1));
  const r = Math.floor((index - 1) / cols), c = (index - 1) % cols;
  return { x: left * W + c * cw * (1 + wspace), y: (1 - top) * H + r * ch * (1 + hspace), w: cw, h: ch };
}

/** Data extent of the series along one axis (bars and hists stick to zero, images to their edges). */
function extent(series: Series[], axis: 'x' | 'y'): [number, number, boolean] {
  let lo = Infinity, hi = -Infinity, tight = false;
  const take = (vals: number[]) => { for (const v of vals) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } };
  for (const s of series) {
    if (s.kind === 'line' || s.kind === 'scatter') take(axis === 'x' ? s.x : s.y);
    else if (s.kind === 'fill') take(axis === 'x' ? s.x : [...s.y1, ...s.y2]);
    else if (s.kind === 'bar') {
      const along = s.horizontal ? 'y' : 'x';
      if (axis === along) take(s.x.flatMap((x) => [x - s.width / 2, x + s.width / 2]));
      else take([0, ...s.height.map((h, i) => h + s.bottom[i]), ...s.bottom]);
    } else if (s.kind === 'hist') take(axis === 'x' ? s.edges : [0, ...s.counts]);
    else if (s.kind === 'image' && s.extent) take(axis === 'x' ? s.extent.slice(0, 2) : s.extent.slice(2));
    else if (s.kind === 'image') { tight = true; take(axis === 'x' ? [-0.5, s.cols - 0.5] : [-0.5, s.rows - 0.5]); }
    else if (s.kind === 'axline' && (s.orientation === 'h') === (axis === 'y')) take([s.value]);
  }
  if (lo === Infinity) return [0, 1, tight];
  if (lo === hi) return [lo - 1, hi + 1, tight];
  return [lo, hi, tight];
}

function limits(ax: AxesData, axis: 'x' | 'y'): [number, number] {
  const set = axis === 'x' ? ax.xlim : ax.ylim;
  if (set) return set;
  const [lo, hi, tight] = extent(ax.series, axis);
  if (tight) return axis === 'y' && ax.series.some((s) => s.kind === 'image' && !s.extent) ? [hi, lo] : [lo, hi];
  const pad = (hi - lo) * 0.05;
  const bars = ax.series.some((s) => (s.kind === 'hist' && axis === 'y') || (s.kind === 'bar' && (s.horizontal ? axis === 'x' : axis === 'y')));
  return [bars && lo === 0 ? 0 : lo - pad, hi + pad];
}

/** Round tick positions: steps of 1, 2, 2.5 or 5 times a power of ten, about five to eight ticks. */
export function niceTicks(lo: number, hi: number): number[] {
  const [a, b] = lo < hi ? [lo, hi] : [hi, lo];
  const raw = (b - a) / 6;
  if (!(raw > 0) || !Number.isFinite(raw)) return [a];
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = Math.ceil(a / step - 1e-9) * step; t <= b + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/** A tick label with as many decimals as the tick step needs (0, 0.5, 2.5 → "0.0", "0.5", "2.5"). */
function tickLabel(v: number, ticks: number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  let d = 0;
  while (d < 10 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-6) d++;
  return v.toFixed(d);
}

const DASH: Record<string, string> = { '--': '6,3', '-.': '6,3,1.5,3', ':': '1.5,2.5' };

function drawSeries(s: Series, px: (x: number) => number, py: (y: number) => number, box: Box): string {
  switch (s.kind) {
    case 'line': {
      const pts = s.x.map((x, i) => `${f2(px(x))},${f2(py(s.y[i]))}`).join(' ');
      let out = s.linestyle ? `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="${s.linewidth}"${DASH[s.linestyle] ? ` stroke-dasharray="${DASH[s.linestyle]}"` : ''}/>` : '';
      if (s.marker) out += s.x.map((x, i) => `<circle cx="${f2(px(x))}" cy="${f2(py(s.y[i]))}" r="3" fill="${s.color}"/>`).join('');
      return out;
    }
    case 'scatter': {
      const r = Math.sqrt(s.size) / 2;
      const color = s.values ? mapped(s.values) : () => s.color;
      return s.x.map((x, i) => `<circle cx="${f2(px(x))}" cy="${f2(py(s.y[i]))}" r="${f2(r)}" fill="${color(i)}"/>`).join('');
    }
    case 'bar': return s.x.map((x, i) => {
      const [a, b] = [x - s.width / 2, x + s.width / 2], [c, d] = [s.bottom[i], s.bottom[i] + s.height[i]];
      const [x0, x1, y0, y1] = s.horizontal ? [px(c), px(d), py(a), py(b)] : [px(a), px(b), py(c), py(d)];
      return rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0), s.color);
    }).join('');
    case 'hist': return s.counts.map((n, i) => {
      const x0 = px(s.edges[i]), x1 = px(s.edges[i + 1]), y0 = py(0), y1 = py(n);
      return rect(x0, Math.min(y0, y1), x1 - x0, Math.abs(y0 - y1), s.color);
    }).join('');
    case 'image': return image(s, px, py);
    case 'axline': return s.orientation === 'h'
      ? `<line x1="${f2(box.x)}" x2="${f2(box.x + box.w)}" y1="${f2(py(s.value))}" y2="${f2(py(s.value))}" stroke="${s.color}"${DASH[s.linestyle] ? ` stroke-dasharray="${DASH[s.linestyle]}"` : ''}/>`
      : `<line y1="${f2(box.y)}" y2="${f2(box.y + box.h)}" x1="${f2(px(s.value))}" x2="${f2(px(s.value))}" stroke="${s.color}"${DASH[s.linestyle] ? ` stroke-dasharray="${DASH[s.linestyle]}"` : ''}/>`;
    case 'fill': {
      const top = s.x.map((x, i) => `${f2(px(x))},${f2(py(s.y1[i]))}`);
      const bottom = s.x.map((x, i) => `${f2(px(x))},${f2(py(s.y2[i]))}`).reverse();
      return `<polygon points="${[...top, ...bottom].join(' ')}" fill="${s.color}" fill-opacity="${s.alpha}"/>`;
    }
  }
}

const rect = (x: number, y: number, w: number, h: number, fill: string) => `<rect x="${f2(x)}" y="${f2(y)}" width="${f2(w)}" height="${f2(h)}" fill="${fill}"/>`;

/** A per-point value through the colormap, scaled to the values' range. */
function mapped(values: number[]): (i: number) => string {
  const lo = values.reduce((m, v) => (v < m ? v : m), Infinity), hi = values.reduce((m, v) => (v > m ? v : m), -Infinity);
  return (i) => viridis(hi > lo ? (values[i] - lo) / (hi - lo) : 0.5);
}

/** A coarse viridis (five stops, linearly interpolated). */
function viridis(t: number): string {
  const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const u = Math.min(1, Math.max(0, t)) * (stops.length - 1), k = Math.min(stops.length - 2, Math.floor(u)), f = u - k;
  const c = stops[k].map((v, j) => Math.round(v + (stops[k + 1][j] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function pixelColor(s: Extract<Series, { kind: 'image' }>, i: number): string {
  const d = s.data, k = i * s.channels;
  if (s.channels >= 3) {
    const scale = d.slice(k, k + 3).some((v) => v > 1) ? 1 : 255;
    return `rgb(${d.slice(k, k + 3).map((v) => Math.round(Math.min(255, Math.max(0, v * scale)))).join(',')})`;
  }
  const t = s.vmax > s.vmin ? (d[k] - s.vmin) / (s.vmax - s.vmin) : 0.5;
  if (s.cmap === 'gray' || s.cmap === 'Greys_r' || s.cmap === 'binary_r') { const g = Math.round(Math.min(1, Math.max(0, t)) * 255); return `rgb(${g},${g},${g})`; }
  if (s.cmap === 'binary' || s.cmap === 'Greys') { const g = Math.round((1 - Math.min(1, Math.max(0, t))) * 255); return `rgb(${g},${g},${g})`; }
  return viridis(t);
}

/**
 * One rect per pixel, or per block of pixels for large images. Pixel (c, r) covers
 * [left + c·w, left + (c+1)·w] × [top − (r+1)·h, top − r·h] of the extent; imshow's default
 * extent puts pixel centres on integer coordinates with row 0 at the top.
 */
function image(s: Extract<Series, { kind: 'image' }>, px: (x: number) => number, py: (y: number) => number): string {
  const [l, r0, b, t] = s.extent ?? [-0.5, s.cols - 0.5, s.rows - 0.5, -0.5];
  const w = (r0 - l) / s.cols, h = (t - b) / s.rows;
  const at = (c: number, r: number) => [px(l + c * w), py(t - r * h)];
  const stride = Math.max(1, Math.ceil(Math.max(s.rows, s.cols) / 128));
  let out = '';
  for (let r = 0; r < s.rows; r += stride) {
    for (let c = 0; c < s.cols; c += stride) {
      const [xa, ya] = at(c, r), [xb, yb] = at(Math.min(s.cols, c + stride), Math.min(s.rows, r + stride));
      out += rect(Math.min(xa, xb), Math.min(ya, yb), Math.abs(xb - xa) + 0.3, Math.abs(yb - ya) + 0.3, pixelColor(s, r * s.cols + c));
    }
  }
  return out;
}

function scaleFn(lo: number, hi: number, a: number, b: number, log: boolean): (v: number) => number {
  const t = log ? Math.log10 : (v: number) => v;
  const [tl, th] = [t(lo), t(hi)];
  return (v) => a + ((t(v) - tl) / (th - tl || 1)) * (b - a);
}

/** imshow's default aspect: square pixels, the axes shrunk and centred in its cell. */
function imageBox(ax: AxesData, box: Box, xl: number, xh: number, yl: number, yh: number): Box {
  if (!ax.series.some((s) => s.kind === 'image' && !s.extent)) return box;
  const ratio = Math.abs(yh - yl) / Math.abs(xh - xl);
  if (box.h / box.w > ratio) { const h = box.w * ratio; return { ...box, y: box.y + (box.h - h) / 2, h }; }
  const w = box.h / ratio;
  return { ...box, x: box.x + (box.w - w) / 2, w };
}

function drawAxes(ax: AxesData, cell: Box): string {
  const [xl, xh] = limits(ax, 'x'), [yl, yh] = limits(ax, 'y');
  const box = imageBox(ax, cell, xl, xh, yl, yh);
  const px = scaleFn(xl, xh, box.x, box.x + box.w, ax.xscale === 'log');
  const py = scaleFn(yl, yh, box.y + box.h, box.y, ax.yscale === 'log');
  let out = `<g><clipPath id="clip${box.x | 0}_${box.y | 0}"><rect x="${f2(box.x)}" y="${f2(box.y)}" width="${f2(box.w)}" height="${f2(box.h)}"/></clipPath>`;
  const xt = ax.xticks ?? niceTicks(xl, xh), yt = ax.yticks ?? niceTicks(yl, yh);
  if (ax.grid) {
    for (const t of xt) out += `<line x1="${f2(px(t))}" x2="${f2(px(t))}" y1="${f2(box.y)}" y2="${f2(box.y + box.h)}" stroke="#b0b0b0" stroke-width="0.8"/>`;
    for (const t of yt) out += `<line y1="${f2(py(t))}" y2="${f2(py(t))}" x1="${f2(box.x)}" x2="${f2(box.x + box.w)}" stroke="#b0b0b0" stroke-width="0.8"/>`;
  }
  out += `<g clip-path="url(#clip${box.x | 0}_${box.y | 0})">${ax.series.map((s) => drawSeries(s, px, py, box)).join('')}</g>`;
  for (const t of ax.texts) out += `<text x="${f2(px(t.x))}" y="${f2(py(t.y))}" font-size="10">${esc(t.text)}</text>`;
  if (!ax.axisOff) out += frame(ax, box, xt, yt, px, py);
  if (ax.title) out += `<text x="${f2(box.x + box.w / 2)}" y="${f2(box.y - 6)}" text-anchor="middle" font-size="12">${esc(ax.title)}</text>`;
  if (ax.legend) out += legend(ax, box);
  return out + '</g>';
}

function frame(ax: AxesData, box: Box, xt: number[], yt: number[], px: (v: number) => number, py: (v: number) => number): string {
  let out = `<rect x="${f2(box.x)}" y="${f2(box.y)}" width="${f2(box.w)}" height="${f2(box.h)}" fill="none" stroke="#000" stroke-width="0.8"/>`;
  const bar = ax.series.find((s) => s.kind === 'bar' && s.tickLabels);
  for (const t of xt) {
    const label = bar && bar.kind === 'bar' && bar.tickLabels ? bar.tickLabels[bar.x.indexOf(t)] ?? '' : tickLabel(t, xt);
    out += `<line x1="${f2(px(t))}" x2="${f2(px(t))}" y1="${f2(box.y + box.h)}" y2="${f2(box.y + box.h + 3.5)}" stroke="#000"/><text x="${f2(px(t))}" y="${f2(box.y + box.h + 14)}" text-anchor="middle" font-size="10">${esc(label)}</text>`;
  }
  for (const t of yt) out += `<line x1="${f2(box.x - 3.5)}" x2="${f2(box.x)}" y1="${f2(py(t))}" y2="${f2(py(t))}" stroke="#000"/><text x="${f2(box.x - 6)}" y="${f2(py(t) + 3.5)}" text-anchor="end" font-size="10">${esc(tickLabel(t, yt))}</text>`;
  if (ax.xlabel) out += `<text x="${f2(box.x + box.w / 2)}" y="${f2(box.y + box.h + 30)}" text-anchor="middle" font-size="10">${esc(ax.xlabel)}</text>`;
  if (ax.ylabel) out += `<text transform="translate(${f2(box.x - 34)},${f2(box.y + box.h / 2)}) rotate(-90)" text-anchor="middle" font-size="10">${esc(ax.ylabel)}</text>`;
  return out;
}

function legend(ax: AxesData, box: Box): string {
  const entries = ax.series.filter((s) => 'label' in s && s.label && !s.label.startsWith('_')) as (Series & { label: string; color: string })[];
  if (!entries.length) return '';
  const w = 24 + Math.max(...entries.map((e) => e.label.length)) * 6, h = entries.length * 16 + 6;
  const x = box.x + box.w - w - 6, y = box.y + 6;
  let out = `<rect x="${f2(x)}" y="${f2(y)}" width="${f2(w)}" height="${h}" fill="#fff" fill-opacity="0.8" stroke="#ccc"/>`;
  entries.forEach((e, i) => {
    const cy = y + 11 + i * 16;
    out += `<line x1="${f2(x + 4)}" x2="${f2(x + 18)}" y1="${f2(cy)}" y2="${f2(cy)}" stroke="${e.color}" stroke-width="2"/><text x="${f2(x + 22)}" y="${f2(cy + 3.5)}" font-size="10">${esc(e.label)}</text>`;
  });
  return out;
}

/** The figure as an SVG document (72 units per inch, like matplotlib's SVG backend). */
export function renderSvg(fig: FigureData): string {
  const W = fig.size[0] * 72, H = fig.size[1] * 72;
  let body = `<rect width="${f2(W)}" height="${f2(H)}" fill="#fff"/>`;
  if (fig.suptitle) body += `<text x="${f2(W / 2)}" y="18" text-anchor="middle" font-size="14">${esc(fig.suptitle)}</text>`;
  for (const ax of fig.axes) body += drawAxes(ax, cellBox(W, H, ax.position));
  return `<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${f2(W)}pt" height="${f2(H)}pt" viewBox="0 0 ${f2(W)} ${f2(H)}" font-family="DejaVu Sans, sans-serif">${body}</svg>\n`;
}
