// str methods, searching and splitting: find rfind index rindex count startswith endswith
// split rsplit join strip lstrip rstrip replace partition rpartition removeprefix removesuffix.
import { PyError, PyList, PyTuple, PyValue } from './objects';
import { excIs, pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { iterate } from './convert';
import { parseArgs } from './native';
import { adjustIndices, clinicArgs, defMethods, intArg, oneArg, sliceArg, tupleArgs } from './method_args';
import { codePoints, cpOffset, hasSurrogates, isSpaceChar, unitOffset } from './unicode';
import { strLen } from './convert';

const isStr = (v: PyValue): v is string => typeof v === 'string';

/** A str argument, else "must be str, not int" (with the given prefix). */
export function strArg(v: PyValue | undefined, prefix = ''): string {
  if (typeof v !== 'string') throw pyErr('TypeError', `${prefix}must be str, not ${typeOf(v ?? null).name}`);
  return v;
}

/** The UTF-16 range of s[start:end] after CPython's index adjustment, and its code-point bounds. */
function window(s: string, a: PyValue[]): { us: number; ue: number; st: number; en: number } {
  const [st, en] = adjustIndices(sliceArg(a[1]), sliceArg(a[2]), strLen(s));
  return { st, en, us: unitOffset(s, Math.min(st, strLen(s))), ue: unitOffset(s, Math.max(en, 0)) };
}

/** s.find(sub, start, end) as a code-point index, or -1. */
function findIn(s: string, a: PyValue[], rev: boolean): number {
  const sub = strArg(a[0]);
  const { st, en, us, ue } = window(s, a);
  if (en - st < strLen(sub)) return -1;
  if (!sub) return rev ? en : st;
  const i = rev ? s.slice(us, ue).lastIndexOf(sub) : s.slice(us, ue).indexOf(sub);
  return i < 0 ? -1 : cpOffset(s, us + i);
}

function countIn(s: string, a: PyValue[]): number {
  const sub = strArg(a[0]);
  const { st, en, us, ue } = window(s, a);
  if (en - st < strLen(sub)) return 0;
  if (!sub) return en - st + 1;
  const hay = s.slice(us, ue);
  let n = 0;
  for (let i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length)) n++;
  return n;
}

function tailMatch(s: string, name: string, a: PyValue[], atEnd: boolean): boolean {
  const p = a[0];
  const options = p instanceof PyTuple ? p.items : [p];
  for (const o of options) {
    if (typeof o !== 'string') {
      throw pyErr('TypeError', p instanceof PyTuple
        ? `tuple for ${name} must only contain str, not ${typeOf(o).name}`
        : `${name} first arg must be str or a tuple of str, not ${typeOf(o).name}`);
    }
  }
  const { st, en, us, ue } = window(s, a);
  return options.some((o) => {
    const x = o as string;
    if (en - strLen(x) < st) return false;
    const hay = s.slice(us, ue);
    return atEnd ? hay.endsWith(x) : hay.startsWith(x);
  });
}

/** Whitespace split from the left, as str.split() with no separator. */
function splitWhite(s: string, max: number): string[] {
  const c = codePoints(s), out: string[] = [];
  let i = 0;
  const n = c.length;
  while (i < n && isSpaceChar(c[i])) i++;
  while (i < n) {
    if (max-- === 0) { out.push(c.slice(i).join('')); break; }
    let j = i;
    while (j < n && !isSpaceChar(c[j])) j++;
    out.push(c.slice(i, j).join(''));
    i = j;
    while (i < n && isSpaceChar(c[i])) i++;
  }
  return out;
}

