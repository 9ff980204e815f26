// zip: read and write ZIP archives (PKWARE APPNOTE) — STORED and DEFLATE members, ZIP64, CRC-32.
import { deflateRaw } from './deflate';
import { valueError } from './errors';
import { inflateRaw } from './inflate';

const SIG_LOCAL = 0x04034b50, SIG_CENTRAL = 0x02014b50, SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50, SIG_LOCATOR64 = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0, DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1, FLAG_UTF8 = 0x800;
/** Deflate's best case, 258 bytes from a 2-bit match, bounds how far a member can expand. */
const MAX_RATIO = 1032;

/** CRC-32 table for the reflected polynomial 0xEDB88320 (ISO 3309, as ZIP uses it). */
const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/** CRC-32 of the bytes, as ZIP and zlib compute it (unsigned). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The upper half of code page 437, the encoding of names without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw valueError('zip: a member name is not valid UTF-8');
    }
  }
  let s = '';
  for (const b of bytes) s += b < 128 ? String.fromCharCode(b) : CP437_HIGH[b - 128];
  return s;
}

/** Little-endian field access with bounds checks that name the structure being read. */
class Reader {
  constructor(readonly bytes: Uint8Array) {}

  check(at: number, n: number, what: string): void {
    if (at < 0 || at + n > this.bytes.length) throw valueError(`zip: truncated ${what}`);
  }

  u16(at: number): number { return this.bytes[at] | (this.bytes[at + 1] << 8); }

  u32(at: number): number { return (this.u16(at) + this.u16(at + 2) * 0x10000); }

  /** A 64-bit field; above 2^53 it cannot be an offset or size in this archive anyway. */
  u64(at: number, what: string): number {
    const hi = this.u32(at + 4);
    if (hi >= 0x200000) throw valueError(`zip: ${what} is too large`);
    return hi * 0x100000000 + this.u32(at);
  }
}

/** Where the central directory is and how many entries it holds, from the end records. */
interface Directory { count: number; offset: number; size: number }

/** Finds the end-of-central-directory record by scanning back over a comment of up to 64 KiB. */
function findEnd(r: Reader): number {
  const n = r.bytes.length;
  for (let at = n - 22; at >= Math.max(0, n - 22 - 0xffff); at--) {
    if (r.u32(at) === SIG_END && at + 22 + r.u16(at + 20) <= n) return at;
  }
  throw valueError('zip: not a ZIP archive (no end-of-central-directory record)');
}

function readDirectory(r: Reader): Directory {
  const end = findEnd(r);
  let dir: Directory = { count: r.u16(end + 10), size: r.u32(end + 12), offset: r.u32(end + 16) };
  // A ZIP64 locator right before the end record points at the 64-bit end record.
  if (end >= 20 && r.u32(end - 20) === SIG_LOCATOR64) {
    const at = r.u64(end - 12, 'ZIP64 end record offset');
    r.check(at, 56, 'ZIP64 end-of-central-directory record');
    if (r.u32(at) !== SIG_END64) throw valueError('zip: bad ZIP64 end-of-central-directory signature');
    dir = {
      count: r.u64(at + 32, 'entry count'), size: r.u64(at + 40, 'directory size'),
      offset: r.u64(at + 48, 'directory offset'),
    };
  }
  r.check(dir.offset, dir.size, 'central directory');
  if (dir.count * 46 > dir.size) throw valueError('zip: central directory is too small for its entry count');
  return dir;
}

/** One central directory entry, with its ZIP64 fields applied. */
interface Entry {
  name: string; flags: number; method: number; crc: number;
  csize: number; usize: number; local: number; next: number;
}

