// Text as strokes: glyph outlines from font_data read once into polylines, laid out along a
// baseline with SVG's text-anchor, for the serif, sans and monospace families Graphviz names.
import { GLYPHS, MISSING, UNITS_PER_EM, type GlyphSpec } from './font_data';
import type { Polyline } from './path';

/** The font properties SVG text carries. */
export interface FontStyle {
  size: number;
  family: string;
  bold: boolean;
  italic: boolean;
}

export type TextAnchor = 'start' | 'middle' | 'end';

interface Glyph { advance: number; lines: Polyline[] }

/** Degrees of arc per polyline step: smooth at label sizes, cheap to fill. */
const ARC_STEP = 12;
/** Pen width in font units (1/20 em), regular and bold. */
const PEN = 1.35, PEN_BOLD = 2.2;
/** Monospace cell: 0.6 em, as Courier's advance. */
const MONO_ADVANCE = 12;
/** Sans families set wider than the Times-like advances the glyphs were drawn to. */
const SANS_STRETCH = 1.08;
/** Italic slant: x moves right by this much per unit of height. */
const SLANT = 0.2;

function arcPoints(out: number[], a: number[]): void {
  const [cx, cy, rx, ry, from, to] = a;
  const steps = Math.max(2, Math.ceil(Math.abs(to - from) / ARC_STEP));
  for (let i = 0; i <= steps; i++) {
    const t = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    out.push(cx + rx * Math.cos(t), cy + ry * Math.sin(t));
  }
}

/** Reads one glyph spec; `g(...)` parts must name glyphs read earlier or plain ones. */
function readGlyph(spec: GlyphSpec, lookup: (code: number) => Glyph): Glyph {
  const lines: Polyline[] = [];
  for (const stroke of spec[1].split('|')) {
    const pts: number[] = [];
    for (const tok of stroke.trim().split(/\s+/).filter((t) => t !== '')) {
      const args = tok.replace(/^[ag]\(|\)$/g, '').split(',').map(Number);
      if (tok.startsWith('a(')) arcPoints(pts, args);
      else if (tok.startsWith('g(')) {
        const [code, scale, dx, dy] = args;
        for (const l of lookup(code).lines) lines.push({ closed: false, pts: l.pts.map((v, i) => v * scale + (i % 2 ? dy : dx)) });
      } else pts.push(args[0], args[1]);
    }
    if (pts.length >= 4) lines.push({ pts, closed: false });
  }
  return { advance: spec[0], lines };
}

function readFont(): Map<string, Glyph> {
  const font = new Map<string, Glyph>();
  const lookup = (code: number): Glyph => {
    const ch = String.fromCodePoint(code);
    let g = font.get(ch);
    if (!g) { g = readGlyph(GLYPHS[ch], lookup); font.set(ch, g); }
    return g;
  };
  for (const ch of Object.keys(GLYPHS)) lookup(ch.codePointAt(0)!);
  font.set('\0missing', readGlyph(MISSING, lookup));
  return font;
}

const FONT: ReadonlyMap<string, Glyph> = readFont();

function glyphFor(ch: string): Glyph {
  return FONT.get(ch === '\t' || ch === '\u00a0' ? ' ' : ch) ?? FONT.get('\0missing')!;
}

function familyKind(family: string): 'mono' | 'sans' | 'serif' {
  const f = family.toLowerCase();
  if (/courier|mono|consol|menlo/.test(f)) return 'mono';
  if (/sans|helvetica|arial|verdana|tahoma|geneva/.test(f)) return 'sans';
  return 'serif';
}

/** Per glyph: its outline scale across x and advance, in font units. */
function metrics(g: Glyph, kind: 'mono' | 'sans' | 'serif'): { sx: number; dx: number; advance: number } {
  if (kind === 'sans') return { sx: SANS_STRETCH, dx: 0, advance: g.advance * SANS_STRETCH };
  if (kind === 'serif') return { sx: 1, dx: 0, advance: g.advance };
  // Monospace: centre each glyph in the cell, narrowing the few wider than it.
  const sx = Math.min(1, (MONO_ADVANCE - 1) / g.advance);
  return { sx, dx: (MONO_ADVANCE - g.advance * sx) / 2, advance: MONO_ADVANCE };
}

/** Width of the text in user units at style.size. */
export function measureText(text: string, style: FontStyle): number {
  const kind = familyKind(style.family);
  let w = 0;
  for (const ch of text) w += metrics(glyphFor(ch), kind).advance;
  return (w * style.size) / UNITS_PER_EM;
}

/** Pen width in user units. */
export function penWidth(style: FontStyle): number {
  return ((style.bold ? PEN_BOLD : PEN) * style.size) / UNITS_PER_EM;
}

/**
 * The strokes of `text` in user space (y down), the baseline starting at x (start), centred on
 * x (middle) or ending at x (end). Unknown characters draw a boxed question mark.
 */
export function textStrokes(text: string, style: FontStyle, x: number, y: number, anchor: TextAnchor): Polyline[] {
  const k = style.size / UNITS_PER_EM;
  const width = measureText(text, style);
  let pen = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const kind = familyKind(style.family), slant = style.italic ? SLANT : 0;
  const out: Polyline[] = [];
  for (const ch of text) {
    const g = glyphFor(ch), m = metrics(g, kind);
    for (const l of g.lines) {
      const pts = new Array<number>(l.pts.length);
      for (let i = 0; i < l.pts.length; i += 2) {
        pts[i] = pen + (m.dx + l.pts[i] * m.sx + slant * l.pts[i + 1]) * k;
        pts[i + 1] = y - l.pts[i + 1] * k;
      }
      out.push({ pts, closed: false });
    }
    pen += m.advance * k;
  }
  return out;
}
