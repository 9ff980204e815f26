// An RGBA canvas with anti-aliased polygon filling by exact area coverage: each edge adds
// the signed area it sweeps in every cell it crosses to an accumulation buffer, and a running
// sum along each row turns those differences into per-pixel coverage (0..1).
import type { Rgba } from './color';

/** Accumulation cells per band: bounds the scratch buffer for shapes as large as the image. */
const BAND_CELLS = 1 << 20;
/** Coverage below half of one 8-bit step changes no pixel. */
const MIN_COVERAGE = 1 / 512;

/** ∫ clamp(s, 0, 1) ds from −∞ to u: the area right of an edge, integrated across a cell. */
function rampIntegral(u: number): number {
  return u <= 0 ? 0 : u < 1 ? 0.5 * u * u : u - 0.5;
}

/**
 * Signed-area differences for a band of rows. Cell (row, c) receives what an edge adds to pixel
 * c minus what it adds to pixel c − 1, so a running sum along the row is the coverage. Each row
 * also keeps the range of cells touched, as pixels outside it are uncovered.
 */
class Accumulator {
  acc = new Float32Array(0);
  lo = new Int32Array(0);
  hi = new Int32Array(0);
  stride = 0;
  rows = 0;
  width = 0;

  /** Prepares for `rows` rows of `width` pixels, all cells zero (blendRow clears as it reads). */
  reset(width: number, rows: number): void {
    this.width = width; this.rows = rows; this.stride = width + 2;
    if (this.acc.length < rows * this.stride) this.acc = new Float32Array(rows * this.stride);
    if (this.lo.length < rows) { this.lo = new Int32Array(rows); this.hi = new Int32Array(rows); }
    this.lo.fill(this.stride, 0, rows);
    this.hi.fill(-1, 0, rows);
  }

  /**
   * Adds the part of row `row` an edge crosses from x = xs (top) to x = xe (bottom), signed
   * height d. Pixel c gains d · mean of clamp(c + 1 − x, 0, 1) over the crossing: the share of
   * the pixel right of the edge.
   */
  span(row: number, xs: number, xe: number, d: number): void {
    const acc = this.acc, base = row * this.stride;
    const lo = Math.min(xs, xe), hi = Math.max(xs, xe);
    const c0 = Math.floor(lo), c1 = Math.floor(hi);
    if (c0 < this.lo[row]) this.lo[row] = c0;
    if (c1 + 1 > this.hi[row]) this.hi[row] = c1 + 1;
    if (c0 === c1) {
      const f = c0 + 1 - 0.5 * (lo + hi);
      acc[base + c0] += d * f;
      acc[base + c0 + 1] += d * (1 - f);
      return;
    }
    const k = d / (hi - lo);
    let prev = 0;
    for (let c = c0; c <= c1; c++) {
      const cover = k * (rampIntegral(c + 1 - lo) - rampIntegral(c + 1 - hi));
      acc[base + c] += cover - prev;
      prev = cover;
    }
    acc[base + c1 + 1] += d - prev;
  }

  /** One edge with 0 ≤ x ≤ width, clipped here to rows [0, rows). */
  edge(xa: number, ya: number, xb: number, yb: number): void {
    let dir = 1;
    if (ya > yb) { [xa, ya, xb, yb] = [xb, yb, xa, ya]; dir = -1; }
    if (yb <= 0 || ya >= this.rows || ya === yb) return;
    const slope = (xb - xa) / (yb - ya);
    const top = Math.max(ya, 0), bottom = Math.min(yb, this.rows);
    for (let row = Math.floor(top); row < bottom; row++) {
      const y0 = Math.max(top, row), y1 = Math.min(bottom, row + 1);
      if (y1 > y0) this.span(row, xa + (y0 - ya) * slope, xa + (y1 - ya) * slope, (y1 - y0) * dir);
    }
  }

  /**
   * Any edge: pieces beyond the left or right side are moved onto it. Left of the canvas a piece
   * still covers everything to its right; on the right side it marks where coverage continues.
   */
  clippedEdge(xa: number, ya: number, xb: number, yb: number): void {
    const w = this.width;
    if (xa >= 0 && xb >= 0 && xa <= w && xb <= w) { this.edge(xa, ya, xb, yb); return; }
    const cuts = [0, 1];
    for (const bound of [0, w]) {
      const t = (bound - xa) / (xb - xa);
      if (t > 0 && t < 1) cuts.push(t);
    }
    cuts.sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const t0 = cuts[i], t1 = cuts[i + 1];
      const clamp = (x: number) => Math.min(w, Math.max(0, x));
      this.edge(clamp(xa + (xb - xa) * t0), ya + (yb - ya) * t0, clamp(xa + (xb - xa) * t1), ya + (yb - ya) * t1);
    }
  }
}

