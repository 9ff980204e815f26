// 2-D affine transforms and the SVG `transform` attribute (matrix, translate, scale, rotate, skewX/Y).

/** [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f, as SVG writes matrix(). */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The transform that applies `n` first, then `m`. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** Maps the flat x,y pairs of `pts` in place. */
export function applyInPlace(m: Matrix, pts: number[]): void {
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i], y = pts[i + 1];
    pts[i] = m[0] * x + m[2] * y + m[4];
    pts[i + 1] = m[1] * x + m[3] * y + m[5];
  }
}

/** How much the transform scales lengths on average: the square root of its area factor. */
export function meanScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

function one(name: string, v: number[]): Matrix | null {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  switch (name) {
    case 'matrix': return v.length === 6 ? [v[0], v[1], v[2], v[3], v[4], v[5]] : null;
    case 'translate': return v.length >= 1 ? [1, 0, 0, 1, v[0], v[1] ?? 0] : null;
    case 'scale': return v.length >= 1 ? [v[0], 0, 0, v[1] ?? v[0], 0, 0] : null;
    case 'rotate': {
      if (v.length < 1) return null;
      const c = Math.cos(rad(v[0])), s = Math.sin(rad(v[0]));
      const r: Matrix = [c, s, -s, c, 0, 0];
      if (v.length < 3) return r;
      // rotate(a, cx, cy) = translate(cx, cy) rotate(a) translate(-cx, -cy)
      return multiply(multiply([1, 0, 0, 1, v[1], v[2]], r), [1, 0, 0, 1, -v[1], -v[2]]);
    }
    case 'skewX': return v.length === 1 ? [1, 0, Math.tan(rad(v[0])), 1, 0, 0] : null;
    case 'skewY': return v.length === 1 ? [1, Math.tan(rad(v[0])), 0, 1, 0, 0] : null;
    default: return null;
  }
}

/**
 * Parses a transform list such as Graphviz's `scale(1 1) rotate(0) translate(4 760)`.
 * Functions compose left to right (the rightmost applies first); an invalid list is the
 * identity, as SVG ignores a transform it cannot read.
 */
export function parseTransform(s: string): Matrix {
  let m: Matrix = IDENTITY;
  const re = /\s*,?\s*([a-zA-Z]+)\s*\(([^)]*)\)/y;
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const f = re.exec(s);
    if (!f) break;
    pos = re.lastIndex;
    const args = f[2].split(/[\s,]+/).filter((a) => a !== '').map(Number);
    const t = args.some((a) => Number.isNaN(a)) ? null : one(f[1], args);
    if (!t) return IDENTITY;
    m = multiply(m, t);
  }
  return s.slice(pos).trim() === '' ? m : IDENTITY;
}
