// The built-in namespace: functions, types, constants and exception classes.
import { Cell, Ellipsis, Kwargs, NotImplemented, PyClass, PyDict, PyList, PySuper, PyTuple, PyValue, PyError, PyIterator } from './objects';
import { PyFunction } from './function';
import { EXC, PyException, excIs, pyErr } from './pyerrors';
import { T, isInstance, typeOf } from './types';
import { callValue, getattr, getattrOpt, setattr, delattr } from './attrs';
import { iterate, len, repr, str, toArray, toIndex, truthy } from './convert';
import { binop, compare } from './arith';
import { hashOf, makeDict, objectId } from './hashing';
import { fixed, formatValue } from './format';
import { builtin, parseArgs } from './native';
import { installTypes } from './types_builtin';
import { sortValues } from './sorting';
import type { Interpreter } from './interpreter';

function isinstanceAny(v: PyValue, c: PyValue): boolean {
  if (c instanceof PyClass) return isInstance(v, c);
  if (c instanceof PyTuple) return c.items.some((x) => isinstanceAny(v, x));
  throw pyErr('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

function issubclassAny(a: PyValue, c: PyValue): boolean {
  if (!(a instanceof PyClass)) throw pyErr('TypeError', 'issubclass() arg 1 must be a class');
  if (c instanceof PyClass) return a.isSubclassOf(c);
  if (c instanceof PyTuple) return c.items.some((x) => issubclassAny(a, x));
  throw pyErr('TypeError', 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

/** min() / max() with key and default. */
function extreme(name: string, args: PyValue[], kw: Kwargs | null, op: 'Lt' | 'Gt'): PyValue {
  const key = kw?.get('key') ?? null, dflt = kw?.get('default');
  const items = args.length === 1 ? toArray(args[0]) : args;
  if (!items.length) {
    if (dflt !== undefined) return dflt;
    throw pyErr('ValueError', `${name}() ${args.length === 1 ? 'iterable argument is empty' : 'expected at least 1 argument, got 0'}`);
  }
  let best = items[0], bestKey = key === null ? best : callValue(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : callValue(key, [items[i]]);
    if (truthy(compare(op, k, bestKey))) { best = items[i]; bestKey = k; }
  }
  return best;
}

function zipIter(its: Iterator<PyValue>[], strict: boolean): Iterator<PyValue> {
  return (function* () {
    if (!its.length) return;
    for (;;) {
      const vals: PyValue[] = [];
      for (let i = 0; i < its.length; i++) {
        const r = its[i].next();
        if (r.done) {
          if (strict && i > 0) throw pyErr('ValueError', `zip() argument ${i + 1} is shorter than argument 1`);
          if (strict && i === 0 && its.slice(1).some((it) => !it.next().done)) throw pyErr('ValueError', 'zip() argument 2 is longer than argument 1');
          return;
        }
        vals.push(r.value);
      }
      yield new PyTuple(vals);
    }
  })();
}

/** super() with no arguments: the enclosing method's class and first argument. */
function zeroArgSuper(ip: Interpreter): PySuper {
  const f = ip.ev.current;
  const fn = f?.func;
  if (!f || !fn || !fn.ownerClass || !f.info.slots.length) throw pyErr('RuntimeError', 'super(): no arguments');
  const first = f.slots[0];
  return new PySuper(fn.ownerClass, (first instanceof Cell ? first.value : first) as PyValue);
}

export function installBuiltins(ip: Interpreter): void {
  const b = ip.builtins;
  const def = (name: string, impl: (args: PyValue[], kw: Kwargs | null) => PyValue) => b.set(name, builtin(name, impl));
  installTypes(b);
  for (const [name, cls] of EXC) if (name !== 'AxisError') b.set(name, cls);
  b.set('NotImplemented', NotImplemented);
  b.set('Ellipsis', Ellipsis);
  b.set('__name__', 'builtins');

  def('print', (args, kw) => {
    const [sep, end, file] = ['sep', 'end', 'file'].map((k) => kw?.get(k) ?? null);
    for (const k of kw?.keys() ?? []) if (!['sep', 'end', 'file', 'flush'].includes(k)) throw pyErr('TypeError', `'${k}' is an invalid keyword argument for print()`);
    const text = args.map(str).join(sep === null ? ' ' : String(sep)) + (end === null ? '\n' : String(end));
    if (file === null) ip.write(text); else callValue(getattr(file, 'write'), [text]);
    return null;
  });
  def('len', (a) => BigInt(len(one('len', a))));
  def('repr', (a) => repr(one('repr', a)));
  def('isinstance', (a) => isinstanceAny(a[0], a[1]));
  def('issubclass', (a) => issubclassAny(a[0], a[1]));
  def('id', (a) => BigInt(objectId(a[0])));
  def('hash', (a) => hashOf(a[0]));
  def('callable', (a) => { const v = a[0]; return v instanceof PyClass || v instanceof PyFunction || typeOf(v).lookup('__call__') !== undefined || typeOf(v) === T.builtin_function_or_method || typeOf(v) === T.method; });
  def('getattr', (a) => {
    if (typeof a[1] !== 'string') throw pyErr('TypeError', "attribute name must be string");
    if (a.length > 2) return getattrOpt(a[0], a[1]) ?? a[2];
    return getattr(a[0], a[1]);
  });
  def('setattr', (a) => { setattr(a[0], String(a[1]), a[2]); return null; });
  def('delattr', (a) => { delattr(a[0], String(a[1])); return null; });
  def('hasattr', (a) => getattrOpt(a[0], String(a[1])) !== undefined);
  def('iter', (a) => new PyIterator(iterate(a[0])));
  def('next', (a) => {
    const it = a[0];
    if (!(it instanceof PyIterator) && typeOf(it).lookup('__next__') === undefined) throw pyErr('TypeError', `'${typeOf(it).name}' object is not an iterator`);
    try {
      if (it instanceof PyIterator) {
        const r = it.it.next();
        if (!r.done) return r.value;
        if (a.length > 1) return a[1];
        throw new PyError(new PyException(EXC.get('StopIteration')!, r.value === null || r.value === undefined ? [] : [r.value]));
      }
      return callValue(getattr(it, '__next__'), []);
    } catch (e) {
      if (a.length > 1 && e instanceof PyError && excIs(e.exc, 'StopIteration')) return a[1];
      throw e;
    }
  });
  def('sum', (a, kw) => {
    const [it, start] = parseArgs('sum', a, kw, ['iterable', 'start'], 1);
    let acc: PyValue = start ?? 0n;
    const i = iterate(it!);
    for (let r = i.next(); !r.done; r = i.next()) acc = binop('Add', acc, r.value);
    return acc;
  });
  def('min', (a, kw) => extreme('min', a, kw, 'Lt'));
  def('max', (a, kw) => extreme('max', a, kw, 'Gt'));
  def('abs', (a) => { const v = one('abs', a); if (typeof v === 'number') return Math.abs(v); if (typeof v === 'bigint') return v < 0n ? -v : v; if (typeof v === 'boolean') return v ? 1n : 0n; return callValue(getattr(v, '__abs__'), []); });
  def('any', (a) => { const i = iterate(a[0]); for (let r = i.next(); !r.done; r = i.next()) if (truthy(r.value)) return true; return false; });
  def('all', (a) => { const i = iterate(a[0]); for (let r = i.next(); !r.done; r = i.next()) if (!truthy(r.value)) return false; return true; });
  def('sorted', (a, kw) => {
    const [it, key, reverse] = parseArgs('sorted', a, kw, ['iterable', 'key', 'reverse'], 1);
    return new PyList(sortValues(toArray(it!), key ?? null, truthy(reverse ?? false)));
  });
  def('reversed', (a) => {
    const v = a[0];
    if (typeOf(v).lookup('__reversed__') !== undefined) return callValue(getattr(v, '__reversed__'), []);
    return new PyIterator(toArray(v).reverse()[Symbol.iterator](), 'reversed');
  });
  def('enumerate', (a, kw) => {
    const [it, start] = parseArgs('enumerate', a, kw, ['iterable', 'start'], 1);
    const src = iterate(it!);
    let i = start === undefined ? 0n : BigInt(toIndex(start));
    return new PyIterator((function* () { for (let r = src.next(); !r.done; r = src.next()) yield new PyTuple([i++, r.value]); })(), 'enumerate');
  });
  def('zip', (a, kw) => new PyIterator(zipIter(a.map(iterate), truthy(kw?.get('strict') ?? false)), 'zip'));
  def('map', (a) => {
    const f = a[0], its = a.slice(1).map(iterate);
    const z = zipIter(its, false);
    return new PyIterator((function* () { for (let r = z.next(); !r.done; r = z.next()) yield callValue(f, [...(r.value as PyTuple).items]); })(), 'map');
  });
  def('filter', (a) => {
    const f = a[0], src = iterate(a[1]);
    return new PyIterator((function* () { for (let r = src.next(); !r.done; r = src.next()) if (f === null ? truthy(r.value) : truthy(callValue(f, [r.value]))) yield r.value; })(), 'filter');
  });
  def('divmod', (a) => new PyTuple([binop('FloorDiv', a[0], a[1]), binop('Mod', a[0], a[1])]));
  def('pow', (a) => {
    if (a.length === 3 && a[2] !== null) {
      let base = BigInt(toIndex(a[0])), e = BigInt(toIndex(a[1]));
      const m = BigInt(toIndex(a[2]));
      let r = 1n;
      base %= m;
      for (; e > 0n; e >>= 1n, base = (base * base) % m) if (e & 1n) r = (r * base) % m;
      return ((r % m) + m) % m;
    }
    return binop('Pow', a[0], a[1]);
  });
  def('chr', (a) => String.fromCodePoint(toIndex(a[0])));
  def('ord', (a) => { const s = String(a[0]); if ([...s].length !== 1) throw pyErr('TypeError', `ord() expected a character, but string of length ${[...s].length} found`); return BigInt(s.codePointAt(0)!); });
  def('hex', (a) => { const n = BigInt(toIndex(a[0])); return (n < 0n ? '-0x' : '0x') + (n < 0n ? -n : n).toString(16); });
  def('oct', (a) => { const n = BigInt(toIndex(a[0])); return (n < 0n ? '-0o' : '0o') + (n < 0n ? -n : n).toString(8); });
  def('bin', (a) => { const n = BigInt(toIndex(a[0])); return (n < 0n ? '-0b' : '0b') + (n < 0n ? -n : n).toString(2); });
  def('format', (a) => formatValue(a[0], a.length > 1 ? String(a[1]) : ''));
  def('globals', () => dictOf(ip.ev.current?.globals ?? new Map()));
  def('locals', () => dictOf(ip.ev.current?.locals() ?? new Map()));
  def('vars', (a) => {
    if (!a.length) return dictOf(ip.ev.current?.locals() ?? new Map());
    const d = getattrOpt(a[0], '__dict__');
    if (d === undefined) throw pyErr('TypeError', 'vars() argument must have __dict__ attribute');
    return d;
  });
  def('dir', (a) => new PyList(dirOf(ip, a).sort()));
  def('super', (a) => (a.length === 0 ? zeroArgSuper(ip) : new PySuper(a[0] as PyClass, a[1])));
  def('open', (a) => { throw pyErr('PermissionError', `[Errno 1] Operation not permitted: ${repr(a[0] ?? null)} (scripts run by Gradscope have no direct file access; np.save/np.load, save_weights/load_weights and plt.savefig work in the script's folder)`); });
  def('input', () => { throw pyErr('EOFError', 'EOF when reading a line (Gradscope runs scripts without a terminal for input())'); });
  def('exit', (a) => { throw new PyError(new PyException(EXC.get('SystemExit')!, a.length ? [a[0]] : [])); });
  b.set('quit', b.get('exit')!);
  def('__import__', (a) => ip.importModule(String(a[0])));
  def('round', (a, kw) => {
    const [x, nd] = parseArgs('round', a, kw, ['number', 'ndigits'], 1);
    return roundValue(x!, nd ?? null);
  });
}

const dictOf = (m: Map<string, PyValue>): PyDict => makeDict([...m]);

function one(name: string, a: PyValue[]): PyValue {
  if (a.length !== 1) throw pyErr('TypeError', `${name}() takes exactly one argument (${a.length} given)`);
  return a[0];
}

function dirOf(ip: Interpreter, a: PyValue[]): string[] {
  if (!a.length) return [...(ip.ev.current?.locals().keys() ?? [])];
  const v = a[0];
  const names = new Set<string>();
  const d = (v as { dict?: unknown }).dict;
  if (d instanceof Map) for (const k of d.keys()) names.add(String(k));
  const cls = v instanceof PyClass ? v : typeOf(v);
  for (const c of cls.mro) for (const k of c.dict.keys()) names.add(k);
  return [...names];
}

/** round(x, ndigits): half to even on the exact value, as CPython. */
export function roundValue(x: PyValue, nd: PyValue): PyValue {
  if (typeof x === 'bigint' || typeof x === 'boolean') {
    const n = typeof x === 'boolean' ? (x ? 1n : 0n) : x;
    if (nd === null) return n;
    const k = toIndex(nd);
    if (k >= 0) return n;
    const p = 10n ** BigInt(-k), q = n / p, r = n % p;
    const half = 2n * (r < 0n ? -r : r);
    const up = half > p || (half === p && (q & 1n) !== 0n);
    return (q + (up ? (n < 0n ? -1n : 1n) : 0n)) * p;
  }
  if (typeof x === 'number') {
    if (nd === null) {
      if (!Number.isFinite(x)) throw pyErr(x !== x ? 'ValueError' : 'OverflowError', x !== x ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      const [i] = fixed(x, 0);
      return (x < 0 ? -1n : 1n) * BigInt(i);
    }
    const k = toIndex(nd);
    if (!Number.isFinite(x) || x === 0) return x;
    if (k >= 0) { const [i, f] = fixed(x, k); return (x < 0 ? -1 : 1) * Number(`${i}.${f || '0'}`); }
    const p = 10 ** -k;
    return roundValue(x / p, null) === 0n ? 0 * Math.sign(x) : Number(roundValue(x / p, null)) * p;
  }
  return callValue(getattr(x, '__round__'), nd === null ? [] : [nd]);
}
