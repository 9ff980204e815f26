// Shared by the render tests: pixel access, an independent PNG check in python3 (zlib and CRC
// from its standard library), DeZero graphs built with the engine, and where screenshots go.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { F, Variable, np } from '../../src/engine/index';
import type { RgbaImage } from '../../src/render/index';

/** Screenshots for people to look at. */
export const OUT_DIR = join(__dirname, '..', '..', 'test-results', 'render');

export function writeResult(name: string, bytes: Uint8Array): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, name);
  writeFileSync(path, bytes);
  return path;
}

export function pixel(img: RgbaImage, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
}

/** Alpha of every pixel as coverage 0..1, summed: the painted area in pixels. */
export function paintedArea(img: RgbaImage): number {
  let s = 0;
  for (let i = 3; i < img.data.length; i += 4) s += img.data[i] / 255;
  return s;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What python3 found in a PNG: chunk order, size, filter types used, and (small images) a hash of the pixels. */
export interface PythonReport { chunks: string[]; width: number; height: number; filters: number[]; sha256: string | null }

/**
 * Reads a PNG with python3's zlib: checks the signature and every chunk CRC, inflates the
 * concatenated IDAT with zlib.decompress (which checks the header and Adler-32), and for images up
 * to 40,000 pixels undoes the filters itself and hashes the RGBA bytes.
 */
const PY_CHECK = String.raw`
import sys, zlib, struct, json, hashlib
data = sys.stdin.buffer.read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'bad signature'
pos, chunks, idat, ihdr = 8, [], b'', None
while pos < len(data):
    n, = struct.unpack('>I', data[pos:pos+4]); t = data[pos+4:pos+8]; body = data[pos+8:pos+8+n]
    crc, = struct.unpack('>I', data[pos+8+n:pos+12+n])
    assert zlib.crc32(t + body) & 0xffffffff == crc, 'CRC mismatch in ' + t.decode()
    chunks.append(t.decode()); pos += 12 + n
    if t == b'IHDR': ihdr = body
    if t == b'IDAT': idat += body
    if t == b'IEND': break
w, h, depth, ctype, comp, filt, inter = struct.unpack('>IIBBBBB', ihdr)
assert (depth, ctype, comp, filt, inter) == (8, 6, 0, 0, 0), 'unexpected IHDR'
raw = zlib.decompress(idat)
stride = w * 4
assert len(raw) == h * (stride + 1), 'inflated size %d' % len(raw)
filters = sorted(set(raw[y * (stride + 1)] for y in range(h)))
digest = None
if w * h <= 40000:
    out, prev = bytearray(), bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 4] if i >= 4 else 0; b = prev[i]; c = prev[i - 4] if i >= 4 else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line; prev = line
    digest = hashlib.sha256(bytes(out)).hexdigest()
print(json.dumps({'chunks': chunks, 'width': w, 'height': h, 'filters': filters, 'sha256': digest}))
`;

/** Runs PY_CHECK; fails the test with a clear message when python3 is missing or rejects the file. */
export function pythonCheck(png: Uint8Array): PythonReport {
  const r = spawnSync('python3', ['-c', PY_CHECK], { input: png, maxBuffer: 1 << 24 });
  if (r.error) assert.fail(`python3 is required to validate PNG output independently, and could not be run: ${r.error.message}`);
  assert.equal(r.status, 0, `python3 rejected the PNG: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString()) as PythonReport;
}

/** DeZero step 35: tanh at 1.0 differentiated n times with create_graph; returns gx_n, named. */
export function tanhDerivative(n: number): Variable {
  const x = new Variable(np.array(1.0), 'x');
  const y = F.tanh(x);
  y.name = 'y';
  y.backward({ createGraph: true });
  for (let k = 1; k < n; k++) {
    const gx = x.grad!;
    x.cleargrad();
    gx.backward({ createGraph: true });
  }
  const gx = x.grad!;
  gx.name = `gx${n}`;
  return gx;
}

export const tanhSecondDerivative = (): Variable => tanhDerivative(2);

/** `layers` of h = tanh(h·wᵢ + bᵢ) from x: 8 nodes a layer (wᵢ, Mul, out, bᵢ, Add, out, Tanh, out) plus x. */
export function tanhChain(layers: number): Variable {
  let h = new Variable(np.array(0.5), 'x');
  for (let i = 0; i < layers; i++) {
    const w = new Variable(np.array(1 + i / 10), `w${i}`), b = new Variable(np.array(i / 100), `b${i}`);
    h = F.tanh(F.add(F.mul(h, w), b));
  }
  h.name = 'y';
  return h;
}

/** Distinct node ids in DeZero DOT text. */
export function dotNodeCount(dot: string): number {
  return new Set([...dot.matchAll(/^(\d+) \[/gm)].map((m) => m[1])).size;
}
