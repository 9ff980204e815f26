// str.format and str.format_map: CPython's replacement-field grammar ({name.attr[key]!r:spec}),
// automatic and manual numbering, nested specs, and ascii().
import { Kwargs, PyValue } from './objects';
import { pyErr, pyErrArgs } from './pyerrors';
import { T } from './types';
import { getattr } from './attrs';
import { repr, str } from './convert';
import { getitem } from './subscript';
import { formatValue } from './format';
import { defMethods, oneArg } from './method_args';
import { asciiEscape } from './unicode';

/** Where replacement fields find their values. */
interface Source {
  positional(i: number): PyValue;
  named(name: string): PyValue;
}

/** Numbering state shared by a format string and its nested specs. */
interface State { src: Source; auto: number; mode: 'none' | 'auto' | 'manual' }

const MAX_INDEX = 2n ** 63n - 1n;

/** ascii(v): repr with non-ASCII characters escaped. */
export const asciiOf = (v: PyValue): string => asciiEscape(repr(v));

interface Field { name: string; conversion: string | null; spec: string; end: number }

/** Parses the field that starts after the '{' at `start`; `end` is past its closing '}'. */
function parseField(s: string, start: number): Field {
  let i = start, last = '';
  while (i < s.length) {
    last = s[i++];
    if (last === '{') throw pyErr('ValueError', "unexpected '{' in field name");
    if (last === '[') { while (i < s.length && s[i] !== ']') i++; continue; }
    if (last === '}' || last === ':' || last === '!') break;
  }
  const name = s.slice(start, i - 1);
  if (last !== '}' && last !== ':' && last !== '!') throw pyErr('ValueError', "expected '}' before end of string");
  if (i > s.length || (i === s.length && last !== '}')) {
    if (last === '!') throw pyErr('ValueError', 'end of string while looking for conversion specifier');
    throw pyErr('ValueError', "unmatched '{' in format spec");
  }
  if (last === '}') return { name, conversion: null, spec: '', end: i };
  let conversion: string | null = null;
  if (last === '!') {
    conversion = s[i++];
    if (i >= s.length) throw pyErr('ValueError', "unmatched '{' in format spec");
    last = s[i++];
    if (last === '}') return { name, conversion, spec: '', end: i };
    if (last !== ':') throw pyErr('ValueError', "expected ':' after conversion specifier");
  }
  const specStart = i;
  for (let depth = 1; i < s.length;) {
    const c = s[i++];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { name, conversion, spec: s.slice(specStart, i - 1), end: i };
  }
  throw pyErr('ValueError', "unmatched '{' in format spec");
}

function argIndex(st: State, digits: string): number {
  if (st.mode === 'auto') throw pyErr('ValueError', 'cannot switch from automatic field numbering to manual field specification');
  st.mode = 'manual';
  const n = BigInt(digits);
  if (n > MAX_INDEX) throw pyErr('ValueError', 'Too many decimal digits in format string');
  return Number(n);
}

/** The object a field name designates: an argument, then `.attr` and `[key]` steps. */
function fieldValue(st: State, name: string): PyValue {
  const m = /^[^.[]*/.exec(name)![0];
  let v: PyValue;
  if (m === '') {
    if (st.mode === 'manual') throw pyErr('ValueError', 'cannot switch from manual field specification to automatic field numbering');
    st.mode = 'auto';
    v = st.src.positional(st.auto++);
  } else if (/^\d+$/.test(m)) v = st.src.positional(argIndex(st, m));
  else v = st.src.named(m);
  let i = m.length;
  while (i < name.length) {
    if (name[i] === '.') {
      const j = nextStop(name, i + 1);
      if (j === i + 1) throw pyErr('ValueError', 'Empty attribute in format string');
      v = getattr(v, name.slice(i + 1, j));
      i = j;
    } else if (name[i] === '[') {
      const j = name.indexOf(']', i);
      if (j < 0) throw pyErr('ValueError', "Missing ']' in format string");
      if (j === i + 1) throw pyErr('ValueError', 'Empty attribute in format string');
      const key = name.slice(i + 1, j);
      v = getitem(v, /^\d+$/.test(key) ? BigInt(key) : key);
      i = j + 1;
    } else throw pyErr('ValueError', "Only '.' or '[' may follow ']' in format field specifier");
  }
  return v;
}

function nextStop(name: string, from: number): number {
  let j = from;
  while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
  return j;
}

function convert(v: PyValue, c: string | null): PyValue {
  if (c === null) return v;
  if (c === 'r') return repr(v);
  if (c === 's') return str(v);
  if (c === 'a') return asciiOf(v);
  throw pyErr('ValueError', `Unknown conversion specifier ${c}`);
}

function render(s: string, st: State, depth: number): string {
  if (depth <= 0) throw pyErr('ValueError', 'Max string recursion exceeded');
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c !== '{' && c !== '}') {
      let j = i;
      while (j < s.length && s[j] !== '{' && s[j] !== '}') j++;
      out += s.slice(i, j);
      i = j;
      continue;
    }
    if (s[i + 1] === c) { out += c; i += 2; continue; }
    if (c === '}') throw pyErr('ValueError', "Single '}' encountered in format string");
    if (i + 1 >= s.length) throw pyErr('ValueError', "Single '{' encountered in format string");
    const f = parseField(s, i + 1);
    const v = convert(fieldValue(st, f.name), f.conversion);
    const spec = f.spec.includes('{') ? render(f.spec, st, depth - 1) : f.spec;
    out += formatValue(v, spec);
    i = f.end;
  }
  return out;
}

/** fmt.format(*args, **kwargs). */
export function strFormat(fmt: string, args: readonly PyValue[], kw: Kwargs | null): string {
  const src: Source = {
    positional(i) {
      if (i >= args.length) throw pyErr('IndexError', `Replacement index ${i} out of range for positional args tuple`);
      return args[i];
    },
    named(name) {
      const v = kw?.get(name);
      if (v === undefined) throw pyErrArgs('KeyError', [name]);
      return v;
    },
  };
  return render(fmt, { src, auto: 0, mode: 'none' }, 2);
}

/** fmt.format_map(mapping). */
export function strFormatMap(fmt: string, mapping: PyValue): string {
  const src: Source = {
    positional() { throw pyErr('ValueError', 'Format string contains positional fields'); },
    named(name) { return getitem(mapping, name); },
  };
  return render(fmt, { src, auto: 0, mode: 'none' }, 2);
}

export function installStrFormat(): void {
  defMethods(T.str, (v): v is string => typeof v === 'string', {
    format: (s, a, kw) => strFormat(s, a, kw),
    format_map: (s, a, kw) => strFormatMap(s, oneArg('str.format_map', a, kw)),
  });
}
