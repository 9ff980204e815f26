// str methods, protocol and codecs: the dunder methods (so `s.__len__()`, `str.__add__` and
// super() calls work), encode, maketrans and translate.
import { NotImplemented, PyDict, PyError, PyIterator, PyValue } from './objects';
import { excIs, pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { codePoints } from './unicode';
import { contains } from './arith';
import { iterate, repr, strLen, toIndex } from './convert';
import { parseArgs, staticMethods } from './native';
import { dictSet, hashOf } from './hashing';
import { getitem } from './subscript';
import { formatValue, percentFormat } from './format';
import { encode } from './codecs';
import { arg0, arg1, clinicArgs, defMethods, oneArg } from './method_args';

const isStr = (v: PyValue): v is string => typeof v === 'string';

/** str.maketrans(x[, y[, z]]): a dict from code points to code points, strings or None. */
function maketrans(a: PyValue[]): PyDict {
  const d = new PyDict();
  if (a.length === 1) {
    const m = a[0];
    if (!(m instanceof PyDict)) throw pyErr('TypeError', 'if you give only one argument to maketrans it must be a dict');
    for (const [k, v] of m.map.values()) {
      if (typeof k === 'string') {
        if (strLen(k) !== 1) throw pyErr('ValueError', 'string keys in translate table must be of length 1');
        dictSet(d, BigInt(k.codePointAt(0)!), v);
      } else if (typeof k === 'bigint') dictSet(d, k, v);
      else throw pyErr('TypeError', 'keys in translate table must be strings or integers');
    }
    return d;
  }
  const [x, y, z] = a;
  if (typeof x !== 'string' || typeof y !== 'string') throw pyErr('TypeError', 'maketrans() argument must be str');
  const xs = codePoints(x), ys = codePoints(y);
  if (xs.length !== ys.length) throw pyErr('ValueError', 'the first two maketrans arguments must have equal length');
  xs.forEach((c, i) => dictSet(d, BigInt(c.codePointAt(0)!), BigInt(ys[i].codePointAt(0)!)));
  if (typeof z === 'string') for (const c of z) dictSet(d, BigInt(c.codePointAt(0)!), null);
  return d;
}

function translate(s: string, table: PyValue): string {
  let out = '';
  for (const ch of s) {
    let v: PyValue;
    try { v = getitem(table, BigInt(ch.codePointAt(0)!)); } catch (e) {
      if (e instanceof PyError && excIs(e.exc, 'LookupError')) { out += ch; continue; }
      throw e;
    }
    if (v === null) continue;
    if (typeof v === 'string') out += v;
    else if (typeof v === 'bigint') out += String.fromCodePoint(Number(v));
    else throw pyErr('TypeError', 'character mapping must return integer, None or str');
  }
  return out;
}

function strCmp(op: (a: string, b: string) => boolean) {
  return (s: string, a: PyValue[], kw: Map<string, PyValue> | null): PyValue => {
    const o = arg1(a, kw);
    return typeof o === 'string' ? op(s, o) : NotImplemented;
  };
}

export function installStrDunder(): void {
  defMethods(T.str, isStr, {
    __len__: (s, a, kw) => { arg0(a, kw); return BigInt(strLen(s)); },
    __getitem__: (s, a, kw) => getitem(s, arg1(a, kw)),
    __contains__: (s, a, kw) => contains(s, arg1(a, kw)),
    __iter__: (s, a, kw) => { arg0(a, kw); return new PyIterator(iterate(s), /^[\x00-\x7f]*$/.test(s) ? 'str_ascii_iterator' : 'str_iterator'); },
    __add__: (s, a, kw) => {
      const o = arg1(a, kw);
      if (typeof o !== 'string') throw pyErr('TypeError', `can only concatenate str (not "${typeOf(o).name}") to str`);
      return s + o;
    },
    __mul__: (s, a, kw) => s.repeat(Math.max(0, toIndex(arg1(a, kw)))),
    __rmul__: (s, a, kw) => s.repeat(Math.max(0, toIndex(arg1(a, kw)))),
    __mod__: (s, a, kw) => percentFormat(s, arg1(a, kw)),
    __rmod__: (s, a, kw) => { const o = arg1(a, kw); return typeof o === 'string' ? percentFormat(o, s) : NotImplemented; },
    __eq__: strCmp((x, y) => x === y),
    __ne__: strCmp((x, y) => x !== y),
    __lt__: strCmp((x, y) => x < y),
    __le__: strCmp((x, y) => x <= y),
    __gt__: strCmp((x, y) => x > y),
    __ge__: strCmp((x, y) => x >= y),
    __hash__: (s, a, kw) => { arg0(a, kw); return hashOf(s); },
    __str__: (s, a, kw) => { arg0(a, kw); return s; },
    __repr__: (s, a, kw) => { arg0(a, kw); return repr(s); },
    __format__: (s, a, kw) => { const spec = arg1(a, kw); if (typeof spec !== 'string') throw pyErr('TypeError', `__format__() argument must be str, not ${typeOf(spec).name}`); return formatValue(s, spec); },
    encode: (s, a, kw) => {
      const [enc, err] = parseArgs('encode', a, kw, ['encoding', 'errors'], 0);
      return encode(s, enc === undefined ? 'utf-8' : String(enc), err === undefined ? 'strict' : String(err));
    },
    translate: (s, a, kw) => translate(s, oneArg('str.translate', a, kw)),
  });
  staticMethods(T.str, { maketrans: (a, kw) => { clinicArgs('str.maketrans', a, kw, 1, 3); return maketrans(a); } });
}
