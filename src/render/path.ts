// Paths: SVG path data read into absolute move/line/cubic/close commands, basic shapes as
// paths, and flattening to polylines.
import { applyInPlace, type Matrix } from './matrix';

export type PathOp = 'M' | 'L' | 'C' | 'Z';

/** Absolute commands; `pts` holds their points in order (M and L one, C three, Z none). */
export interface Path { ops: PathOp[]; pts: number[] }

/** A flattened subpath: x,y pairs, and whether it returns to its start. */
export interface Polyline { pts: number[]; closed: boolean }

/** Commands, numbers, and any other character as its own token, so that a stray one ends parsing. */
const TOKEN = /[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[^\s,]/g;
const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Builds a Path from path-data commands, tracking the current and reflected control points. */
class PathBuilder {
  readonly path: Path = { ops: [], pts: [] };
  private x = 0; private y = 0;
  private startX = 0; private startY = 0;
  /** Last control point of the previous C/S (for S) or Q/T (for T), else the current point. */
  private cx = 0; private cy = 0; private qx = 0; private qy = 0;

  moveTo(x: number, y: number): void {
    this.path.ops.push('M'); this.path.pts.push(x, y);
    this.startX = x; this.startY = y; this.at(x, y);
  }

  lineTo(x: number, y: number): void {
    if (this.path.ops.length === 0) this.moveTo(this.x, this.y);
    this.path.ops.push('L'); this.path.pts.push(x, y); this.at(x, y);
  }

  cubicTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (this.path.ops.length === 0) this.moveTo(this.x, this.y);
    this.path.ops.push('C'); this.path.pts.push(x1, y1, x2, y2, x, y);
    this.at(x, y); this.cx = x2; this.cy = y2;
  }

  /** A quadratic is the cubic with controls two thirds of the way to its control point. */
  quadTo(qx: number, qy: number, x: number, y: number): void {
    const x0 = this.x, y0 = this.y;
    this.cubicTo(x0 + (2 / 3) * (qx - x0), y0 + (2 / 3) * (qy - y0), x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), x, y);
    this.qx = qx; this.qy = qy;
  }

  close(): void {
    if (this.path.ops.length === 0) return;
    this.path.ops.push('Z'); this.at(this.startX, this.startY);
  }

  command(cmd: string, a: number[]): void {
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? this.x : 0, oy = rel ? this.y : 0;
    const { x, y, cx, cy, qx, qy } = this;
    switch (cmd.toUpperCase()) {
      case 'M': this.moveTo(ox + a[0], oy + a[1]); break;
      case 'L': this.lineTo(ox + a[0], oy + a[1]); break;
      case 'H': this.lineTo(ox + a[0], y); break;
      case 'V': this.lineTo(x, oy + a[0]); break;
      case 'C': this.cubicTo(ox + a[0], oy + a[1], ox + a[2], oy + a[3], ox + a[4], oy + a[5]); break;
      case 'S': this.cubicTo(2 * x - cx, 2 * y - cy, ox + a[0], oy + a[1], ox + a[2], oy + a[3]); break;
      case 'Q': this.quadTo(ox + a[0], oy + a[1], ox + a[2], oy + a[3]); break;
      case 'T': this.quadTo(2 * x - qx, 2 * y - qy, ox + a[0], oy + a[1]); break;
      // Graphviz never writes arcs; one is drawn as the chord to its end point.
      case 'A': this.lineTo(ox + a[5], oy + a[6]); break;
      case 'Z': this.close(); break;
    }
  }

  private at(x: number, y: number): void {
    this.x = x; this.y = y; this.cx = x; this.cy = y; this.qx = x; this.qy = y;
  }
}

/**
 * Parses SVG path data. Repeated argument groups repeat the command (a moveto's extra pairs are
 * linetos); reading stops at the first malformed command, keeping what came before, as SVG says.
 */
export function parsePathData(d: string): Path {
  const tokens = d.match(TOKEN) ?? [];
  const b = new PathBuilder();
  let i = 0;
  while (i < tokens.length) {
    let cmd = tokens[i++];
    if (!(cmd.toUpperCase() in ARITY)) break;
    const n = ARITY[cmd.toUpperCase()];
    if (n === 0) { b.command(cmd, []); continue; }
    do {
      const args = tokens.slice(i, i + n).map(Number);
      if (args.length < n || args.some((v) => Number.isNaN(v))) return b.path;
      b.command(cmd, args);
      i += n;
      if (cmd === 'M') cmd = 'L';
      else if (cmd === 'm') cmd = 'l';
    } while (i < tokens.length && !Number.isNaN(Number(tokens[i])));
  }
  return b.path;
}