function readEntry(r: Reader, at: number): Entry {
  r.check(at, 46, 'central directory entry');
  if (r.u32(at) !== SIG_CENTRAL) throw valueError('zip: bad central directory entry signature');
  const nameLen = r.u16(at + 28), extraLen = r.u16(at + 30), commentLen = r.u16(at + 32);
  r.check(at + 46, nameLen + extraLen + commentLen, 'central directory entry');
  const flags = r.u16(at + 8);
  const e: Entry = {
    name: decodeName(r.bytes.subarray(at + 46, at + 46 + nameLen), (flags & FLAG_UTF8) !== 0),
    flags, method: r.u16(at + 10), crc: r.u32(at + 16), csize: r.u32(at + 20), usize: r.u32(at + 24),
    local: r.u32(at + 42), next: at + 46 + nameLen + extraLen + commentLen,
  };
  applyZip64(r, at + 46 + nameLen, extraLen, e);
  return e;
}

/** The ZIP64 extra field holds, in this order, exactly those of the three fields that are 0xFFFFFFFF. */
function applyZip64(r: Reader, at: number, len: number, e: Entry): void {
  for (let p = at; p + 4 <= at + len;) {
    const id = r.u16(p), size = r.u16(p + 2);
    if (p + 4 + size > at + len) throw valueError(`zip: truncated extra field in '${e.name}'`);
    if (id === ZIP64_EXTRA) {
      let q = p + 4;
      const take = (what: string) => {
        if (q + 8 > p + 4 + size) throw valueError(`zip: ZIP64 extra field of '${e.name}' lacks the ${what}`);
        q += 8;
        return r.u64(q - 8, what);
      };
      if (e.usize === 0xffffffff) e.usize = take('size');
      if (e.csize === 0xffffffff) e.csize = take('compressed size');
      if (e.local === 0xffffffff) e.local = take('header offset');
    }
    p += 4 + size;
  }
}

/** A member's bytes: its local header is skipped (the central directory has the sizes), then inflated and checked. */
function extract(r: Reader, e: Entry): Uint8Array {
  if (e.flags & FLAG_ENCRYPTED) throw valueError(`zip: '${e.name}' is encrypted`);
  r.check(e.local, 30, `local header of '${e.name}'`);
  if (r.u32(e.local) !== SIG_LOCAL) throw valueError(`zip: bad local header signature for '${e.name}'`);
  const start = e.local + 30 + r.u16(e.local + 26) + r.u16(e.local + 28);
  r.check(start, e.csize, `data of '${e.name}'`);
  const raw = r.bytes.subarray(start, start + e.csize);
  let data: Uint8Array;
  if (e.method === STORED) {
    if (e.csize !== e.usize) throw valueError(`zip: stored member '${e.name}' has mismatched sizes`);
    data = raw.slice();
  } else if (e.method === DEFLATED) {
    if (e.usize > e.csize * MAX_RATIO + 1024) throw valueError(`zip: impossible size for '${e.name}'`);
    try {
      data = inflateRaw(raw, e.usize);
    } catch (err) {
      throw valueError(`zip: '${e.name}': ${(err as Error).message}`);
    }
  } else {
    throw valueError(`zip: '${e.name}' uses compression method ${e.method}; only stored (0) and deflate (8) are supported`);
  }
  if (data.length !== e.usize) throw valueError(`zip: '${e.name}' is ${data.length} bytes, expected ${e.usize}`);
  if (crc32(data) !== e.crc) throw valueError(`zip: CRC-32 mismatch in '${e.name}'`);
  return data;
}

/**
 * Every member of a ZIP archive, by name, in directory order (a repeated name keeps its last
 * member, as Python's zipfile does). Handles STORED and DEFLATE members, ZIP64 records and
 * extra fields, and data descriptors (sizes come from the central directory). Throws a
 * ValueError for anything corrupt, truncated, encrypted or of another method.
 */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const r = new Reader(bytes);
  const dir = readDirectory(r);
  const out = new Map<string, Uint8Array>();
  let at = dir.offset;
  for (let k = 0; k < dir.count; k++) {
    const e = readEntry(r, at);
    if (e.next > dir.offset + dir.size) throw valueError('zip: central directory entry overruns the directory');
    out.set(e.name, extract(r, e));
    at = e.next;
  }
  // The count and the size must describe the same entries; a mismatch means a damaged record.
  if (at !== dir.offset + dir.size) throw valueError(`zip: central directory holds more than its ${dir.count} entries`);
  return out;
}

