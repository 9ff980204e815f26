// String formatting: format specs (format(), f-strings, str.format) and %-formatting,
// with CPython's exact float rounding (half to even on the exact binary value).
import { exactDigits, pyFloatRepr } from '../engine/floatfmt';
import { NDArray } from '../engine/ndarray';
import { PyDict, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { typeOf } from './types';
import { callMethod } from './attrs';
import { repr, str, toFloat } from './convert';
import { dictGet } from './hashing';
import { NpScalar } from './npscalar';
import { asciiEscape } from './unicode';

/** Digits of |x| rounded half-even to `frac` fraction digits: [integer part, fraction part]. */
export function fixed(x: number, frac: number): [string, string] {
  // toFixed rounds the exact binary value too, but ties away from zero: it serves wherever no
  // tie can occur. m/2^k (m odd) has exactly k fraction digits, the last a 5, so rounding to
  // `frac` digits ties only when k = frac + 1.
  if (x >= 0 && x < 1e21 && frac <= 100 && !(Number.isInteger(x * 2 ** (frac + 1)) && !Number.isInteger(x * 2 ** frac))) {
    const s = x.toFixed(frac), dot = s.indexOf('.');
    return dot < 0 ? [s, ''] : [s.slice(0, dot), s.slice(dot + 1)];
  }
  const e = exactDigits(x);
  const keep = e.point + frac;
  let digits = e.digits, point = e.point;
  if (keep < digits.length) {
    if (keep < 0) { digits = '0'; point = 1; }
    else {
      const head = digits.slice(0, keep), rest = digits.slice(keep);
      const up = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || (keep > 0 && Number(head[keep - 1]) % 2 === 1)));
      if (up) {
        const n = (head ? BigInt(head) : 0n) + 1n;
        const s = n.toString();
        if (s.length > keep) point += 1;
        digits = s;
      } else digits = head || '0';
      if (keep === 0 && !up) { digits = '0'; point = 1; }
    }
  }
  // Lay the digits out around the point.
  const all = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const p = point <= 0 ? 1 : point;
  const int = all.slice(0, p).replace(/^0+(?=\d)/, '') || '0';
  const fr = all.slice(p).padEnd(frac, '0').slice(0, frac);
  return [int, fr];
}

/** |x| in scientific notation with `prec` digits after the point: [mantissa, exponent]. */
export function sci(x: number, prec: number): [string, number] {
  if (x === 0) return [prec > 0 ? '0.' + '0'.repeat(prec) : '0', 0];
  const e = exactDigits(x);
  let exp = e.point - 1;
  const scaled = fixedFromDigits(e.digits, prec + 1);
  if (scaled.length > prec + 1) exp += 1;
  const d = scaled.slice(0, prec + 1);
  return [prec > 0 ? `${d[0]}.${d.slice(1)}` : d[0], exp];
}

/** The first n significant digits of a digit string, rounded half-even. */
function fixedFromDigits(digits: string, n: number): string {
  if (digits.length <= n) return digits.padEnd(n, '0');
  const head = digits.slice(0, n), rest = digits.slice(n);
  const up = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(head[n - 1]) % 2 === 1));
  return up ? (BigInt(head) + 1n).toString() : head;
}