/** A polygon (closed) or polyline from an SVG `points` list. */
export function pointsPath(points: string, closed: boolean): Path {
  const v = (points.match(TOKEN) ?? []).map(Number).filter((n) => !Number.isNaN(n));
  const path: Path = { ops: [], pts: [] };
  for (let i = 0; i + 1 < v.length; i += 2) {
    path.ops.push(i === 0 ? 'M' : 'L');
    path.pts.push(v[i], v[i + 1]);
  }
  if (closed && path.ops.length > 0) path.ops.push('Z');
  return path;
}

/** Four cubic quarter arcs; the control distance 0.5523 keeps radial error under 0.03%. */
export function ellipsePath(cx: number, cy: number, rx: number, ry: number): Path {
  const k = 0.5522847498;
  const path: Path = { ops: ['M', 'C', 'C', 'C', 'C', 'Z'], pts: [cx + rx, cy] };
  const quarter = [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]];
  for (let q = 0; q < 4; q++) {
    const [ax, ay] = quarter[q], [bx, by] = quarter[q + 1];
    path.pts.push(
      cx + rx * (ax + k * bx), cy + ry * (ay + k * by),
      cx + rx * (bx + k * ax), cy + ry * (by + k * ay),
      cx + rx * bx, cy + ry * by,
    );
  }
  return path;
}

/** An axis-aligned rectangle as a closed path. */
export function rectPath(x: number, y: number, w: number, h: number): Path {
  return { ops: ['M', 'L', 'L', 'L', 'Z'], pts: [x, y, x + w, y, x + w, y + h, x, y + h] };
}

/** The path with every point mapped through `m` (affine maps keep béziers béziers). */
export function transformPath(p: Path, m: Matrix): Path {
  const pts = p.pts.slice();
  applyInPlace(m, pts);
  return { ops: p.ops, pts };
}

/**
 * Appends a cubic's points after its start. Uniform steps with n ≥ √(3·D / (4·tol)), where D is
 * the largest second difference of the control points, keep every chord within `tol` of the curve.
 */
function flattenCubic(out: number[], x0: number, y0: number, c: number[], k: number, tol: number): void {
  const [x1, y1, x2, y2, x3, y3] = [c[k], c[k + 1], c[k + 2], c[k + 3], c[k + 4], c[k + 5]];
  const d = Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
  const n = Math.min(200, Math.max(1, Math.ceil(Math.sqrt((3 * d) / (4 * tol)))));
  for (let i = 1; i < n; i++) {
    const t = i / n, u = 1 - t;
    const a = u * u * u, b = 3 * u * u * t, e = 3 * u * t * t, f = t * t * t;
    out.push(a * x0 + b * x1 + e * x2 + f * x3, a * y0 + b * y1 + e * y2 + f * y3);
  }
  out.push(x3, y3);
}

/**
 * Flattens a path (already in device space) into polylines within `tol` pixels of the curve.
 * Chords cut inside curves, so the default is small enough that filled areas stay within 0.3%.
 */
export function flatten(p: Path, tol = 0.05): Polyline[] {
  const out: Polyline[] = [];
  let cur: Polyline | null = null;
  let k = 0;
  for (const op of p.ops) {
    if (op === 'M') {
      cur = { pts: [p.pts[k], p.pts[k + 1]], closed: false };
      out.push(cur);
      k += 2;
    } else if (op === 'L' && cur) {
      cur.pts.push(p.pts[k], p.pts[k + 1]);
      k += 2;
    } else if (op === 'C' && cur) {
      const n = cur.pts.length;
      flattenCubic(cur.pts, cur.pts[n - 2], cur.pts[n - 1], p.pts, k, tol);
      k += 6;
    } else if (op === 'Z' && cur) {
      cur.closed = true;
      // Drawing continues from the start point in a new subpath.
      cur = { pts: [cur.pts[0], cur.pts[1]], closed: false };
      out.push(cur);
    }
  }
  return out.filter((l) => l.pts.length >= 4);
}
