// Rasterizer: exact coverage of filled shapes and their anti-aliased edges, unions and holes,
// clipping, alpha compositing, stroked lines with round joins, dashes, and flattened curves.
import assert from 'node:assert/strict';
import { ellipsePath, flatten, parsePathData } from '../../src/render/path';
import { Canvas } from '../../src/render/raster';
import { dashPolyline, strokePolygons } from '../../src/render/stroke';
import type { Rgba } from '../../src/render/color';
import { paintedArea, pixel } from './helpers';

const RED: Rgba = { r: 255, g: 0, b: 0, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

const rect = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];
const img = (c: Canvas) => ({ width: c.width, height: c.height, data: c.data });
const alpha = (c: Canvas, x: number, y: number) => pixel(img(c), x, y)[3];

describe('Canvas.fill', () => {
  it('covers a pixel-aligned square exactly: full inside, nothing outside', () => {
    const c = new Canvas(12, 12);
    c.fill([rect(2, 3, 8, 9)], RED);
    for (let y = 0; y < 12; y++) {
      for (let x = 0; x < 12; x++) {
        const inside = x >= 2 && x < 8 && y >= 3 && y < 9;
        assert.deepEqual(pixel(img(c), x, y), inside ? [255, 0, 0, 255] : [0, 0, 0, 0], `(${x}, ${y})`);
      }
    }
    assert.equal(paintedArea(img(c)), 36);
  });

  it('gives edge pixels their covered fraction', () => {
    const c = new Canvas(12, 12);
    c.fill([rect(2.5, 3, 8.25, 9.75)], RED);
    assert.equal(alpha(c, 2, 5), 128, 'half covered');
    assert.equal(alpha(c, 8, 5), 64, 'a quarter covered');
    assert.equal(alpha(c, 5, 9), 191, 'three quarters covered');
    assert.equal(alpha(c, 8, 9), 48, '1/4 × 3/4');
    assert.equal(alpha(c, 3, 5), 255);
    // A diagonal edge halves each pixel it crosses corner to corner.
    const t = new Canvas(10, 10);
    t.fill([[0, 0, 10, 0, 0, 10]], BLACK);
    for (let x = 0; x < 10; x++) assert.equal(alpha(t, x, 9 - x), 128, `diagonal pixel ${x}`);
    assert.equal(alpha(t, 0, 0), 255);
    assert.equal(alpha(t, 9, 9), 0);
  });

  it('fills an ellipse with area πab within 2%, and its flattened polygon to 0.05%', () => {
    for (const [cx, cy, a, b] of [[40.3, 25.7, 30.3, 17.7], [20, 20, 5.5, 12.25], [50, 50, 47.24, 18]]) {
      const c = new Canvas(100, 100);
      const lines = flatten(ellipsePath(cx, cy, a, b));
      c.fill(lines.map((l) => l.pts), BLACK);
      const area = paintedArea(img(c));
      const err = Math.abs(area / (Math.PI * a * b) - 1);
      assert.ok(err < 0.02, `ellipse ${a}×${b}: relative error ${err}`);
      // Chords cut inside the curve by up to the 0.05 px tolerance: a small, known loss.
      assert.ok(err < 0.005, `ellipse ${a}×${b}: relative error ${err}`);
      const p = lines[0].pts;
      let twice = 0;
      for (let i = 0; i < p.length; i += 2) { const j = (i + 2) % p.length; twice += p[i] * p[j + 1] - p[j] * p[i + 1]; }
      assert.ok(Math.abs(area / Math.abs(twice / 2) - 1) < 5e-4, 'coverage sums to the polygon area');
    }
  });

  it('unites same-winding overlaps and cuts holes with opposite winding', () => {
    const c = new Canvas(20, 20);
    c.fill([rect(2, 2, 10, 10), rect(6, 6, 14, 14)], BLACK);
    assert.equal(alpha(c, 8, 8), 255);
    assert.equal(paintedArea(img(c)), 64 + 64 - 16);
    const h = new Canvas(20, 20);
    const inner = rect(6, 6, 10, 10);
    const reversed: number[] = [];
    for (let i = inner.length - 2; i >= 0; i -= 2) reversed.push(inner[i], inner[i + 1]);
    h.fill([rect(2, 2, 14, 14), reversed], BLACK);
    assert.equal(alpha(h, 8, 8), 0, 'hole');
    assert.equal(alpha(h, 4, 4), 255);
    assert.equal(paintedArea(img(h)), 144 - 16);
  });

  it('clips shapes that extend past every side', () => {
    const c = new Canvas(10, 8);
    c.fill([rect(-5.5, -3, 4, 20)], BLACK);
    c.fill([rect(7.5, 2, 30, 4)], BLACK);
    assert.equal(alpha(c, 0, 0), 255);
    assert.equal(alpha(c, 3, 7), 255);
    assert.equal(alpha(c, 4, 3), 0);
    assert.equal(alpha(c, 7, 3), 128);
    assert.equal(alpha(c, 9, 3), 255);
    // Half-covered pixels round to 128/255, a little over one half.
    assert.ok(Math.abs(paintedArea(img(c)) - (4 * 8 + 2.5 * 2)) < 0.01);
    const far = new Canvas(4, 4);
    far.fill([rect(10, 10, 20, 20)], BLACK);
    assert.equal(paintedArea(img(far)), 0);
  });

  it('composites with source-over on straight alpha', () => {
    const c = new Canvas(2, 1);
    c.fill([rect(0, 0, 2, 1)], { r: 255, g: 255, b: 255, a: 1 });
    c.fill([rect(0, 0, 1, 1)], { r: 0, g: 0, b: 0, a: 0.5 });
    assert.deepEqual(pixel(img(c), 0, 0), [128, 128, 128, 255]);
    assert.deepEqual(pixel(img(c), 1, 0), [255, 255, 255, 255]);
    const t = new Canvas(1, 1);
    t.fill([rect(0, 0, 1, 1)], { r: 0, g: 0, b: 255, a: 0.5 });
    t.fill([rect(0, 0, 1, 1)], { r: 255, g: 0, b: 0, a: 0.5 });
    // Red at 0.5 over blue at 0.5: alpha 0.75 (191.5 from the stored 128/255, so 192), 2/3 red, 1/3 blue.
    assert.deepEqual(pixel(img(t), 0, 0), [170, 0, 85, 192]);
  });
});

