// Export of what the panel shows: SVG with styles inlined (so it renders anywhere), PNG drawn
// from that SVG, and DOT (the readable style) of the visible nodes.
import type { PanelState } from '../src/protocol/messages';
import { toDot } from '../src/graph/dot';
import type { GraphModel } from './model';
import type { ViewGraph } from './view';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity'] as const;
const TEXT = ['font-family', 'font-size', 'font-weight', 'text-anchor'] as const;

/** `color(srgb r g b / a)` (what color-mix computes to) as rgba(), which every SVG reader knows. */
function plainColor(v: string): string {
  const m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(v.trim());
  if (!m) return v;
  const c = (x: string) => Math.round(Math.min(1, Math.max(0, +x)) * 255);
  return `rgba(${c(m[1])}, ${c(m[2])}, ${c(m[3])}, ${m[4] ?? 1})`;
}

/** A standalone SVG document of the whole graph at scale 1. */
export function exportSvg(svg: SVGSVGElement, bounds: { width: number; height: number }): string {
  // The export shows the graph, not the current selection's dimming.
  const selecting = svg.classList.contains('has-selection');
  svg.classList.remove('has-selection');
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelector('g.viewport')?.removeAttribute('transform');
  const from = svg.querySelectorAll<SVGElement>('*'), to = clone.querySelectorAll<SVGElement>('*');
  for (let i = 0; i < from.length; i++) {
    const cs = getComputedStyle(from[i]);
    const el = to[i];
    for (const p of STYLED) el.setAttribute(p, plainColor(cs.getPropertyValue(p)));
    if (el.tagName === 'text') for (const p of TEXT) el.setAttribute(p, cs.getPropertyValue(p));
    el.removeAttribute('class');
  }
  if (selecting) svg.classList.add('has-selection');
  const pad = 8;
  const w = Math.ceil(bounds.width + 2 * pad), h = Math.ceil(bounds.height + 2 * pad);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('viewBox', `${-pad} ${-pad} ${w} ${h}`);
  clone.removeAttribute('id');
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [['x', -pad], ['y', -pad], ['width', w], ['height', h]] as const) bg.setAttribute(k, String(v));
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  clone.insertBefore(bg, clone.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** A PNG data URL of an exported SVG, at `scale` (reduced to stay within canvas limits). */
export function exportPng(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const k = Math.min(scale, 16000 / Math.max(width, height, 1), Math.sqrt(100e6 / Math.max(width * height, 1)));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  return new Promise<string>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      try {
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(width * k));
        c.height = Math.max(1, Math.round(height * k));
        const g = c.getContext('2d');
        if (!g) throw new Error('no 2D canvas');
        g.drawImage(img, 0, 0, c.width, c.height);
        resolve(c.toDataURL('image/png'));
      } catch (e) { reject(e instanceof Error ? e : new Error(String(e))); } finally { URL.revokeObjectURL(url); }
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('the SVG could not be drawn')); };
    img.src = url;
  });
}

/** DOT (readable style) of the nodes the view shows, overview groups unfolded. */
export function exportDot(model: GraphModel, view: ViewGraph, state: PanelState): string {
  return toDot(model.snapshot, { style: 'readable', rankdir: state.rankdir, verbose: state.verbose, include: (n) => view.members.has(n.id) });
}
