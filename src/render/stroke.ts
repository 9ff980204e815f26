// Stroking: a polyline becomes one quad per segment plus a round wedge at each join, all wound
// the same way so Canvas.fill draws their union; dash patterns cut polylines first.
import type { Polyline } from './path';

/** Joins follow the true circle to within this many pixels. */
const ARC_TOLERANCE = 0.1;

/** Twice the signed area (shoelace); its sign is the winding direction. */
function signedArea(p: readonly number[]): number {
  let s = 0;
  for (let i = 0, n = p.length; i < n; i += 2) {
    const j = i + 2 < n ? i + 2 : 0;
    s += p[i] * p[j + 1] - p[j] * p[i + 1];
  }
  return s;
}

/** `p` itself when it winds positively, else a reversed copy. */
function orient(p: number[]): number[] {
  if (signedArea(p) >= 0) return p;
  const q: number[] = [];
  for (let i = p.length - 2; i >= 0; i -= 2) q.push(p[i], p[i + 1]);
  return q;
}

/** Drops points that repeat their predecessor (they have no direction). */
function dedupe(pts: readonly number[], closed: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < pts.length; i += 2) {
    const n = out.length;
    if (n === 0 || Math.abs(pts[i] - out[n - 2]) > 1e-9 || Math.abs(pts[i + 1] - out[n - 1]) > 1e-9) out.push(pts[i], pts[i + 1]);
  }
  if (closed && out.length >= 4 && out[0] === out[out.length - 2] && out[1] === out[out.length - 1]) out.length -= 2;
  return out;
}

/** The wedge that rounds the outer side of a turn at (vx, vy) from direction 1 to direction 2. */
function roundJoin(vx: number, vy: number, d1x: number, d1y: number, d2x: number, d2y: number, hw: number): number[] | null {
  const cross = d1x * d2y - d1y * d2x, dot = d1x * d2x + d1y * d2y;
  if (Math.abs(cross) < 1e-6 && dot > 0) return null;
  // The gap opens opposite the turn: on the −normal side when turning towards the normal (−dy, dx).
  const side = cross > 0 ? -1 : 1, turn = cross >= 0 ? 1 : -1;
  const angle = Math.atan2(Math.abs(cross), dot);
  const step = hw > ARC_TOLERANCE ? 2 * Math.acos(1 - ARC_TOLERANCE / hw) : Math.PI;
  const m = Math.max(1, Math.ceil(angle / step));
  const sx = side * -d1y * hw, sy = side * d1x * hw;
  const wedge = [vx, vy];
  for (let k = 0; k <= m; k++) {
    const a = (turn * angle * k) / m, c = Math.cos(a), s = Math.sin(a);
    wedge.push(vx + sx * c - sy * s, vy + sx * s + sy * c);
  }
  return orient(wedge);
}

/** Unit direction from point i to point j of a flat list. */
function direction(p: readonly number[], i: number, j: number): [number, number] {
  const dx = p[j] - p[i], dy = p[j + 1] - p[i + 1];
  const len = Math.hypot(dx, dy);
  return [dx / len, dy / len];
}

/** How open ends are drawn: cut square at the end point, or a half disc beyond it. */
export type LineCap = 'butt' | 'round';

/** Half discs beyond both ends of an open polyline: a join that turns all the way back. */
function roundCaps(p: readonly number[], hw: number, out: number[][]): void {
  const n = p.length;
  const [sx, sy] = direction(p, 0, 2), [ex, ey] = direction(p, n - 4, n - 2);
  const start = roundJoin(p[0], p[1], sx, sy, -sx, -sy, hw);
  const end = roundJoin(p[n - 2], p[n - 1], -ex, -ey, ex, ey, hw);
  if (start) out.push(start);
  if (end) out.push(end);
}

/** Outline pieces of one polyline stroked with half-width hw. */
function strokeOne(line: Polyline, hw: number, cap: LineCap, out: number[][]): void {
  const p = dedupe(line.pts, line.closed);
  const n = p.length / 2;
  if (n < 2) return;
  const segs = line.closed ? n : n - 1;
  for (let s = 0; s < segs; s++) {
    const i = 2 * s, j = 2 * ((s + 1) % n);
    const [dx, dy] = direction(p, i, j);
    const nx = -dy * hw, ny = dx * hw;
    out.push(orient([p[i] + nx, p[i + 1] + ny, p[j] + nx, p[j + 1] + ny, p[j] - nx, p[j + 1] - ny, p[i] - nx, p[i + 1] - ny]));
  }
  const first = line.closed ? 0 : 1, last = line.closed ? n - 1 : n - 2;
  for (let v = first; v <= last; v++) {
    const prev = (v - 1 + n) % n, next = (v + 1) % n;
    const [ax, ay] = direction(p, 2 * prev, 2 * v), [bx, by] = direction(p, 2 * v, 2 * next);
    const wedge = roundJoin(p[2 * v], p[2 * v + 1], ax, ay, bx, by, hw);
    if (wedge) out.push(wedge);
  }
  if (cap === 'round' && !line.closed) roundCaps(p, hw, out);
}

/**
 * Cuts a polyline into its "on" dashes. `pattern` alternates on and off lengths from the start of
 * each subpath; SVG repeats an odd-length list twice.
 */
export function dashPolyline(line: Polyline, pattern: readonly number[]): Polyline[] {
  const pat = pattern.length % 2 === 1 ? [...pattern, ...pattern] : pattern;
  const total = pat.reduce((a, b) => a + b, 0);
  if (pat.length === 0 || total <= 0 || pat.some((v) => v < 0)) return [line];
  const pts = line.closed ? [...line.pts, line.pts[0], line.pts[1]] : line.pts;
  const out: Polyline[] = [];
  let k = 0, left = pat[0], cur: number[] | null = [pts[0], pts[1]];
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const x0 = pts[i], y0 = pts[i + 1], len = Math.hypot(pts[i + 2] - x0, pts[i + 3] - y0);
    let done = 0;
    while (len - done > left) {
      done += left;
      const t = done / len, x = x0 + (pts[i + 2] - x0) * t, y = y0 + (pts[i + 3] - y0) * t;
      if (cur) { cur.push(x, y); out.push({ pts: cur, closed: false }); cur = null; } else cur = [x, y];
      k = (k + 1) % pat.length;
      left = pat[k];
    }
    left -= len - done;
    cur?.push(pts[i + 2], pts[i + 3]);
  }
  if (cur && cur.length >= 4) out.push({ pts: cur, closed: false });
  return out;
}

/** Polygons whose union is the stroke of `lines` at `width` pixels, dashed when `dash` is given. */
export function strokePolygons(lines: readonly Polyline[], width: number, dash: readonly number[] | null, cap: LineCap = 'butt'): number[][] {
  const out: number[][] = [];
  const hw = width / 2;
  for (const line of lines) {
    const parts = dash ? dashPolyline(line, dash) : [line];
    for (const part of parts) strokeOne(part, hw, cap, out);
  }
  return out;
}
