// NumPy's array printing: repr/str of arrays and scalars, character for character
// (precision 8, maxprec float mode, line width 75, summarisation past 1000 elements).
import { DType, isFloat } from './dtype';
import { shapeStr } from './errors';
import { floatScalarStr, formatPositional, formatScientific } from './floatfmt';
import type { NDArray } from './ndarray';

/** np.set_printoptions's settings that Gradscope honours. */
export interface PrintOptions {
  precision: number; threshold: number; edgeitems: number; linewidth: number; suppress: boolean;
  nanstr: string; infstr: string;
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, nanstr: 'nan', infstr: 'inf',
});

type Formatter = (v: number) => string;

/** FloatingFormat: one layout (positional or scientific, paddings) for all shown values. */
function floatFormatter(values: number[], f32: boolean, o: PrintOptions): Formatter {
  const finite = values.filter((v) => Number.isFinite(v));
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs);
  let exp = false;
  if (nonzero.length) {
    let max = 0, min = Infinity;
    for (const v of nonzero) { if (v > max) max = v; if (v < min) min = v; }
    // NumPy compares in the array's precision (weak Python floats, a float32 quotient) and,
    // since 2.3, switches at 10**min(8, finfo.precision): 1e8 for float64, 1e6 for float32.
    exp = f32
      ? max >= 1e6 || (!o.suppress && (min < Math.fround(0.0001) || Math.fround(max / min) > 1000))
      : max >= 1e8 || (!o.suppress && (min < 0.0001 || max / min > 1000));
  }
  let padLeft = 0, padRight = 0, precision = o.precision, minDigits = 0, expSize = -1;
  let trim: '.' | 'k' = '.';
  if (finite.length && exp) {
    const strs = finite.map((v) => formatScientific(v, { precision, trim: '.', f32 }));
    const parts = strs.map((s) => { const [m, e] = s.split('e'); const [i, f] = m.split('.'); return { i, f, e }; });
    expSize = Math.max(...parts.map((p) => p.e.length)) - 1;
    trim = 'k';
    precision = Math.max(...parts.map((p) => p.f.length));
    minDigits = precision;
    padLeft = Math.max(...parts.map((p) => p.i.length));
    padRight = expSize + 2 + precision;
  } else if (finite.length) {
    const strs = finite.map((v) => formatPositional(v, { precision, trim: '.', f32 }));
    const parts = strs.map((s) => s.split('.'));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
  }
  if (finite.length !== values.length) {
    const neginf = values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, o.nanstr.length - offset, o.infstr.length + (neginf ? 1 : 0) - offset);
  }
  return (v) => {
    if (!Number.isFinite(v)) {
      const s = v !== v ? o.nanstr : (v < 0 ? '-' : '') + o.infstr;
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - s.length)) + s;
    }
    if (exp) return formatScientific(v, { precision, minDigits, trim, padLeft, expDigits: expSize, f32 });
    return formatPositional(v, { precision, minDigits, trim, padLeft, padRight, f32 });
  };
}