const expStr = (e: number) => (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');

/** A finite non-negative float per a presentation type ('e', 'f', 'g', '%', or '' = repr-like). */
function floatBody(x: number, type: string, prec: number | null, alt: boolean): string {
  const t = type.toLowerCase();
  if (t === 'f') { const [i, f] = fixed(x, prec ?? 6); return f || alt ? `${i}.${f}` : i; }
  if (t === '%') { const [i, f] = fixed(x * 100, prec ?? 6); return (f || alt ? `${i}.${f}` : i) + '%'; }
  if (t === 'e') { const [m, e] = sci(x, prec ?? 6); return `${m}${alt && !m.includes('.') ? '.' : ''}e${expStr(e)}`; }
  if (t === 'g' || (t === '' && prec !== null) || t === 'n') {
    const p = prec === null ? 6 : prec === 0 ? 1 : prec;
    const [, e] = sci(x, p - 1);
    let s: string;
    if (e >= -4 && e < p) { const [i, f] = fixed(x, p - 1 - e); s = f ? `${i}.${f}` : i; }
    else { const [m] = sci(x, p - 1); s = `${m}e${expStr(e)}`; }
    if (!alt) s = s.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
    if (t === '' && !/[.e]/.test(s)) s += '.0';
    return s;
  }
  return pyFloatRepr(x);
}

interface Spec { fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number; group: string; prec: number | null; type: string; alignGiven?: boolean; z?: boolean }

function parseSpec(spec: string, typeName: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec);
  if (!m) throw pyErr('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  const type = m[10] ?? '';
  if (m[8] && type && !(m[8] === ',' ? 'deEfFgG%' : 'dboxXeEfFgG%').includes(type)) throw pyErr('ValueError', `Cannot specify '${m[8]}' with '${type}'.`);
  return { fill: m[1] ?? (m[6] ? '0' : ' '), align: m[2] ?? (m[6] ? '=' : ''), sign: m[3] ?? '-', alt: !!m[5], zero: !!m[6], width: m[7] ? Number(m[7]) : 0, group: m[8] ?? '', prec: m[9] !== undefined ? Number(m[9]) : null, type: m[10] ?? '', alignGiven: !!m[2], z: !!m[4] };
}

function group(int: string, sep: string, every = 3): string {
  if (!sep) return int;
  return int.replace(new RegExp(`\\B(?=([0-9a-fA-F]{${every}})+(?![0-9a-fA-F]))`, 'g'), sep);
}

/** Groups an integer's digits; zero padding ('0' fill, '=' align) is grouped too, as in CPython. */
function groupDigits(int: string, s: Spec, every: number, others: number): string {
  let d = int, g = group(d, s.group, every);
  if (s.fill === '0' && s.align === '=') while (g.length + others < s.width) { d = '0' + d; g = group(d, s.group, every); }
  return g;
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const n = s.width - body.length - sign.length;
  if (n <= 0) return sign + body;
  const fill = s.fill.repeat(n);
  switch (align) {
    case '<': return sign + body + fill;
    case '^': { const l = Math.floor(n / 2); return s.fill.repeat(l) + sign + body + s.fill.repeat(n - l); }
    case '=': return sign + fill + body;
    default: return fill + sign + body;
  }
}

function signOf(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

function formatFloat(x: number, s: Spec): string {
  if (s.type && !'eEfFgGn%'.includes(s.type)) throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'float'`);
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (!Number.isFinite(ax)) body = (ax !== ax ? 'nan' : 'inf') + (s.type === '%' ? '%' : '');
  else body = floatBody(ax, s.type, s.prec, s.alt);
  if (s.type === 'E' || s.type === 'G' || s.type === 'F') body = body.toUpperCase();
  // 'z' turns a negative zero (after rounding) into a positive one.
  const sign = signOf(neg && !(s.z && !/[1-9]/.test(body.replace(/e.*/i, ''))), s);
  if (s.group && Number.isFinite(ax)) { const [i, rest] = splitInt(body); body = groupDigits(i, s, 3, sign.length + rest.length) + rest; }
  return pad(body, sign, s, '>');
}

function splitInt(b: string): [string, string] {
  const m = /^\d+/.exec(b);
  return m ? [m[0], b.slice(m[0].length)] : ['', b];
}

function formatInt(n: bigint, s: Spec): string {
  if ('eEfFgG%'.includes(s.type) && s.type) return formatFloat(Number(n), s);
  if (s.prec !== null) throw pyErr('ValueError', 'Precision not allowed in integer format specifier');
  if (s.z) throw pyErr('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (s.type === 'c' && s.sign !== '-') throw pyErr('ValueError', "Sign not allowed with integer format specifier 'c'");
  const neg = n < 0n, a = neg ? -n : n;
  let body: string;
  switch (s.type) {
    case 'b': body = a.toString(2); break;
    case 'o': body = a.toString(8); break;
    case 'x': body = a.toString(16); break;
    case 'X': body = a.toString(16).toUpperCase(); break;
    case 'c': return pad(String.fromCodePoint(Number(n)), '', s, '>');
    case '': case 'd': case 'n': body = a.toString(); break;
    default: throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'int'`);
  }
  // The 0x/0o/0b prefix goes with the sign: zero padding comes after both.
  const lead = signOf(neg, s) + (s.alt && s.type && 'boxX'.includes(s.type) ? '0' + s.type : '');
  if (s.group) body = groupDigits(body, s, s.type && 'boxX'.includes(s.type) ? 4 : 3, lead.length);
  return pad(body, lead, s, '>');
}

function formatBool(v: boolean, s: Spec): string {
  if (s.type === 's') throw pyErr('ValueError', "Unknown format code 's' for object of type 'bool'");
  return formatInt(v ? 1n : 0n, s);
}

