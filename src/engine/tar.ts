// tar archives (POSIX ustar, GNU and pax headers): the regular files of a .tar or .tar.gz.
import { valueError } from './errors';
import { inflateGzip } from './gzip';

/** A regular file in a tar archive: its path and a view of its bytes in the archive. */
export interface TarEntry { name: string; data: Uint8Array }

const BLOCK = 512;

/** Bytes [at, at + len) up to the first NUL, as Latin-1 text. */
function text(b: Uint8Array, at: number, len: number): string {
  let s = '';
  for (let i = at; i < at + len && b[i] !== 0; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** A numeric header field: octal digits, or GNU's base-256 (high bit of the first byte set). */
function number(b: Uint8Array, at: number, len: number, what: string): number {
  if (b[at] & 0x80) {
    let v = b[at] & 0x7f;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + b[i];
    return v;
  }
  const s = text(b, at, len).trim();
  if (!/^[0-7]*$/.test(s)) throw valueError(`tar: bad ${what} field '${s}'`);
  return s === '' ? 0 : parseInt(s, 8);
}

/** The header checksum: the sum of its bytes with the checksum field read as spaces. */
function checksumOk(b: Uint8Array, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[at + i];
  return sum === number(b, at + 148, 8, 'checksum');
}

const isZeroBlock = (b: Uint8Array, at: number) => b.subarray(at, at + BLOCK).every((x) => x === 0);

/** The `path` record of a pax extended header ("<len> path=<value>\n" records), if any. */
function paxPath(data: Uint8Array): string | undefined {
  let p = 0, path: string | undefined;
  while (p < data.length) {
    const space = data.indexOf(32, p);
    const len = space < 0 ? 0 : parseInt(text(data, p, space - p), 10);
    if (!(len > 0)) throw valueError('tar: malformed pax header');
    const rec = new TextDecoder('utf-8').decode(data.subarray(space + 1, p + len - 1));
    if (rec.startsWith('path=')) path = rec.slice(5);
    p += len;
  }
  return path;
}

/**
 * The regular files of an uncompressed tar archive, in archive order. Directories, links
 * and devices are skipped; GNU long names ('L') and pax `path` records name the entry that
 * follows them. A bad checksum, a cut header or an entry running past the end throws a
 * ValueError; reading stops at the first zero block (or the end of the data).
 */
export function readTar(b: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let longName: string | undefined;
  for (let at = 0; at < b.length;) {
    if (at + BLOCK > b.length) throw valueError(`tar: truncated header at byte ${at}`);
    if (isZeroBlock(b, at)) break;
    if (!checksumOk(b, at)) throw valueError(`tar: header checksum mismatch at byte ${at}`);
    const size = number(b, at + 124, 12, 'size'), type = String.fromCharCode(b[at + 156]);
    const start = at + BLOCK;
    if (start + size > b.length) throw valueError(`tar: entry at byte ${at} runs past the end of the archive`);
    const data = b.subarray(start, start + size);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') { longName = text(data, 0, data.length); continue; }
    if (type === 'x') { longName = paxPath(data) ?? longName; continue; }
    if (type === 'g') continue;
    const name = longName ?? headerName(b, start - BLOCK);
    longName = undefined;
    // Old (v7) archives mark a directory only by its trailing slash.
    if ((type === '0' || type === '\0' || type === '7') && !name.endsWith('/')) out.push({ name, data });
  }
  return out;
}

/** The name in a header block, joined with the ustar prefix field when there is one. */
function headerName(b: Uint8Array, at: number): string {
  const name = text(b, at, 100);
  // POSIX ustar ("ustar\0") splits long paths into prefix/name; GNU ("ustar  ") keeps other fields there.
  const prefix = text(b, at + 257, 6) === 'ustar' ? text(b, at + 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The regular files of a gzip-compressed tar archive (.tar.gz, .tgz). */
export function readTarGz(gz: Uint8Array): TarEntry[] {
  return readTar(inflateGzip(gz));
}