/** Appends little-endian fields to a growing list of chunks. */
class Writer {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  fields(...spec: Array<[number, 2 | 4]>): void {
    const b = new Uint8Array(spec.reduce((n, [, w]) => n + w, 0));
    let p = 0;
    for (const [v, w] of spec) for (let k = 0; k < w; k++) b[p++] = (v >>> (8 * k)) & 255;
    this.bytes(b);
  }

  bytes(b: Uint8Array): void { this.chunks.push(b); this.length += b.length; }

  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let p = 0;
    for (const c of this.chunks) { out.set(c, p); p += c.length; }
    return out;
  }
}

/** What the central directory repeats about a member already written. */
interface Written { name: Uint8Array; flags: number; method: number; crc: number; csize: number; usize: number; local: number }

/** 1980-01-01 00:00:00, the earliest DOS date: archives are the same bytes on every run. */
const DOS_TIME = 0, DOS_DATE = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;
/** Made by Unix (3), so that extractors apply the rw-r--r-- permissions in the attributes. */
const MADE_BY = (3 << 8) | VERSION, UNIX_FILE_ATTR = 0o100644 * 0x10000;

function header(w: Writer, m: Written, central: boolean): void {
  w.fields([central ? SIG_CENTRAL : SIG_LOCAL, 4]);
  if (central) w.fields([MADE_BY, 2]);
  w.fields([VERSION, 2], [m.flags, 2], [m.method, 2], [DOS_TIME, 2], [DOS_DATE, 2],
    [m.crc, 4], [m.csize, 4], [m.usize, 4], [m.name.length, 2], [0, 2]);
  if (central) w.fields([0, 2], [0, 2], [0, 2], [UNIX_FILE_ATTR, 4], [m.local, 4]);
  w.bytes(m.name);
}

/**
 * A ZIP archive of the entries, in order, that Python's zipfile (and so np.load) reads. With
 * `compress`, members are DEFLATE-compressed unless that would make them larger, in which
 * case they are stored. Names are UTF-8; duplicates, and archives past 4 GiB or 65535
 * members (which would need ZIP64), are rejected.
 */
export function writeZip(entries: Array<{ name: string; data: Uint8Array }>, opts: { compress?: boolean } = {}): Uint8Array {
  if (entries.length > 0xffff) throw valueError('zip: more than 65535 members needs ZIP64, which writeZip does not write');
  const w = new Writer(), written: Written[] = [], seen = new Set<string>();
  const enc = new TextEncoder();
  for (const { name, data } of entries) {
    if (seen.has(name)) throw valueError(`zip: duplicate member name '${name}'`);
    seen.add(name);
    const packed = opts.compress ? deflateRaw(data) : data;
    const method = opts.compress && packed.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? packed : data;
    // The UTF-8 flag only for non-ASCII names, as zipfile sets it (ASCII reads the same in
    // CP437); any non-ASCII character takes more UTF-8 bytes than UTF-16 units.
    const nameBytes = enc.encode(name);
    if (nameBytes.length > 0xffff) throw valueError(`zip: member name longer than 65535 bytes: '${name.slice(0, 40)}…'`);
    const flags = nameBytes.length === name.length ? 0 : FLAG_UTF8;
    const m: Written = { name: nameBytes, flags, method, crc: crc32(data), csize: body.length, usize: data.length, local: w.length };
    header(w, m, false);
    w.bytes(body);
    written.push(m);
    if (w.length > 0xffffffff) throw valueError('zip: archive exceeds 4 GiB, which needs ZIP64');
  }
  const dirStart = w.length;
  for (const m of written) header(w, m, true);
  const dirSize = w.length - dirStart;
  if (w.length > 0xffffffff) throw valueError('zip: archive exceeds 4 GiB, which needs ZIP64');
  w.fields([SIG_END, 4], [0, 2], [0, 2], [written.length, 2], [written.length, 2],
    [dirSize, 4], [dirStart, 4], [0, 2]);
  return w.concat();
}