function formatStr(v: string, s: Spec): string {
  if (s.type && s.type !== 's') throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== '-') throw pyErr('ValueError', 'Sign not allowed in string format specifier');
  if (s.z) throw pyErr('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (s.alt) throw pyErr('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (s.align === '=' && s.alignGiven) throw pyErr('ValueError', "'=' alignment not allowed in string format specifier");
  // A leading 0 pads a string with zeros on the right (left-aligned), as CPython does.
  const spec = s.align === '=' ? { ...s, align: '<' } : s;
  return pad(s.prec !== null ? [...v].slice(0, s.prec).join('') : v, '', spec, '<');
}

/** format(value, spec) — the __format__ protocol for built-in types and NumPy scalars. */
export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === 'number') return formatFloat(v, parseSpec(spec, 'float'));
  if (typeof v === 'bigint') return formatInt(v, parseSpec(spec, 'int'));
  if (typeof v === 'boolean') return spec ? formatBool(v, parseSpec(spec, 'bool')) : str(v);
  if (typeof v === 'string') return formatStr(v, parseSpec(spec, 'str'));
  if (v instanceof NpScalar || (v instanceof NDArray && v.ndim === 0)) {
    // NumPy formats a scalar (or 0-d array) as the Python bool, int or float it holds.
    const a = v as NDArray, x = a.item();
    return formatValue(a.dtype === 'bool' ? x !== 0 : a.dtype === 'float64' || a.dtype === 'float32' ? x : BigInt(x), spec);
  }
  const f = typeOf(v).lookup('__format__');
  if (f !== undefined) return str(callMethod(v, '__format__', [spec]));
  if (spec) throw pyErr('TypeError', `unsupported format string passed to ${typeOf(v).name}.__format__`);
  return str(v);
}

/** `fmt % args`. */
export function percentFormat(fmt: string, args: PyValue): string {
  const list = args instanceof PyTuple ? args.items : [args];
  const mapping = args instanceof PyDict ? args : null;
  let i = 0;
  const next = (): PyValue => {
    if (i >= list.length) throw pyErr('TypeError', 'not enough arguments for format string');
    return list[i++];
  };
  const out = fmt.replace(/%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g, (_m, key, flags: string, w, p, type: string) => {
    if (type === '%') return '%';
    const width = w === '*' ? Number(next()) : w ? Number(w) : 0;
    const prec = p === '*' ? Number(next()) : p !== undefined ? Number(p) : null;
    const v = key !== undefined ? (mapping ? dictGet(mapping, key) ?? missingKey(key) : next()) : next();
    const spec: Spec = { fill: flags.includes('0') && !flags.includes('-') ? '0' : ' ', align: flags.includes('-') ? '<' : flags.includes('0') ? '=' : '>', sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-', alt: flags.includes('#'), zero: false, width, group: '', prec, type: '' };
    switch (type) {
      case 's': return pad(prec !== null ? str(v).slice(0, prec) : str(v), '', { ...spec, fill: ' ' }, spec.align === '<' ? '<' : '>');
      case 'r': case 'a': return pad(type === 'a' ? asciiEscape(repr(v)) : repr(v), '', { ...spec, fill: ' ' }, spec.align === '<' ? '<' : '>');
      case 'c': return typeof v === 'string' ? v : String.fromCodePoint(Number(v));
      case 'd': case 'i': case 'u': return formatInt(percentInt(v, type), { ...spec, prec: null, type: 'd' });
      case 'o': case 'x': case 'X': return formatInt(percentInt(v, type), { ...spec, prec: null, type });
      default: return formatFloat(toFloat(v), { ...spec, type, prec: prec ?? 6 });
    }
  });
  if (!mapping && i < list.length) throw pyErr('TypeError', 'not all arguments converted during string formatting');
  return out;
}

/** The integer a %d / %x conversion formats, with CPython's errors for other types. */
function percentInt(v: PyValue, type: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  const real = 'diu'.includes(type);
  const bad = () => pyErr('TypeError', `%${type} format: ${real ? 'a real number' : 'an integer'} is required, not ${typeOf(v).name}`);
  if (v === null || typeof v === 'string' || (typeof v === 'number' && !real)) throw bad();
  let x: number;
  try { x = toFloat(v); } catch { throw bad(); }
  if (!Number.isFinite(x)) throw pyErr(x !== x ? 'ValueError' : 'OverflowError', `cannot convert float ${x !== x ? 'NaN' : 'infinity'} to integer`);
  return BigInt(Math.trunc(x));
}

function missingKey(k: string): never { throw pyErr('KeyError', k); }
