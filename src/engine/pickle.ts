// pickle: a restricted unpickler for data files (CIFAR's batches) — the opcodes Python 2's
// cPickle and Python 3 write for plain data with protocols 1–4 (not protocol 0's text strings
// and floats, nor protocol 5's out-of-band buffers), and NumPy arrays, dtypes and scalars.
// It never calls arbitrary code: a global outside a short allow-list is refused by name
// before anything runs.
import { NDArray } from './ndarray';
import { valueError } from './errors';
import { itemsize } from './dtype';
import { decodeArrayBytes, dtypeOfKind } from './npy';

/** A Python tuple. */
export class PickleTuple { constructor(readonly items: PickleValue[]) {} }

/** A Python dict, its entries in insertion order. */
export class PickleDict {
  readonly entries: [PickleValue, PickleValue][] = [];

  /**
   * The value under the str key `key`, or under a bytes key of the same Latin-1 text (a
   * Python 2 str loaded with encoding='bytes'); undefined when there is none.
   */
  get(key: string): PickleValue | undefined {
    for (const [k, v] of this.entries) if (k === key || (k instanceof Uint8Array && latin1(k) === key)) return v;
    return undefined;
  }
}

/**
 * What an unpickled object becomes: None → null; bool; int → number (bigint beyond ±2^53);
 * float → number; str → string; bytes and Python 2 str → Uint8Array (as Python 3 loads
 * them with encoding='bytes'); list → array; tuple, dict; numpy.ndarray → NDArray.
 */
export type PickleValue =
  null | boolean | number | bigint | string | Uint8Array | PickleValue[] | PickleTuple | PickleDict | NDArray;

/** Latin-1 text of bytes: one char per byte. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

// ── objects that exist only while loading ───────────────────────────────────

/** An allowed global: `call` gets REDUCE's arguments. */
class Global {
  constructor(readonly name: string, readonly call: (args: Item[]) => Item) {}
}

/** numpy.dtype(kind, align, copy); BUILD sets its byte order. */
class DTypeBox {
  byteorder = '|';
  constructor(readonly kind: string) {}
}

/** An ndarray made by _reconstruct, waiting for BUILD (ndarray.__setstate__) to fill it. */
class ArrayBox {}

type Item = PickleValue | Global | DTypeBox | ArrayBox;

const fail = (why: string): never => { throw valueError(`pickle: ${why}`); };

function describe(v: Item): string {
  if (v instanceof Global) return v.name;
  if (v === null) return 'None';
  if (typeof v !== 'object') return typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : 'number';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof NDArray) return 'numpy.ndarray';
  return v instanceof DTypeBox ? 'numpy.dtype' : v instanceof ArrayBox ? 'numpy.ndarray' : v.constructor.name;
}

const NDARRAY = new Global('numpy.ndarray', () => fail('numpy.ndarray cannot be called directly'));

/** numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b'): an empty array for BUILD. */
const RECONSTRUCT = (name: string) => new Global(name, (args) => {
  if (args[0] !== NDARRAY) fail(`${name} expects numpy.ndarray, got ${describe(args[0])}`);
  return new ArrayBox();
});

const SCALAR = (name: string) => new Global(name, ([dt, raw]) => {
  if (!(dt instanceof DTypeBox) || !(raw instanceof Uint8Array)) return fail(`${name} expects a dtype and bytes`);
  const a = arrayFromBytes(dt, [], raw, false);
  return a.dtype === 'bool' ? a.item() !== 0 : a.item();
});

/** The globals a data pickle may name: NumPy 1.x's and 2.x's module paths, and bytes helpers. */
const ALLOWED = new Map<string, Global>([
  ['numpy ndarray', NDARRAY],
  ['numpy dtype', new Global('numpy.dtype', ([kind]) => new DTypeBox(typeof kind === 'string' ? kind : kind instanceof Uint8Array ? latin1(kind) : fail('numpy.dtype expects a type code')))],
  ['numpy.core.multiarray _reconstruct', RECONSTRUCT('numpy.core.multiarray._reconstruct')],
  ['numpy._core.multiarray _reconstruct', RECONSTRUCT('numpy._core.multiarray._reconstruct')],
  ['numpy.core.multiarray scalar', SCALAR('numpy.core.multiarray.scalar')],
  ['numpy._core.multiarray scalar', SCALAR('numpy._core.multiarray.scalar')],
  // Python 3 pickles bytes for protocols < 3 as _codecs.encode(text, 'latin1'), b'' as bytes().
  ['_codecs encode', new Global('_codecs.encode', ([s, enc]) => {
    if (typeof s !== 'string' || (enc !== 'latin1' && enc !== 'latin-1')) return fail('_codecs.encode is allowed only for Latin-1 text');
    return latin1Bytes(s);
  })],
  ['__builtin__ bytes', new Global('bytes', (args) => (args.length === 0 ? new Uint8Array(0) : fail('bytes() is allowed only without arguments')))],
  ['builtins bytes', new Global('bytes', (args) => (args.length === 0 ? new Uint8Array(0) : fail('bytes() is allowed only without arguments')))],
]);

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) fail(`character U+${c.toString(16).padStart(4, '0')} is not Latin-1`);
    out[i] = c;
  }
  return out;
}