describe('strokes', () => {
  const line = (pts: number[]) => [{ pts, closed: false }];

  it('a 1-pixel horizontal line on a pixel row paints exactly that row, butt-ended', () => {
    const c = new Canvas(20, 20);
    c.fill(strokePolygons(line([2, 10.5, 18, 10.5]), 1, null), BLACK);
    for (let x = 0; x < 20; x++) {
      assert.equal(alpha(c, x, 10), x >= 2 && x < 18 ? 255 : 0, `x = ${x}`);
      assert.equal(alpha(c, x, 9), 0);
      assert.equal(alpha(c, x, 11), 0);
    }
  });

  it('a line between pixel rows shares itself between them', () => {
    const c = new Canvas(20, 20);
    c.fill(strokePolygons(line([2, 10, 18, 10]), 1, null), BLACK);
    assert.equal(alpha(c, 8, 9), 128);
    assert.equal(alpha(c, 8, 10), 128);
  });

  it('a diagonal stroke covers length × width', () => {
    const c = new Canvas(40, 40);
    c.fill(strokePolygons(line([5, 5, 25, 25]), 3, null), BLACK);
    const want = Math.hypot(20, 20) * 3;
    assert.ok(Math.abs(paintedArea(img(c)) - want) < 0.01 * want, `${paintedArea(img(c))} vs ${want}`);
  });

  it('rounds the outside of a corner: two arms, minus their overlap, plus a quarter disc', () => {
    const c = new Canvas(40, 40);
    c.fill(strokePolygons(line([5, 10, 25, 10, 25, 30]), 4, null), BLACK);
    const want = 20 * 4 * 2 - 2 * 2 + (Math.PI * 2 * 2) / 4;
    assert.ok(Math.abs(paintedArea(img(c)) - want) < 0.005 * want, `${paintedArea(img(c))} vs ${want}`);
    // Only the join reaches the pixel diagonally outside the corner point (25, 10).
    assert.equal(alpha(c, 25, 9), 255, 'outer corner is filled');
    assert.ok(alpha(c, 26, 8) > 0 && alpha(c, 26, 8) < 255, 'and rounded');
  });

  it('round caps add a half disc at each end; closed outlines have no ends', () => {
    const capped = new Canvas(40, 20);
    capped.fill(strokePolygons(line([10, 10, 30, 10]), 4, null, 'round'), BLACK);
    const want = 20 * 4 + Math.PI * 4;
    assert.ok(Math.abs(paintedArea(img(capped)) - want) < 0.01 * want);
    const box = new Canvas(40, 40);
    box.fill(strokePolygons([{ pts: [10, 10, 30, 10, 30, 30, 10, 30], closed: true }], 2, null), BLACK);
    // Outer 22² minus inner 18², less the four missing outer corner squares, plus quarter discs.
    const ring = 22 * 22 - 18 * 18 - 4 * (1 - Math.PI / 4);
    assert.ok(Math.abs(paintedArea(img(box)) - ring) < 0.01 * ring, `${paintedArea(img(box))} vs ${ring}`);
    assert.equal(alpha(box, 20, 20), 0);
  });

  it('dashes follow the pattern along the path and around corners', () => {
    const parts = dashPolyline({ pts: [0, 0, 20, 0], closed: false }, [5, 3]);
    assert.deepEqual(parts.map((p) => [p.pts[0], p.pts[p.pts.length - 2]]), [[0, 5], [8, 13], [16, 20]]);
    const corner = dashPolyline({ pts: [0, 0, 4, 0, 4, 10], closed: false }, [6, 2]);
    assert.deepEqual(corner[0].pts, [0, 0, 4, 0, 4, 2]);
    assert.deepEqual(corner[1].pts, [4, 4, 4, 10]);
    // An odd list repeats: [1] is on 1, off 1.
    assert.equal(dashPolyline({ pts: [0, 0, 10, 0], closed: false }, [1]).length, 5);
    const c = new Canvas(30, 10);
    c.fill(strokePolygons(line([0, 5.5, 20, 5.5]), 1, [5, 3]), BLACK);
    assert.deepEqual([2, 6, 10, 14, 17].map((x) => alpha(c, x, 5)), [255, 0, 255, 0, 255]);
  });
});

describe('path flattening', () => {
  it('keeps cubic béziers within the tolerance of the curve', () => {
    const p = parsePathData('M10,80 C40,10 65,10 95,80');
    const [l] = flatten(p, 0.2);
    const bez = (t: number) => {
      const u = 1 - t;
      return [u * u * u * 10 + 3 * u * u * t * 40 + 3 * u * t * t * 65 + t * t * t * 95, u * u * u * 80 + 3 * u * u * t * 10 + 3 * u * t * t * 10 + t * t * t * 80];
    };
    // Every point of the true curve lies within 0.2 of some chord.
    for (let k = 0; k <= 200; k++) {
      const [x, y] = bez(k / 200);
      let best = Infinity;
      for (let i = 0; i + 3 < l.pts.length; i += 2) {
        const [ax, ay, bx, by] = [l.pts[i], l.pts[i + 1], l.pts[i + 2], l.pts[i + 3]];
        const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
        best = Math.min(best, Math.hypot(ax + t * (bx - ax) - x, ay + t * (by - ay) - y));
      }
      assert.ok(best <= 0.2, `t = ${k / 200}: ${best}`);
    }
    assert.ok(l.pts.length / 2 < 40, `${l.pts.length / 2} points`);
  });
});
