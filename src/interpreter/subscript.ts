// Subscription for built-in containers (list, tuple, str, dict, range) and the
// __getitem__ / __setitem__ / __delitem__ protocol for everything else.
import { PyClass, PyDict, PyList, PyRange, PySlice, PyTuple, PyValue } from './objects';
import { pyErr, pyErrArgs } from './pyerrors';
import { T, typeOf } from './types';
import { callValue, getattrOpt } from './attrs';
import { iterate, toIndex } from './convert';
import { dictDelete, dictGet, dictSet } from './hashing';

function sliceBound(v: PyValue): number {
  if (typeof v !== 'bigint' && typeof v !== 'boolean' && !(v !== null && typeof v === 'object' && typeOf(v).lookup('__index__'))) {
    throw pyErr('TypeError', 'slice indices must be integers or None or have an __index__ method');
  }
  return toIndex(v);
}

/** CPython's TypeError for a bad index, by the noun its IndexError uses. */
const BAD_INDEX: Record<string, (t: string) => string> = {
  string: (t) => `string indices must be integers, not '${t}'`,
  'range object': (t) => `range indices must be integers or slices, not ${t}`,
  'list assignment': (t) => `list indices must be integers or slices, not ${t}`,
};

/** slice.indices(n): concrete start, stop, step and length. */
export function sliceIndices(s: PySlice, n: number): { start: number; stop: number; step: number; length: number } {
  const step = s.step === null ? 1 : sliceBound(s.step);
  if (step === 0) throw pyErr('ValueError', 'slice step cannot be zero');
  const clamp = (v: PyValue, dflt: number, lo: number, hi: number) => {
    if (v === null) return dflt;
    let x = sliceBound(v);
    if (x < 0) x += n;
    return x < lo ? lo : x > hi ? hi : x;
  };
  const start = step > 0 ? clamp(s.start, 0, 0, n) : clamp(s.start, n - 1, -1, n - 1);
  const stop = step > 0 ? clamp(s.stop, n, 0, n) : clamp(s.stop, -1, -1, n - 1);
  const length = Math.max(0, Math.ceil((stop - start) / step));
  return { start, stop, step, length };
}

function seqIndex(i: PyValue, n: number, what: string): number {
  if (typeof i !== 'bigint' && typeof i !== 'boolean' && !(i !== null && typeof i === 'object' && typeOf(i).lookup('__index__'))) {
    const t = typeOf(i).name;
    throw pyErr('TypeError', BAD_INDEX[what]?.(t) ?? `${what} indices must be integers or slices, not ${t}`);
  }
  let k = toIndex(i);
  if (k < 0) k += n;
  if (k < 0 || k >= n) throw pyErr('IndexError', `${what} index out of range`);
  return k;
}

function sliced<T>(items: readonly T[], s: PySlice): T[] {
  const { start, step, length } = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + length);
  const out: T[] = [];
  for (let i = 0, j = start; i < length; i++, j += step) out.push(items[j]);
  return out;
}

/** obj[key]. */
export function getitem(obj: PyValue, key: PyValue): PyValue {
  if (obj instanceof PyList) return key instanceof PySlice ? new PyList(sliced(obj.items, key)) : obj.items[seqIndex(key, obj.items.length, 'list')];
  if (obj instanceof PyTuple) return key instanceof PySlice ? new PyTuple(sliced(obj.items, key)) : obj.items[seqIndex(key, obj.items.length, 'tuple')];
  if (obj instanceof PyDict) {
    const v = dictGet(obj, key);
    if (v !== undefined) return v;
    // dict.__getitem__ asks a subclass's __missing__ (defaultdict, Counter) before failing.
    const missing = typeOf(obj) === T.dict ? undefined : typeOf(obj).lookup('__missing__');
    if (missing !== undefined) return callValue(missing, [obj, key]);
    throw pyErrArgs('KeyError', [key]);
  }
  if (typeof obj === 'string') {
    const chars = /[\uD800-\uDFFF]/.test(obj) ? [...obj] : null;
    const n = chars ? chars.length : obj.length;
    if (key instanceof PySlice) return sliced(chars ?? obj.split(''), key).join('');
    const k = seqIndex(key, n, 'string');
    return chars ? chars[k] : obj[k];
  }
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) {
      const s = sliceIndices(key, obj.length);
      return new PyRange(obj.start + s.start * obj.step, obj.start + s.stop * obj.step, obj.step * s.step);
    }
    return BigInt(obj.start + seqIndex(key, obj.length, 'range object') * obj.step);
  }
  if (obj instanceof PyClass) {
    const cg = getattrOpt(obj, '__class_getitem__');
    if (cg !== undefined) return callValue(cg, [key]);
  }
  const f = typeOf(obj).lookup('__getitem__');
  if (f === undefined) {
    throw pyErr('TypeError', obj instanceof PyClass ? `type '${obj.name}' is not subscriptable` : `'${typeOf(obj).name}' object is not subscriptable`);
  }
  return callValue(f, [obj, key]);
}

/** obj[key] = value. */
export function setitem(obj: PyValue, key: PyValue, value: PyValue): void {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) { setListSlice(obj, key, value); return; }
    obj.items[seqIndex(key, obj.items.length, 'list assignment')] = value;
    return;
  }
  if (obj instanceof PyDict) { dictSet(obj, key, value); return; }
  const f = typeOf(obj).lookup('__setitem__');
  if (f === undefined) throw pyErr('TypeError', `'${typeOf(obj).name}' object does not support item assignment`);
  callValue(f, [obj, key, value]);
}

function setListSlice(l: PyList, s: PySlice, value: PyValue): void {
  const vals: PyValue[] = [];
  const it = iterate(value);
  for (let r = it.next(); !r.done; r = it.next()) vals.push(r.value);
  const { start, step, length } = sliceIndices(s, l.items.length);
  if (step === 1) { l.items.splice(start, length, ...vals); return; }
  if (vals.length !== length) throw pyErr('ValueError', `attempt to assign sequence of size ${vals.length} to extended slice of size ${length}`);
  for (let i = 0, j = start; i < length; i++, j += step) l.items[j] = vals[i];
}

/** del obj[key]. */
export function delitem(obj: PyValue, key: PyValue): void {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const { start, step, length } = sliceIndices(key, obj.items.length);
      const drop = new Set(Array.from({ length }, (_, i) => start + i * step));
      obj.items = obj.items.filter((_, i) => !drop.has(i));
      return;
    }
    obj.items.splice(seqIndex(key, obj.items.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!dictDelete(obj, key)) throw pyErrArgs('KeyError', [key]);
    return;
  }
  const f = typeOf(obj).lookup('__delitem__');
  if (f === undefined) throw pyErr('TypeError', `'${typeOf(obj).name}' object doesn't support item deletion`);
  callValue(f, [obj, key]);
}
