// The SVG subset Graphviz writes, read into a flat display list: shapes (path, polygon,
// polyline, ellipse, circle, rect, line) and text, each with its paint and the transform from
// its user space to CSS pixels. Presentation attributes and `style` inherit through groups.
import { parseColor, type Rgba } from './color';
import type { FontStyle, TextAnchor } from './font';
import { IDENTITY, multiply, parseTransform, type Matrix } from './matrix';
import { ellipsePath, parsePathData, pointsPath, rectPath, type Path } from './path';
import { parseXml, type XmlElement, type XmlNode } from './xml';

export interface ShapeItem {
  kind: 'shape';
  path: Path;
  matrix: Matrix;
  fill: Rgba | null;
  stroke: Rgba | null;
  /** In user units, like `dash`. */
  strokeWidth: number;
  dash: number[] | null;
}

export interface TextItem {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  anchor: TextAnchor;
  font: FontStyle;
  fill: Rgba | null;
  matrix: Matrix;
}

export type DrawItem = ShapeItem | TextItem;

/** A parsed drawing: its size in CSS pixels (96 per inch) and what to paint, in order. */
export interface SvgDocument { width: number; height: number; items: DrawItem[] }

/** Inherited properties; paints stay strings so `url(#id)` can be resolved late. */
interface Style {
  fill: string; stroke: string; fillOpacity: number; strokeOpacity: number; opacity: number;
  strokeWidth: number; dash: string; fontSize: number; fontFamily: string;
  fontWeight: string; fontStyle: string; anchor: string;
}

const INITIAL: Style = {
  fill: 'black', stroke: 'none', fillOpacity: 1, strokeOpacity: 1, opacity: 1, strokeWidth: 1,
  dash: 'none', fontSize: 16, fontFamily: 'serif', fontWeight: 'normal', fontStyle: 'normal', anchor: 'start',
};

/** Elements whose content is never painted directly. */
const SKIPPED = new Set(['title', 'desc', 'metadata', 'defs', 'style', 'script', 'clipPath', 'mask', 'symbol',
  'marker', 'pattern', 'linearGradient', 'radialGradient', 'image', 'use', 'foreignObject']);

/** CSS pixels per unit; bare numbers are pixels. */
const UNITS: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };

function parseLength(s: string | undefined): number | null {
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([a-z]*)\s*$/i.exec(s ?? '');
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  return m && unit !== undefined ? parseFloat(m[1]) * unit : null;
}

function num(s: string | undefined, fallback: number): number {
  const v = parseFloat(s ?? '');
  return Number.isFinite(v) ? v : fallback;
}

/** Attributes merged with `style="a: b; c: d"` declarations, which take precedence. */
function properties(el: XmlElement): Map<string, string> {
  const style = el.attrs.get('style');
  if (!style) return el.attrs;
  const all = new Map(el.attrs);
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) all.set(decl.slice(0, i).trim(), decl.slice(i + 1).trim());
  }
  return all;
}

function inherit(parent: Style, p: Map<string, string>): Style {
  const s = { ...parent, opacity: parent.opacity * num(p.get('opacity'), 1) };
  const str = (k: string) => { const v = p.get(k); return v === undefined || v === 'inherit' ? undefined : v; };
  s.fill = str('fill') ?? s.fill;
  s.stroke = str('stroke') ?? s.stroke;
  s.fillOpacity = num(str('fill-opacity'), s.fillOpacity);
  s.strokeOpacity = num(str('stroke-opacity'), s.strokeOpacity);
  s.strokeWidth = parseLength(str('stroke-width')) ?? s.strokeWidth;
  s.dash = str('stroke-dasharray') ?? s.dash;
  s.fontSize = parseLength(str('font-size')) ?? s.fontSize;
  s.fontFamily = str('font-family') ?? s.fontFamily;
  s.fontWeight = str('font-weight') ?? s.fontWeight;
  s.fontStyle = str('font-style') ?? s.fontStyle;
  s.anchor = str('text-anchor') ?? s.anchor;
  return s;
}