/** An array from its dtype, shape and raw bytes (C order, or Fortran order when `fortran`). */
function arrayFromBytes(dt: DTypeBox, shape: number[], raw: Uint8Array, fortran: boolean): NDArray {
  const dtype = dtypeOfKind(dt.kind) ?? fail(`unsupported dtype '${dt.kind}' (supported: f8, f4, i8, i4, u1, b1)`);
  const n = shape.reduce((p, d) => p * d, 1);
  if (raw.length !== n * itemsize(dtype)) fail(`array data has ${raw.length} bytes; shape (${shape.join(', ')}) of ${dt.kind} needs ${n * itemsize(dtype)}`);
  if (dt.byteorder !== '<' && dt.byteorder !== '>' && dt.byteorder !== '|' && dt.byteorder !== '=') fail(`unknown byte order '${dt.byteorder}'`);
  return new NDArray(decodeArrayBytes(raw, dtype, dt.byteorder !== '>', shape, fortran), shape, dtype);
}

/** ndarray.__setstate__: (version, shape, dtype, is_fortran, rawdata), version optional. */
function setArrayState(state: Item): NDArray {
  const items = state instanceof PickleTuple ? state.items : fail('ndarray state is not a tuple');
  const [shape, dt, fortran, raw] = items.length === 5 ? items.slice(1) : items.length === 4 ? items : fail('ndarray state has the wrong length');
  const dims = shape instanceof PickleTuple && shape.items.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
    ? shape.items as number[] : fail('ndarray shape is not a tuple of ints');
  if (!(dt instanceof DTypeBox)) return fail(`ndarray dtype is a ${describe(dt)}`);
  const bytes = raw instanceof Uint8Array ? raw : typeof raw === 'string' ? latin1Bytes(raw) : fail(`ndarray data is a ${describe(raw)} (object arrays are not supported)`);
  return arrayFromBytes(dt, dims, bytes, fortran === true || fortran === 1);
}

/** dtype.__setstate__: (version, byteorder, …); only the byte order matters for the kinds allowed. */
function setDTypeState(dt: DTypeBox, state: Item): void {
  const order = state instanceof PickleTuple ? state.items[1] : undefined;
  const text = typeof order === 'string' ? order : order instanceof Uint8Array ? latin1(order) : fail('dtype state has no byte order');
  dt.byteorder = text;
}

// ── the machine ─────────────────────────────────────────────────────────────

class Unpickler {
  private pos = 0;
  private stack: Item[] = [];
  private marks: number[] = [];
  private memo = new Map<number, Item>();
  private readonly dv: DataView;

