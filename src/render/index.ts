// SVG and DOT to PNG in pure TypeScript, for `plot_dot_graph(..., to_file='graph.png')`: no
// Graphviz binary, cairo or browser. Sizes follow `dot -Tpng`, which renders at 96 dpi.
import { parseColor } from './color';
import { drawSvg } from './draw';
import { encodePng } from './png';
import { Canvas } from './raster';
import { parseSvg } from './svg';

export { decodePng, PngError } from './png_decode';
export { encodePng, type RgbaImage } from './png';
export { parseSvg, SvgError, type SvgDocument } from './svg';
export { XmlError } from './xml';

export interface PngOptions {
  /** Device pixels per CSS pixel (1 = 96 dpi, so one Graphviz point is 4/3 pixel). */
  scale?: number;
  /** A CSS colour painted beneath the drawing; transparent when absent. */
  background?: string;
}

/** Larger drawings are scaled down to fit, as `dot -Tpng` does at cairo's 32767-pixel limit. */
const MAX_SIDE = 32767;
/** Also bounds memory: 32 Mpx is 128 MB of RGBA, about as much again filtered, and DEFLATE's buffers. */
const MAX_PIXELS = 32 * 1024 * 1024;

/** The pixel size and the scale that gives it: width × scale rounded, shrunk to fit the limits. */
function imageSize(width: number, height: number, scale: number): { w: number; h: number; k: number } {
  let k = scale;
  const fit = Math.min(1, MAX_SIDE / (width * k), MAX_SIDE / (height * k), Math.sqrt(MAX_PIXELS / (width * height * k * k)));
  k *= fit;
  return { w: Math.max(1, Math.round(width * k)), h: Math.max(1, Math.round(height * k)), k };
}

/** Renders an SVG document (Graphviz's subset; see svg.ts) to a PNG file's bytes. */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  const scale = opts.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const doc = parseSvg(svg);
  const { w, h, k } = imageSize(doc.width, doc.height, scale);
  const canvas = new Canvas(w, h);
  if (opts.background !== undefined) {
    const bg = parseColor(opts.background);
    if (!bg && !/^\s*(none|transparent)\s*$/i.test(opts.background)) throw new RangeError(`background is not a CSS colour: '${opts.background}'`);
    if (bg) canvas.fill([[0, 0, w, 0, w, h, 0, h]], bg);
  }
  drawSvg(canvas, doc, k);
  return encodePng({ width: w, height: h, data: canvas.data });
}

/** Lays out DOT with `layout` (DOT → SVG text, e.g. Graphviz-wasm's `dot` engine) and renders it. */
export function dotToPng(dot: string, layout: (dot: string) => string): Uint8Array {
  return svgToPng(layout(dot));
}