/** Gradients become their first stop's colour: Graphviz uses them only for gradient fills. */
function gradientColors(root: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (el: XmlElement) => {
    if ((el.name === 'linearGradient' || el.name === 'radialGradient') && el.attrs.has('id')) {
      const stop = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'stop');
      const color = stop && properties(stop).get('stop-color');
      if (color) out.set(el.attrs.get('id')!, color);
    }
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

class Reader {
  readonly items: DrawItem[] = [];
  constructor(private readonly gradients: Map<string, string>) {}

  paint(value: string, opacity: number): Rgba | null {
    const ref = /^url\(\s*#([^)\s]+)\s*\)/.exec(value);
    const c = parseColor(ref ? this.gradients.get(ref[1]) ?? 'none' : value);
    return c && { ...c, a: c.a * opacity };
  }

  element(el: XmlElement, parent: Style, ctm: Matrix): void {
    if (SKIPPED.has(el.name)) return;
    const p = properties(el);
    if (p.get('display') === 'none' || p.get('visibility') === 'hidden') return;
    const s = inherit(parent, p);
    const m = el.attrs.has('transform') ? multiply(ctm, parseTransform(el.attrs.get('transform')!)) : ctm;
    if (el.name === 'text') { this.text(el, s, m); return; }
    const path = shapePath(el);
    if (path) { this.shape(path, s, m); return; }
    for (const c of el.children) if (typeof c !== 'string') this.element(c, s, m);
  }

  shape(path: Path, s: Style, matrix: Matrix): void {
    const dash = s.dash === 'none' ? null : s.dash.split(/[\s,]+/).filter((v) => v !== '').map(Number);
    this.items.push({
      kind: 'shape', path, matrix,
      fill: this.paint(s.fill, s.fillOpacity * s.opacity),
      stroke: s.strokeWidth > 0 ? this.paint(s.stroke, s.strokeOpacity * s.opacity) : null,
      strokeWidth: s.strokeWidth,
      dash: dash && dash.every((v) => Number.isFinite(v) && v >= 0) && dash.some((v) => v > 0) ? dash : null,
    });
  }

  text(el: XmlElement, s: Style, matrix: Matrix): void {
    const preserve = el.attrs.get('xml:space') === 'preserve';
    const raw = textContent(el);
    const text = preserve ? raw.replace(/[\n\r\t]/g, ' ') : raw.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const anchor: TextAnchor = s.anchor === 'middle' || s.anchor === 'end' ? s.anchor : 'start';
    const weight = parseInt(s.fontWeight, 10);
    this.items.push({
      kind: 'text', text, matrix, anchor,
      x: num(el.attrs.get('x'), 0), y: num(el.attrs.get('y'), 0),
      font: {
        size: s.fontSize, family: s.fontFamily,
        bold: s.fontWeight === 'bold' || s.fontWeight === 'bolder' || weight >= 600,
        italic: s.fontStyle === 'italic' || s.fontStyle === 'oblique',
      },
      fill: this.paint(s.fill, s.fillOpacity * s.opacity),
    });
  }
}

function textContent(el: XmlElement): string {
  return el.children.map((c: XmlNode) => (typeof c === 'string' ? c : SKIPPED.has(c.name) ? '' : textContent(c))).join('');
}

/** The outline of a basic shape element, or null for containers and unknown elements. */
function shapePath(el: XmlElement): Path | null {
  const a = (k: string) => num(el.attrs.get(k), 0);
  switch (el.name) {
    case 'path': return parsePathData(el.attrs.get('d') ?? '');
    case 'polygon': return pointsPath(el.attrs.get('points') ?? '', true);
    case 'polyline': return pointsPath(el.attrs.get('points') ?? '', false);
    case 'line': return { ops: ['M', 'L'], pts: [a('x1'), a('y1'), a('x2'), a('y2')] };
    case 'ellipse': return ellipsePath(a('cx'), a('cy'), a('rx'), a('ry'));
    case 'circle': return ellipsePath(a('cx'), a('cy'), a('r'), a('r'));
    case 'rect': return rectPath(a('x'), a('y'), a('width'), a('height'));
    default: return null;
  }
}

/** Maps the viewBox onto the viewport, keeping proportions and centring (xMidYMid meet). */
function viewBoxMatrix(root: XmlElement, width: number, height: number): Matrix {
  const vb = (root.attrs.get('viewBox') ?? '').split(/[\s,]+/).filter((v) => v !== '').map(Number);
  if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v)) || vb[2] <= 0 || vb[3] <= 0) return IDENTITY;
  if (root.attrs.get('preserveAspectRatio')?.trim() === 'none') {
    return [width / vb[2], 0, 0, height / vb[3], (-vb[0] * width) / vb[2], (-vb[1] * height) / vb[3]];
  }
  const k = Math.min(width / vb[2], height / vb[3]);
  return [k, 0, 0, k, (width - vb[2] * k) / 2 - vb[0] * k, (height - vb[3] * k) / 2 - vb[1] * k];
}

/** Error for a document that is XML but not an SVG drawing. */
export class SvgError extends Error {
  constructor(message: string) { super(message); this.name = 'SvgError'; }
}

/**
 * Parses an SVG document. Its size comes from width/height (pt, px, in, cm, mm; bare numbers are
 * pixels), else from the viewBox, else SVG's default 300 × 150.
 */
export function parseSvg(source: string): SvgDocument {
  const root = parseXml(source);
  if (root.name !== 'svg') throw new SvgError(`expected an <svg> root element, found <${root.name}>`);
  const vb = (root.attrs.get('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = parseLength(root.attrs.get('width')) ?? (vb.length === 4 && vb[2] > 0 ? vb[2] : 300);
  const height = parseLength(root.attrs.get('height')) ?? (vb.length === 4 && vb[3] > 0 ? vb[3] : 150);
  const reader = new Reader(gradientColors(root));
  const matrix = viewBoxMatrix(root, width, height);
  const style = inherit(INITIAL, properties(root));
  for (const c of root.children) if (typeof c !== 'string') reader.element(c, style, matrix);
  return { width, height, items: reader.items };
}