function rsplitWhite(s: string, max: number): string[] {
  const c = codePoints(s), out: string[] = [];
  let i = c.length - 1;
  while (i >= 0 && isSpaceChar(c[i])) i--;
  while (i >= 0) {
    if (max-- === 0) { out.push(c.slice(0, i + 1).join('')); break; }
    let j = i;
    while (j >= 0 && !isSpaceChar(c[j])) j--;
    out.push(c.slice(j + 1, i + 1).join(''));
    i = j;
    while (i >= 0 && isSpaceChar(c[i])) i--;
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, max: number, rev: boolean): string[] {
  const out: string[] = [];
  if (!rev) {
    let i = 0;
    for (let j = s.indexOf(sep); j >= 0 && max-- !== 0; j = s.indexOf(sep, i)) { out.push(s.slice(i, j)); i = j + sep.length; }
    out.push(s.slice(i));
    return out;
  }
  let end = s.length;
  while (max-- !== 0 && end >= sep.length) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function split(s: string, name: string, a: PyValue[], kw: Map<string, PyValue> | null, rev: boolean): PyList {
  if (a.length > 2) throw pyErr('TypeError', `${name}() takes at most 2 arguments (${a.length} given)`);
  const [sepV, maxV] = parseArgs(name, a, kw, ['sep', 'maxsplit'], 0);
  const max = maxV === undefined ? -1 : intArg(maxV);
  if (sepV === undefined || sepV === null) return new PyList(rev ? rsplitWhite(s, max) : splitWhite(s, max));
  if (typeof sepV !== 'string') throw pyErr('TypeError', `must be str or None, not ${typeOf(sepV).name}`);
  if (!sepV) throw pyErr('ValueError', 'empty separator');
  return new PyList(splitSep(s, sepV, max, rev));
}

function join(sep: string, it: PyValue): string {
  const parts: string[] = [];
  let i: Iterator<PyValue>;
  try { i = iterate(it); } catch (e) {
    if (e instanceof PyError && excIs(e.exc, 'TypeError')) throw pyErr('TypeError', 'can only join an iterable');
    throw e;
  }
  for (let r = i.next(); !r.done; r = i.next()) {
    if (typeof r.value !== 'string') throw pyErr('TypeError', `sequence item ${parts.length}: expected str instance, ${typeOf(r.value).name} found`);
    parts.push(r.value);
  }
  return parts.join(sep);
}

function strip(s: string, name: string, a: PyValue[], kw: Map<string, PyValue> | null, left: boolean, right: boolean): string {
  clinicArgs(`str.${name}`, a, kw, 0, 1);
  const chars = a[0] ?? null;
  if (chars !== null && typeof chars !== 'string') throw pyErr('TypeError', `${name} arg must be None or str`);
  const drop = chars === null ? isSpaceChar : (c: string) => chars.includes(c);
  const c = hasSurrogates(s) ? codePoints(s) : s.split('');
  let i = 0, j = c.length;
  if (left) while (i < j && drop(c[i])) i++;
  if (right) while (j > i && drop(c[j - 1])) j--;
  return c.slice(i, j).join('');
}

function replace(s: string, a: PyValue[], kw: Map<string, PyValue> | null): string {
  clinicArgs('str.replace', a, kw, 2, 3);
  const old = strArg(a[0], 'replace() argument 1 '), rep = strArg(a[1], 'replace() argument 2 ');
  let count = a.length > 2 ? intArg(a[2]) : -1;
  if (count < 0) count = Infinity;
  if (!old) {
    const c = codePoints(s);
    let out = '';
    for (let i = 0; i <= c.length; i++) {
      if (count-- > 0) out += rep;
      if (i < c.length) out += c[i];
    }
    return out;
  }
  let out = '', i = 0;
  for (let j = s.indexOf(old); j >= 0 && count-- > 0; j = s.indexOf(old, i)) { out += s.slice(i, j) + rep; i = j + old.length; }
  return out + s.slice(i);
}

function partition(s: string, sepV: PyValue, rev: boolean): PyTuple {
  const sep = strArg(sepV);
  if (!sep) throw pyErr('ValueError', 'empty separator');
  const i = rev ? s.lastIndexOf(sep) : s.indexOf(sep);
  if (i < 0) return new PyTuple(rev ? ['', '', s] : [s, '', '']);
  return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
}

function indexOrRaise(i: number): bigint {
  if (i < 0) throw pyErr('ValueError', 'substring not found');
  return BigInt(i);
}

export function installStrSearch(): void {
  defMethods(T.str, isStr, {
    find: (s, a, kw) => { tupleArgs('str.find', a, kw, 1, 3); return BigInt(findIn(s, a, false)); },
    rfind: (s, a, kw) => { tupleArgs('str.rfind', a, kw, 1, 3); return BigInt(findIn(s, a, true)); },
    index: (s, a, kw) => { tupleArgs('str.index', a, kw, 1, 3); return indexOrRaise(findIn(s, a, false)); },
    rindex: (s, a, kw) => { tupleArgs('str.rindex', a, kw, 1, 3); return indexOrRaise(findIn(s, a, true)); },
    count: (s, a, kw) => { tupleArgs('str.count', a, kw, 1, 3); return BigInt(countIn(s, a)); },
    startswith: (s, a, kw) => { tupleArgs('str.startswith', a, kw, 1, 3); return tailMatch(s, 'startswith', a, false); },
    endswith: (s, a, kw) => { tupleArgs('str.endswith', a, kw, 1, 3); return tailMatch(s, 'endswith', a, true); },
    split: (s, a, kw) => split(s, 'split', a, kw, false),
    rsplit: (s, a, kw) => split(s, 'rsplit', a, kw, true),
    join: (s, a, kw) => join(s, oneArg('str.join', a, kw)),
    strip: (s, a, kw) => strip(s, 'strip', a, kw, true, true),
    lstrip: (s, a, kw) => strip(s, 'lstrip', a, kw, true, false),
    rstrip: (s, a, kw) => strip(s, 'rstrip', a, kw, false, true),
    replace: (s, a, kw) => replace(s, a, kw),
    partition: (s, a, kw) => partition(s, oneArg('str.partition', a, kw), false),
    rpartition: (s, a, kw) => partition(s, oneArg('str.rpartition', a, kw), true),
    removeprefix: (s, a, kw) => { const p = strArg(oneArg('str.removeprefix', a, kw), 'removeprefix() argument '); return p && s.startsWith(p) ? s.slice(p.length) : s; },
    removesuffix: (s, a, kw) => { const p = strArg(oneArg('str.removesuffix', a, kw), 'removesuffix() argument '); return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s; },
  });
}
