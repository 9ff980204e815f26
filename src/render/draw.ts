// Paints a parsed SVG display list onto a Canvas: paths are mapped to device pixels, then
// flattened, filled and stroked; text is stroked with the built-in font.
import type { Rgba } from './color';
import { penWidth, textStrokes } from './font';
import { applyInPlace, meanScale, multiply, type Matrix } from './matrix';
import { flatten, transformPath, type Polyline } from './path';
import { Canvas } from './raster';
import { strokePolygons, type LineCap } from './stroke';
import type { ShapeItem, SvgDocument, TextItem } from './svg';

/** Lines thinner than a pixel are drawn one pixel wide and proportionally fainter, so they never break up. */
function strokeLines(canvas: Canvas, lines: Polyline[], width: number, color: Rgba, dash: number[] | null, cap: LineCap): void {
  const w = Math.max(1, width);
  const c = width < 1 ? { ...color, a: color.a * width } : color;
  canvas.fill(strokePolygons(lines, w, dash, cap), c);
}

function drawShape(canvas: Canvas, item: ShapeItem, device: Matrix): void {
  const m = multiply(device, item.matrix);
  const lines = flatten(transformPath(item.path, m));
  if (lines.length === 0) return;
  if (item.fill) canvas.fill(lines.map((l) => l.pts), item.fill);
  if (item.stroke) {
    const k = meanScale(m);
    const dash = item.dash && item.dash.map((d) => d * k);
    strokeLines(canvas, lines, item.strokeWidth * k, item.stroke, dash, 'butt');
  }
}

function drawText(canvas: Canvas, item: TextItem, device: Matrix): void {
  if (!item.fill) return;
  const m = multiply(device, item.matrix);
  const lines = textStrokes(item.text, item.font, item.x, item.y, item.anchor);
  for (const l of lines) applyInPlace(m, l.pts);
  strokeLines(canvas, lines, penWidth(item.font) * meanScale(m), item.fill, null, 'round');
}

/** Draws the document scaled by `scale` device pixels per CSS pixel. */
export function drawSvg(canvas: Canvas, doc: SvgDocument, scale: number): void {
  const device: Matrix = [scale, 0, 0, scale, 0, 0];
  for (const item of doc.items) {
    if (item.kind === 'shape') drawShape(canvas, item, device);
    else drawText(canvas, item, device);
  }
}