/** An integer's decimal digits; past 2**53 those of the exact double (String(-2**63) is rounded). */
function intStr(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

function intFormatter(values: number[]): Formatter {
  let width = 0;
  for (const v of values) width = Math.max(width, intStr(v).length);
  return (v) => intStr(v).padStart(width);
}

function formatterFor(a: NDArray, shown: number[], o: PrintOptions): Formatter {
  if (a.dtype === 'bool') return a.ndim === 0 ? (v) => (v ? 'True' : 'False') : (v) => (v ? ' True' : 'False');
  if (isFloat(a.dtype)) return floatFormatter(shown, a.dtype === 'float32', o);
  return intFormatter(shown);
}

/** Offset of the element at a full index. */
function offsetAt(a: NDArray, index: number[]): number {
  let off = a.offset;
  for (let d = 0; d < index.length; d++) off += index[d] * a.strides[d];
  return off;
}

/** Indices shown along an axis of length n (all, or edge items either side of the summary). */
function shownIndices(n: number, summarise: boolean, edge: number): number[] {
  if (summarise && n > 2 * edge) return [...Array(edge).keys(), ...Array.from({ length: edge }, (_, i) => n - edge + i)];
  return [...Array(n).keys()];
}

/** The values that will be printed (NumPy's _leading_trailing), used to size the columns. */
function shownValues(a: NDArray, summarise: boolean, edge: number): number[] {
  const out: number[] = [];
  const rec = (index: number[]) => {
    if (index.length === a.ndim) { out.push(a.data[offsetAt(a, index)]); return; }
    for (const i of shownIndices(a.shape[index.length], summarise, edge)) rec([...index, i]);
  };
  rec([]);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, prefix: string): [string, string] {
  let wrap = line.length + word.length > width;
  if (line.length <= prefix.length) wrap = false;
  if (wrap) { s += line.trimEnd() + '\n'; line = prefix; }
  return [s, line + word];
}

/** NumPy's _formatArray: nested brackets, wrapping rows at the line width. */
function formatArray(a: NDArray, fmt: Formatter, width: number, prefix: string, sep: string, summarise: boolean, edge: number): string {
  const rec = (index: number[], hanging: string, curWidth: number): string => {
    const axis = index.length;
    const left = a.ndim - axis;
    if (left === 0) return fmt(a.data[offsetAt(a, index)]);
    const nextHanging = hanging + ' ', nextWidth = curWidth - 1;
    const n = a.shape[axis];
    const summary = summarise && 2 * edge < n;
    const lead = summary ? edge : 0, trail = summary ? edge : n;
    let s = '';
    if (left === 1) {
      const elemWidth = curWidth - Math.max(sep.trimEnd().length, 1);
      let line = hanging;
      for (let i = 0; i < lead; i++) {
        [s, line] = extendLine(s, line, rec([...index, i], nextHanging, nextWidth), elemWidth, hanging);
        line += sep;
      }
      if (summary) { [s, line] = extendLine(s, line, '...', elemWidth, hanging); line += sep; }
      for (let i = trail; i > 1; i--) {
        [s, line] = extendLine(s, line, rec([...index, n - i], nextHanging, nextWidth), elemWidth, hanging);
        line += sep;
      }
      [s, line] = extendLine(s, line, rec([...index, n - 1], nextHanging, nextWidth), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = sep.trimEnd() + '\n'.repeat(left - 1);
      for (let i = 0; i < lead; i++) s += hanging + rec([...index, i], nextHanging, nextWidth) + lineSep;
      if (summary) s += hanging + '...' + lineSep;
      for (let i = trail; i > 1; i--) s += hanging + rec([...index, n - i], nextHanging, nextWidth) + lineSep;
      s += hanging + rec([...index, n - 1], nextHanging, nextWidth);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return rec([], prefix, width);
}

/** np.array2string with NumPy's defaults for the given separator, prefix and suffix. */
export function array2string(a: NDArray, sep = ' ', prefix = '', suffix = '', o: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  const summarise = a.size > o.threshold;
  const shown = shownValues(a, summarise, o.edgeitems);
  const fmt = formatterFor(a, shown, o);
  if (a.size === 0) return '[]';
  return formatArray(a, fmt, o.linewidth - suffix.length, ' ' + ' '.repeat(prefix.length), sep, summarise, o.edgeitems);
}

/** repr(ndarray): `array([1., 2.])`, with `shape=`/`dtype=` extras where NumPy shows them. */
export function arrayRepr(a: NDArray, o: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  const prefix = 'array(';
  const lst = a.size > 0 || (a.ndim === 1 && a.shape[0] === 0) ? array2string(a, ', ', prefix, ')', o) : '[]';
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > o.threshold) extras.push(`shape=${shapeStr(a.shape)}`);
  if (!dtypeImplied(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (!extras.length) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extra = extras.join(', ') + ')';
  const lastLine = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLine + extra.length + 1 > o.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extra;
}

function dtypeImplied(d: DType): boolean {
  return d === 'float64' || d === 'int64' || d === 'bool';
}

/** str(ndarray): `[1. 2.]`; a 0-d array prints as its scalar. */
export function arrayStr(a: NDArray, o: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  if (a.ndim === 0) return scalarStr(a.data[a.offset], a.dtype);
  return array2string(a, ' ', '', '', o);
}

/** str() of a NumPy scalar of `dtype`. */
export function scalarStr(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (isFloat(dtype)) return floatScalarStr(v, dtype === 'float32');
  return intStr(v);
}

/** repr() of a NumPy scalar: `np.float64(2.5)`, `np.True_`. */
export function scalarRepr(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'np.True_' : 'np.False_';
  return `np.${dtype}(${scalarStr(v, dtype)})`;
}

/** repr() of a dtype: `dtype('float32')`. */
export function dtypeRepr(dtype: DType): string {
  return `dtype('${dtype}')`;
}