/** An image being drawn: straight-alpha RGBA, row-major, transparent at first. */
export class Canvas {
  readonly data: Uint8Array;
  /** The same pixels as words, for filling runs of full coverage with an opaque colour. */
  private readonly words: Uint32Array;
  private readonly acc = new Accumulator();

  constructor(readonly width: number, readonly height: number) {
    this.data = new Uint8Array(width * height * 4);
    this.words = new Uint32Array(this.data.buffer);
  }

  /**
   * Fills the union of closed polygons (flat x,y lists in pixels) with `color`. Overlaps add
   * and clamp at full coverage, so pieces must share one orientation; oppositely wound
   * contours cancel, giving holes as the nonzero rule does.
   */
  fill(polys: readonly number[][], color: Rgba): void {
    if (color.a <= 0) return;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of polys) {
      for (let i = 0; i < p.length; i += 2) {
        minX = Math.min(minX, p[i]); maxX = Math.max(maxX, p[i]);
        minY = Math.min(minY, p[i + 1]); maxY = Math.max(maxY, p[i + 1]);
      }
    }
    const x0 = Math.max(0, Math.floor(minX)), x1 = Math.min(this.width, Math.ceil(maxX));
    const y0 = Math.max(0, Math.floor(minY)), y1 = Math.min(this.height, Math.ceil(maxY));
    if (x1 <= x0 || y1 <= y0) return;
    const w = x1 - x0;
    const band = Math.max(1, Math.min(y1 - y0, Math.floor(BAND_CELLS / (w + 2))));
    for (let by = y0; by < y1; by += band) {
      const rows = Math.min(band, y1 - by);
      this.acc.reset(w, rows);
      for (const p of polys) this.addPolygon(p, x0, by);
      const word = color.a >= 1 ? new Uint32Array(Uint8Array.of(color.r, color.g, color.b, 255).buffer)[0] : -1;
      for (let r = 0; r < rows; r++) this.blendRow(r, (by + r) * this.width + x0, color, word);
    }
  }

  private addPolygon(p: readonly number[], ox: number, oy: number): void {
    const n = p.length, rows = this.acc.rows;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 < n ? i + 2 : 0;
      const ya = p[i + 1] - oy, yb = p[j + 1] - oy;
      if ((ya < 0 && yb < 0) || (ya >= rows && yb >= rows)) continue;
      this.acc.clippedEdge(p[i] - ox, ya, p[j] - ox, yb);
    }
  }

  /**
   * Turns one accumulated row into coverage, composites it over `pixel`…, and clears the row.
   * `word` is the colour as a pixel word when opaque (else −1): fully covered runs are stored.
   */
  private blendRow(r: number, pixel: number, c: Rgba, word: number): void {
    const { acc, stride, width } = this.acc, d = this.data;
    const base = r * stride, from = this.acc.lo[r], to = this.acc.hi[r];
    let sum = 0;
    for (let x = from; x <= to; x++) {
      sum += acc[base + x];
      acc[base + x] = 0;
      const cover = Math.min(1, Math.abs(sum));
      if (cover < MIN_COVERAGE || x >= width) continue;
      if (cover > 0.999 && word !== -1) {
        // The sum, hence full coverage, holds until the next nonzero cell.
        let end = x + 1;
        while (end < width && acc[base + end] === 0) end++;
        this.words.fill(word, pixel + x, pixel + end);
        x = end - 1;
        continue;
      }
      const a = cover * c.a, i = (pixel + x) * 4;
      const da = d[i + 3] / 255;
      if (da === 1) {
        d[i] += Math.round((c.r - d[i]) * a);
        d[i + 1] += Math.round((c.g - d[i + 1]) * a);
        d[i + 2] += Math.round((c.b - d[i + 2]) * a);
        continue;
      }
      // Source-over on straight alpha: blend premultiplied, then divide by the new alpha.
      const keep = da * (1 - a), out = a + keep;
      d[i] = Math.round((c.r * a + d[i] * keep) / out);
      d[i + 1] = Math.round((c.g * a + d[i + 1] * keep) / out);
      d[i + 2] = Math.round((c.b * a + d[i + 2] * keep) / out);
      d[i + 3] = Math.round(out * 255);
    }
  }
}
