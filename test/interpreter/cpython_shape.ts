// Converts our AST to the plain shape make_fixtures.py writes for CPython's, so the two
// can be compared with deepStrictEqual. Shared by the CPython-parity tests.

import { ELLIPSIS, type Node } from '../../src/interpreter/ast';

/** Node kinds CPython gives no position (`arguments`, `comprehension`, `withitem`, `Module`). */
const UNLOCATED = new Set(['arguments', 'comprehension', 'withitem', 'Module']);
const OMITTED = new Set(['kind', 'range', 'nameRange', 'attrRange', 'nameRanges']);

export type Shape = null | boolean | number | string | Shape[] | { [key: string]: Shape };

/** Our node (or list of nodes) in CPython-fixture form; positions inside f-strings are dropped. */
export function shape(value: unknown, inFString = false): Shape {
  if (Array.isArray(value)) return value.map((v) => shape(v, inFString));
  if (value === null || typeof value !== 'object') return value as Shape;
  const node = value as Node;
  const out: { [key: string]: Shape } = { _: node.kind };
  const record = node as unknown as Record<string, unknown>;
  for (const [key, v] of Object.entries(record)) {
    if (OMITTED.has(key)) continue;
    if (node.kind === 'Constant' && key === 'value') out[key] = constant(v);
    else out[key] = shape(v, inFString || node.kind === 'JoinedStr');
  }
  const partOfFString = inFString && (node.kind === 'Constant' || node.kind === 'FormattedValue' || node.kind === 'JoinedStr');
  if (!UNLOCATED.has(node.kind) && !partOfFString) {
    const r = node.range;
    out['@'] = [r.line, r.col, r.endLine, r.endCol];
  }
  return out;
}

function constant(v: unknown): Shape {
  if (v === null || typeof v === 'string') return v as Shape;
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'number') return { float: Number.isFinite(v) ? v : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan' };
  if (v instanceof Uint8Array) return { bytes: Array.from(v) };
  if (v === ELLIPSIS) return { ellipsis: true };
  throw new Error(`unexpected constant ${String(v)}`);
}

/** Drops CPython's positions inside f-strings, which 3.11 does not report precisely. */
export function withoutFStringPositions(value: Shape, inFString = false): Shape {
  if (Array.isArray(value)) return value.map((v) => withoutFStringPositions(v, inFString));
  if (value === null || typeof value !== 'object') return value;
  const kind = value._;
  const out: { [key: string]: Shape } = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '@' && inFString && (kind === 'Constant' || kind === 'FormattedValue' || kind === 'JoinedStr')) continue;
    out[k] = withoutFStringPositions(v, inFString || kind === 'JoinedStr');
  }
  return out;
}