  constructor(private readonly b: Uint8Array) { this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength); }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.b.length) fail('truncated data');
    this.pos += n;
    return at;
  }
  private u8(): number { return this.b[this.need(1)]; }
  private u16(): number { return this.dv.getUint16(this.need(2), true); }
  private u32(): number { return this.dv.getUint32(this.need(4), true); }
  private u64(): number {
    const at = this.need(8), hi = this.dv.getUint32(at + 4, true);
    if (hi > 0x1fffff) fail('length beyond 2^53');
    return hi * 0x100000000 + this.dv.getUint32(at, true);
  }
  private bytes(n: number): Uint8Array { const at = this.need(n); return this.b.slice(at, at + n); }
  private utf8(n: number): string { const at = this.need(n); return new TextDecoder('utf-8').decode(this.b.subarray(at, at + n)); }
  private line(): string {
    const end = this.b.indexOf(10, this.pos);
    if (end < 0) fail('truncated data');
    const s = latin1(this.b.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }

  private pop(): Item { return this.stack.length > 0 ? this.stack.pop()! : fail('stack underflow'); }
  private top(): Item { return this.stack.length > 0 ? this.stack[this.stack.length - 1] : fail('stack underflow'); }
  private popMark(): Item[] {
    const at = this.marks.pop() ?? fail('MARK missing');
    return this.stack.splice(at);
  }
  private get(i: number): Item { return this.memo.has(i) ? this.memo.get(i)! : fail(`memo key ${i} missing`); }

  /** A little-endian two's-complement integer of n bytes (LONG1, LONG4). */
  private long(n: number): number | bigint {
    const at = this.need(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.b[at + i]);
    if (n > 0 && this.b[at + n - 1] & 0x80) v -= 1n << BigInt(8 * n);
    return int(v);
  }

  private global(module: string, name: string): Global {
    return ALLOWED.get(`${module} ${name}`) ?? fail(`refusing to load the global '${module}.${name}': only NumPy arrays and plain Python data can be unpickled`);
  }

  private reduce(): void {
    const args = this.pop(), f = this.pop();
    if (!(f instanceof Global)) return fail(`cannot call a ${describe(f)}`);
    if (!(args instanceof PickleTuple)) return fail(`arguments to ${f.name} are not a tuple`);
    this.stack.push(f.call(args.items));
  }

  private build(): void {
    const state = this.pop(), obj = this.top();
    if (obj instanceof DTypeBox) return setDTypeState(obj, state);
    if (!(obj instanceof ArrayBox)) return fail(`cannot set the state of a ${describe(obj)}`);
    const arr = setArrayState(state);
    this.stack[this.stack.length - 1] = arr;
    for (const [k, v] of this.memo) if (v === obj) this.memo.set(k, arr);
  }

  private setItems(d: Item, items: Item[]): void {
    if (!(d instanceof PickleDict)) return fail(`cannot set items of a ${describe(d)}`);
    for (let i = 0; i + 1 < items.length; i += 2) d.entries.push([items[i] as PickleValue, items[i + 1] as PickleValue]);
  }

  private append(l: Item, items: Item[]): void {
    if (!Array.isArray(l)) return fail(`cannot append to a ${describe(l)}`);
    for (const it of items) l.push(it as PickleValue);
  }

  /** Runs opcodes up to STOP and returns the object built. */
  run(): PickleValue {
    const s = this.stack;
    for (;;) {
      const at = this.pos, op = this.u8();
      switch (op) {
        case 0x80: { const p = this.u8(); if (p > 5) fail(`unsupported protocol ${p}`); break; } // PROTO
        case 0x95: this.u64(); break; // FRAME: frames need no special handling when all bytes are in hand
        case 0x2e: if (s.length !== 1 || this.marks.length) fail('malformed stream at STOP'); return checked(s[0]); // STOP
        case 0x28: this.marks.push(s.length); break; // MARK
        case 0x7d: s.push(new PickleDict()); break; // EMPTY_DICT
        case 0x5d: s.push([]); break; // EMPTY_LIST
        case 0x29: s.push(new PickleTuple([])); break; // EMPTY_TUPLE
        case 0x74: s.push(tuple(this.popMark())); break; // TUPLE
        case 0x85: case 0x86: case 0x87: // TUPLE1-3
          if (s.length < op - 0x84) fail('stack underflow');
          s.push(tuple(s.splice(s.length - (op - 0x84))));
          break;
        case 0x6c: s.push(this.popMark() as PickleValue[]); break; // LIST
        case 0x64: { const d = new PickleDict(); this.setItems(d, this.popMark()); s.push(d); break; } // DICT
        case 0x61: { const v = this.pop(); this.append(this.top(), [v]); break; } // APPEND
        case 0x65: { const items = this.popMark(); this.append(this.top(), items); break; } // APPENDS
        case 0x73: { const v = this.pop(), k = this.pop(); this.setItems(this.top(), [k, v]); break; } // SETITEM
        case 0x75: { const items = this.popMark(); this.setItems(this.top(), items); break; } // SETITEMS
        case 0x4e: s.push(null); break; // NONE
        case 0x88: s.push(true); break; // NEWTRUE
        case 0x89: s.push(false); break; // NEWFALSE
        case 0x4a: s.push(this.dv.getInt32(this.need(4), true)); break; // BININT
        case 0x4b: s.push(this.u8()); break; // BININT1
        case 0x4d: s.push(this.u16()); break; // BININT2
        case 0x8a: s.push(this.long(this.u8())); break; // LONG1
        case 0x8b: s.push(this.long(this.u32())); break; // LONG4
        case 0x49: s.push(intLine(this.line())); break; // INT (protocol 0; I00/I01 are bools)
        case 0x4c: s.push(int(BigInt(this.line().replace(/L$/, '')))); break; // LONG (protocol 0)
        case 0x47: s.push(this.dv.getFloat64(this.need(8), false)); break; // BINFLOAT
        case 0x55: case 0x43: s.push(this.bytes(this.u8())); break; // SHORT_BINSTRING (Python 2 str), SHORT_BINBYTES
        case 0x54: case 0x42: s.push(this.bytes(this.u32())); break; // BINSTRING (Python 2 str), BINBYTES
        case 0x8e: s.push(this.bytes(this.u64())); break; // BINBYTES8
        case 0x8c: s.push(this.utf8(this.u8())); break; // SHORT_BINUNICODE
        case 0x58: s.push(this.utf8(this.u32())); break; // BINUNICODE
        case 0x8d: s.push(this.utf8(this.u64())); break; // BINUNICODE8
        case 0x71: this.memo.set(this.u8(), this.top()); break; // BINPUT
        case 0x72: this.memo.set(this.u32(), this.top()); break; // LONG_BINPUT
        case 0x70: this.memo.set(Number(this.line()), this.top()); break; // PUT (protocol 0)
        case 0x94: this.memo.set(this.memo.size, this.top()); break; // MEMOIZE
        case 0x68: s.push(this.get(this.u8())); break; // BINGET
        case 0x6a: s.push(this.get(this.u32())); break; // LONG_BINGET
        case 0x67: s.push(this.get(Number(this.line()))); break; // GET (protocol 0)
        case 0x63: { const module = this.line(); s.push(this.global(module, this.line())); break; } // GLOBAL
        case 0x93: { // STACK_GLOBAL
          const name = this.pop(), module = this.pop();
          if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL needs two strings');
          s.push(this.global(module as string, name as string));
          break;
        }
        case 0x52: this.reduce(); break; // REDUCE
        case 0x62: this.build(); break; // BUILD
        case 0x30: this.pop(); break; // POP
        case 0x31: this.popMark(); break; // POP_MARK
        case 0x32: s.push(this.top()); break; // DUP
        default:
          fail(`unsupported opcode ${JSON.stringify(String.fromCharCode(op))} (0x${op.toString(16).padStart(2, '0')}) at byte ${at}`);
      }
    }
  }
}

/** A Python int: a number when exact, else a bigint. */
function int(v: bigint): number | bigint {
  return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
}

function intLine(s: string): number | bigint | boolean {
  if (s === '00' || s === '01') return s === '01';
  return /^[+-]?\d+$/.test(s) ? int(BigInt(s)) : fail(`bad INT '${s}'`);
}

// While loading, containers may hold the loader's own objects (REDUCE's arguments hold
// numpy.ndarray, an array's state holds its dtype); the result must not.
const tuple = (items: Item[]) => new PickleTuple(items as PickleValue[]);

/** The loaded object, once no global, bare dtype or unfilled array is reachable from it. */
function checked(root: Item): PickleValue {
  const seen = new Set<object>(), todo: Item[] = [root];
  while (todo.length > 0) {
    const v = todo.pop()!;
    if (v instanceof Global || v instanceof DTypeBox || v instanceof ArrayBox) return fail(`a bare ${describe(v)} cannot be loaded (only as part of an array)`);
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof NDArray || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v) || v instanceof PickleTuple) for (const x of Array.isArray(v) ? v : v.items) todo.push(x);
    else for (const [k, x] of v.entries) todo.push(k, x);
  }
  return root as PickleValue;
}

/**
 * Loads a pickle as `pickle.load(f, encoding='bytes')` would, for data only: Python
 * containers and scalars, bytes, and NumPy arrays (numpy.core.multiarray or NumPy 2's
 * numpy._core.multiarray). Any other global is refused before it is called, and malformed
 * data throws a ValueError naming the fault.
 */
export function unpickle(b: Uint8Array): PickleValue {
  return new Unpickler(b).run();
}
