// .npy, .npz, ZIP and DEFLATE against NumPy. Fixtures written by test/fixtures/make_npz_fixtures.py
// (NumPy 2.x) are read and compared exactly; what the writers produce is read back here and
// by NumPy itself. That last part runs `python3` with numpy installed: CI has both, so if
// either is missing the suite FAILS with a message saying what to install — it never skips.
// The fuzz tests feed damaged input to every reader: each must throw a ValueError, not hang,
// crash with an internal error or return garbage.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as zlib from 'node:zlib';
import * as fc from 'fast-check';
import { deflateRaw } from '../../src/engine/deflate';
import { type DType } from '../../src/engine/dtype';
import { EngineError } from '../../src/engine/errors';
import { inflateRaw } from '../../src/engine/inflate';
import { readNpy, readNpz, writeNpy, writeNpz, type NpyArray, type NpyInput } from '../../src/engine/npy';
import { crc32, readZip, writeZip } from '../../src/engine/zip';
import { decodeValue, type EncodedArray } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'npz');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
interface Expected {
  numpy_version: string;
  npy: Record<string, EncodedArray>;
  npz: Record<string, Record<string, EncodedArray>>;
  errors: Record<string, string>;
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;

/** The descr np.save writes for each dtype on a little-endian machine. */
const DESCR: Record<DType, string> = {
  float64: '<f8', float32: '<f4', int64: '<i8', int32: '<i4', uint8: '|u1', bool: '|b1',
};
const STORAGE: Record<DType, string> = {
  float64: 'Float64Array', int64: 'Float64Array', float32: 'Float32Array',
  int32: 'Int32Array', uint8: 'Uint8Array', bool: 'Uint8Array',
};

/** Same dtype, shape, storage type and values (Object.is: NaN equals NaN, -0 differs from 0). */
function assertArray(got: NpyArray, want: EncodedArray, what: string): void {
  assert.equal(got.dtype, want.dtype, `${what}: dtype`);
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  assert.equal(got.data.constructor.name, STORAGE[got.dtype], `${what}: storage`);
  assert.equal(got.data.length, want.data.length, `${what}: size`);
  want.data.forEach((v, i) => {
    if (!Object.is(got.data[i], decodeValue(v))) assert.fail(`${what}[${i}]: got ${got.data[i]}, want ${v}`);
  });
}

/** The value list an EncodedArray holds, for feeding the writers. */
const input = (e: EncodedArray): NpyInput => ({ dtype: e.dtype as DType, shape: e.shape, data: e.data.map(decodeValue) });

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so the test data is the same every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs fn and checks it threw one of the engine's ValueErrors, with the module's prefix. */
function assertValueError(fn: () => unknown, what: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof EngineError) || e.pyType !== 'ValueError') throw new Error(`${what}: threw a non-ValueError: ${String(e)}`);
    assert.match(e.message, /^(npy|zip|npz member|inflate)/, `${what}: unclear message ${e.message}`);
    return;
  }
  assert.fail(`${what}: did not throw`);
}

describe('readNpy: NumPy-written .npy files', () => {
  it(`fixtures come from NumPy ${expected.numpy_version}`, () => assert.match(expected.numpy_version, /^2\./));
  for (const [name, want] of Object.entries(expected.npy)) {
    it(`${name}: ${want.dtype} ${JSON.stringify(want.shape)}`, () => assertArray(readNpy(fixture(name)), want, name));
  }
  for (const [name, message] of Object.entries(expected.errors)) {
    it(`${name} is refused: ${message}`, () => {
      assert.throws(() => readNpy(fixture(name)), (e: Error) => e instanceof EngineError && e.message.includes(message));
    });
  }
  it('rejects bad magic, unknown versions, bad headers and extra bytes', () => {
    const good = fixture('f8.npy');
    const edit = (f: (b: Uint8Array) => void) => { const b = good.slice(); f(b); return b; };
    assert.throws(() => readNpy(edit((b) => { b[1] = 0x4f; })), /bad magic/);
    assert.throws(() => readNpy(edit((b) => { b[6] = 4; })), /format version 4\.0/);
    assert.throws(() => readNpy(edit((b) => { b[12] = 0x78; })), /header keys are \{fortran_order,shape,xescr\}/);
    assert.throws(() => readNpy(new Uint8Array([...good, 0])), /1 unexpected bytes/);
    assert.throws(() => readNpy(good.subarray(0, good.length - 1)), /truncated: shape \(3, 4\) needs 96 bytes, found 95/);
  });
});

/** The fixtures np.save wrote from C-order little-endian arrays: writeNpy must reproduce them. */
const SAVED = ['f8.npy', 'f4.npy', 'i8.npy', 'i4.npy', 'u1.npy', 'b1.npy', 'scalar_f8.npy', 'scalar_b1.npy', 'empty_f8.npy', 'empty_i4.npy'];

describe('writeNpy', () => {
  for (const name of SAVED) {
    it(`writes ${name} byte for byte as np.save does`, () => {
      const a = input(expected.npy[name]);
      assert.deepEqual(writeNpy(a.dtype, a.shape, a.data), fixture(name));
    });
  }
  it('pads long shapes as np.save does (header a multiple of 64, room for the first axis)', () => {
    const shape = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const b = writeNpy('float32', shape, [1, 2]);
    const headerEnd = 10 + (b[8] | (b[9] << 8));
    assert.equal(headerEnd % 64, 0);
    assert.equal(b[headerEnd - 1], 0x0a);
    assert.deepEqual(readNpy(b).shape, shape);
  });
  it('refuses values its dtype cannot hold, and a size that does not match the shape', () => {
    assert.throws(() => writeNpy('int64', [1], [2 ** 53 + 2]), /not a valid int64/);
    assert.throws(() => writeNpy('int32', [1], [0.5]), /not a valid int32/);
    assert.throws(() => writeNpy('uint8', [2], [1, 256]), /value 256 at index 1/);
    assert.throws(() => writeNpy('float64', [2, 2], [1, 2, 3]), /holds 4 values, data has 3/);
    assert.throws(() => writeNpy('float64', [-1], []), /invalid shape/);
  });
  it('round-trips arrays of every dtype and shape through readNpy', () => {
    const value: Record<DType, fc.Arbitrary<number>> = {
      float64: fc.double(), float32: fc.float(), int64: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((x) => x * 2 ** 22),
      int32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), uint8: fc.integer({ min: 0, max: 255 }), bool: fc.constantFrom(0, 1),
    };
    const arb = fc.constantFrom(...(Object.keys(value) as DType[])).chain((dtype) =>
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }).chain((shape) => {
        const n = shape.reduce((p, d) => p * d, 1);
        return fc.record({ dtype: fc.constant(dtype), shape: fc.constant(shape), data: fc.array(value[dtype], { minLength: n, maxLength: n }) });
      }));
    fc.assert(fc.property(arb, ({ dtype, shape, data }) => {
      const back = readNpy(writeNpy(dtype, shape, data));
      assert.equal(back.dtype, dtype);
      assert.deepEqual(back.shape, shape);
      assert.deepEqual(Array.from(back.data), data);
    }), { numRuns: 300 });
  });
});

describe('readNpz / readZip: NumPy-written archives', () => {
  for (const [name, want] of Object.entries(expected.npz)) {
    it(`${name}: ${Object.keys(want).join(', ')}`, () => {
      const got = readNpz(fixture(name));
      assert.deepEqual([...got.keys()].sort(), Object.keys(want).sort());
      for (const [key, w] of Object.entries(want)) assertArray(got.get(key)!, w, `${name}[${key}]`);
    });
  }
  it('keeps the .npy member names in readZip', () => {
    assert.deepEqual([...readZip(fixture('savez.npz')).keys()], ['l1/W.npy', 'l1/b.npy', 'l2/W.npy']);
  });
  it('names the member whose .npy is bad', () => {
    const z = writeZip([{ name: 'x.npy', data: Uint8Array.of(1, 2, 3) }]);
    assert.throws(() => readNpz(z), /npz member 'x\.npy': npy: not a \.npy file/);
  });
});

describe('writeZip / writeNpz round trips', () => {
  const arrays = new Map(Object.entries(expected.npz['savez_compressed.npz']).map(([k, v]) => [k, input(v)]));
  for (const compress of [false, true]) {
    it(`writeNpz (${compress ? 'compressed' : 'stored'}) reads back through readNpz`, () => {
      const got = readNpz(writeNpz(arrays, { compress }));
      assert.deepEqual([...got.keys()], [...arrays.keys()]);
      for (const [k, w] of Object.entries(expected.npz['savez_compressed.npz'])) assertArray(got.get(k)!, w, k);
    });
  }
  it('compression shrinks compressible members and stores the rest', () => {
    const next = rng(1);
    const random = Uint8Array.from({ length: 5000 }, () => next() * 256);
    const zeros = new Uint8Array(5000);
    const z = writeZip([{ name: 'random', data: random }, { name: 'zeros', data: zeros }], { compress: true });
    assert.ok(z.length < 5000 + 300, `archive is ${z.length} bytes`);
    const back = readZip(z);
    assert.deepEqual(back.get('random'), random);
    assert.deepEqual(back.get('zeros'), zeros);
  });
  it('round-trips names in UTF-8, empty members and empty archives', () => {
    const entries = [{ name: 'ünïcødé/🙂.npy', data: Uint8Array.of(1, 2) }, { name: 'empty', data: new Uint8Array(0) }];
    for (const compress of [false, true]) {
      assert.deepEqual([...readZip(writeZip(entries, { compress }))], entries.map((e) => [e.name, e.data]));
    }
    assert.equal(readZip(writeZip([])).size, 0);
  });
  it('reads names without the UTF-8 flag as code page 437', () => {
    const z = writeZip([{ name: 'x', data: Uint8Array.of(1) }]);
    // The central directory's copy of the name is the one read: 'x' → 0x80, which is 'Ç' in CP437.
    const central = z.length - 22 - 1;
    assert.equal(z[central], 0x78);
    z[central] = 0x80;
    assert.deepEqual([...readZip(z).keys()], ['Ç']);
  });
  it('refuses duplicate names', () => {
    assert.throws(() => writeZip([{ name: 'a', data: new Uint8Array(1) }, { name: 'a', data: new Uint8Array(1) }]), /duplicate member name 'a'/);
  });
  it('computes CRC-32 as ZIP and zlib do', () => {
    const known: Array<[string, number]> = [
      ['', 0], ['a', 0xe8b7be43], ['123456789', 0xcbf43926], ['The quick brown fox jumps over the lazy dog', 0x414fa339],
    ];
    for (const [s, c] of known) assert.equal(crc32(new TextEncoder().encode(s)), c, JSON.stringify(s));
  });
});

/** Test inputs for DEFLATE: text, runs, noise, float data, and the sizes at the edges. */
function corpus(): Array<[string, Uint8Array]> {
  const r = rng(7);
  const floats = new Float32Array(60000).map((_, i) => Math.round(Math.sin(i / 90) * 1000) / 1000);
  const noiseF64 = new Float64Array(20000).map(() => r() - 0.5);
  return [
    ['empty', new Uint8Array(0)], ['one byte', Uint8Array.of(42)], ['258 zeros', new Uint8Array(258)],
    ['text', new TextEncoder().encode('the quick brown fox jumps over the lazy dog; '.repeat(2000))],
    ['zeros 200k', new Uint8Array(200000)], ['noise 100k', Uint8Array.from({ length: 100000 }, () => r() * 256)],
    ['smooth float32', new Uint8Array(floats.buffer)], ['random float64', new Uint8Array(noiseF64.buffer)],
    ['ramp', Uint8Array.from({ length: 70000 }, (_, i) => (i * 7) & 255)],
  ];
}

describe('inflate / deflate', () => {
  const strategies: Array<[string, zlib.ZlibOptions]> = [
    ['default', {}], ['level 1', { level: 1 }], ['level 9', { level: 9 }], ['stored (level 0)', { level: 0 }],
    ['fixed Huffman', { strategy: zlib.constants.Z_FIXED }], ['Huffman only', { strategy: zlib.constants.Z_HUFFMAN_ONLY }],
    ['RLE', { strategy: zlib.constants.Z_RLE }],
  ];
  for (const [label, opts] of strategies) {
    it(`inflates zlib's ${label} streams`, () => {
      for (const [name, data] of corpus()) {
        assert.deepEqual(inflateRaw(new Uint8Array(zlib.deflateRawSync(data, opts))), data, name);
      }
    });
  }
  it('deflates into streams zlib inflates, never much larger than stored', () => {
    for (const [name, data] of corpus()) {
      const c = deflateRaw(data);
      assert.deepEqual(new Uint8Array(zlib.inflateRawSync(c)), data, name);
      assert.deepEqual(inflateRaw(c, data.length), data, name);
      // At worst each block (16384 symbols, so at most that many bytes) is stored: 5 bytes of header.
      assert.ok(c.length <= data.length + 5 * Math.ceil((data.length + 1) / 16384) + 2, `${name}: ${c.length} bytes`);
    }
  });
  it('compresses about as well as zlib on float data', () => {
    const [, data] = corpus().find(([n]) => n === 'smooth float32')!;
    assert.ok(deflateRaw(data).length < zlib.deflateRawSync(data).length * 1.1);
  });
  it('round-trips arbitrary and repetitive bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 3000 }))
        .map(([p, n]) => Uint8Array.from({ length: n * p.length }, (_, i) => p[i % p.length])),
      fc.array(fc.constantFrom(0, 1, 2, 255), { maxLength: 5000 }).map((a) => Uint8Array.from(a)));
    fc.assert(fc.property(bytes, (data) => {
      const c = deflateRaw(data);
      assert.deepEqual(inflateRaw(c), data);
      assert.deepEqual(new Uint8Array(zlib.inflateRawSync(c)), data);
    }), { numRuns: 300 });
  });
  it('enforces the expected size and the window', () => {
    const c = deflateRaw(new Uint8Array(1000));
    assert.throws(() => inflateRaw(c, 999), /output exceeds the expected 999 bytes/);
    // A fixed block whose first symbol is a match: there is nothing to copy from yet.
    assert.throws(() => inflateRaw(Uint8Array.of(0x03, 0x02, 0x00)), /distance reaches before the start/);
    assert.throws(() => inflateRaw(Uint8Array.of(0x07)), /invalid block type 3/);
    assert.throws(() => inflateRaw(Uint8Array.of(0x01, 0x05, 0x00, 0xfa, 0xff, 1, 2)), /truncated/);
    assert.throws(() => inflateRaw(Uint8Array.of(0x01, 0x05, 0x00, 0xfa, 0xfe)), /length check failed/);
  });
  it('inflates a few MB of float32 weights at a usable speed', () => {
    const r = rng(3);
    const w = new Uint8Array(new Float32Array(1 << 20).map(() => (r() - 0.5) * 0.2).buffer);
    const c = new Uint8Array(zlib.deflateRawSync(w));
    const t = performance.now();
    const out = inflateRaw(c, w.length);
    const seconds = (performance.now() - t) / 1000;
    assert.deepEqual(out, w);
    // Tens of MB/s here; the bound only catches a pathological slowdown.
    assert.ok(seconds < 4, `4 MiB took ${seconds.toFixed(2)} s`);
  });
});

describe('fuzz: damaged input', () => {
  const npyNames = Object.keys(expected.npy);
  const npzNames = Object.keys(expected.npz);
  const mutation = (size: number) => fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: 255 }));

  it('every truncated .npy and .npz throws', () => {
    for (const name of [...npyNames, ...npzNames]) {
      const b = fixture(name);
      const read = name.endsWith('.npz') ? readNpz : readNpy;
      for (let n = 0; n < b.length; n++) assertValueError(() => read(b.subarray(0, n)), `${name}[:${n}]`);
    }
  });
  it('a damaged .npy throws, or reads as a well-formed array', () => {
    fc.assert(fc.property(fc.constantFrom(...npyNames).chain((name) => fc.tuple(fc.constant(name), mutation(fixture(name).length))),
      ([name, [at, byte]]) => {
        const b = fixture(name);
        b[at] = byte;
        let a: NpyArray;
        try { a = readNpy(b); } catch { return assertValueError(() => readNpy(b), name); }
        assert.equal(a.data.length, a.shape.reduce((p, d) => p * d, 1));
        assert.equal(a.data.constructor.name, STORAGE[a.dtype]);
      }), { numRuns: 2000 });
  });
  it('a damaged .npz throws, or reads back arrays it holds (CRC-32 guards the data)', () => {
    fc.assert(fc.property(fc.constantFrom(...npzNames).chain((name) => fc.tuple(fc.constant(name), mutation(fixture(name).length))),
      ([name, [at, byte]]) => {
        const b = fixture(name);
        b[at] = byte;
        let got: Map<string, NpyArray>;
        try { got = readNpz(b); } catch { return assertValueError(() => readNpz(b), name); }
        const originals = [...readNpz(fixture(name)).values()];
        for (const a of got.values()) {
          assert.ok(originals.some((o) => o.dtype === a.dtype && String(o.shape) === String(a.shape) && Buffer.from(o.data.buffer).equals(Buffer.from(a.data.buffer))),
            `${name} with byte ${at} = ${byte} read an array it does not hold`);
        }
      }), { numRuns: 2000 });
  });
  it('damaged DEFLATE streams throw or agree with zlib; truncated ones throw', () => {
    const streams = corpus().filter(([, d]) => d.length > 0 && d.length < 150000).map(([, d]) => new Uint8Array(zlib.deflateRawSync(d)));
    fc.assert(fc.property(fc.constantFrom(...streams).chain((s) => fc.tuple(fc.constant(s), mutation(s.length), fc.nat(s.length - 1))),
      ([s, [at, byte], cut]) => {
        assertValueError(() => inflateRaw(s.subarray(0, cut)), `prefix of ${cut}`);
        const b = s.slice();
        b[at] = byte;
        let ours: Uint8Array | undefined, theirs: Uint8Array | undefined;
        try { ours = inflateRaw(b, 1 << 22); } catch { assertValueError(() => inflateRaw(b, 1 << 22), 'damaged'); }
        try { theirs = new Uint8Array(zlib.inflateRawSync(b)); } catch { /* zlib may refuse more (incomplete codes) */ }
        if (theirs && theirs.length <= 1 << 22) assert.deepEqual(ours, theirs);
      }), { numRuns: 500 });
  });
  it('random bytes never hang inflate or the readers', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
      for (const read of [(x: Uint8Array) => inflateRaw(x, 1 << 20), readZip, readNpz, readNpy]) {
        try { read(b); } catch { assertValueError(() => read(b), 'random bytes'); }
      }
    }), { numRuns: 1000 });
  });
});

/** Reads each path with NumPy (and zlib for raw .deflate streams); prints one JSON object. */
const PY_CHECK = String.raw`
import hashlib, json, sys, zipfile, zlib
import numpy as np

def enc(a):
    a = np.asarray(a)
    if a.dtype == np.bool_ or np.issubdtype(a.dtype, np.integer):
        data = [int(v) for v in a.ravel().tolist()]
    else:
        data = [repr(float(v)) for v in a.ravel().tolist()]
    return {"dtype": a.dtype.name, "shape": list(a.shape), "data": data, "str": a.dtype.str}

out = {"numpy": np.__version__}
for p in sys.argv[1:]:
    if p.endswith(".npy"):
        out[p] = enc(np.load(p, allow_pickle=False))
    elif p.endswith(".npz"):
        with zipfile.ZipFile(p) as z:
            bad = z.testzip()
            assert bad is None, "bad CRC in " + bad
            methods = {i.filename: i.compress_type for i in z.infolist()}
        with np.load(p, allow_pickle=False) as f:
            out[p] = {"methods": methods, "keys": list(f.files), "arrays": {k: enc(f[k]) for k in f.files}}
    else:
        d = zlib.decompressobj(-15)
        raw = d.decompress(open(p, "rb").read())
        out[p] = {"sha256": hashlib.sha256(raw).hexdigest(), "eof": d.eof, "unused": len(d.unused_data)}
print(json.dumps(out))
`;

interface PyNpz { methods: Record<string, number>; keys: string[]; arrays: Record<string, EncodedArray & { str: string }> }

/** Runs PY_CHECK on the files; a missing python3 or numpy fails with instructions, not a skip. */
function numpyReads(paths: string[]): Record<string, unknown> {
  const r = spawnSync('python3', ['-c', PY_CHECK, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`python3 is required for the NumPy compatibility tests (CI has it): ${r.error.message}`);
  if (/No module named '?numpy/.test(r.stderr)) throw new Error('numpy is required for the NumPy compatibility tests: pip install numpy');
  if (r.status !== 0) throw new Error(`python3 failed (status ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('NumPy reads what Gradscope writes (python3 + numpy required)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradscope-npz-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const r = rng(11);
  const weights = new Map<string, NpyInput>([
    ['l1/W', { dtype: 'float32', shape: [300, 200], data: new Float32Array(60000).map(() => (r() - 0.5) * 0.2) }],
    ['l1/b', { dtype: 'float32', shape: [200], data: new Float32Array(200) }],
    ['l2/W', { dtype: 'float64', shape: [200, 10], data: new Float64Array(2000).map((_, i) => Math.round(Math.sin(i) * 100) / 100) }],
    ['steps', { dtype: 'int64', shape: [], data: [2 ** 53] }],
    ['labels', { dtype: 'int32', shape: [6], data: [0, -1, 2 ** 31 - 1, -(2 ** 31), 7, 7] }],
    ['pixels', { dtype: 'uint8', shape: [2, 2, 2], data: [0, 1, 2, 3, 252, 253, 254, 255] }],
    ['mask', { dtype: 'bool', shape: [3], data: [1, 0, 1] }],
    ['nothing', { dtype: 'float64', shape: [0, 4], data: [] }],
  ]);
  const npyCases = Object.fromEntries(SAVED.map((n) => [n, input(expected.npy[n])]));
  const streams = corpus();
  let py: Record<string, unknown>;

  before(function () {
    this.timeout(120000);
    const paths: string[] = [];
    const put = (name: string, bytes: Uint8Array) => { const p = join(dir, name); writeFileSync(p, bytes); paths.push(p); };
    for (const [n, a] of Object.entries(npyCases)) put(n, writeNpy(a.dtype, a.shape, a.data));
    put('stored.npz', writeNpz(weights));
    put('compressed.npz', writeNpz(weights, { compress: true }));
    streams.forEach(([, d], i) => put(`stream${i}.deflate`, deflateRaw(d)));
    py = numpyReads(paths);
  });

  it('runs NumPy 2', () => assert.match(String(py.numpy), /^2\./));
  for (const name of SAVED) {
    it(`np.load reads our ${name}`, () => {
      const { str, ...got } = py[join(dir, name)] as EncodedArray & { str: string };
      assert.equal(str, DESCR[got.dtype as DType]);
      assert.deepEqual(got, expected.npy[name]);
    });
  }
  for (const file of ['stored.npz', 'compressed.npz']) {
    it(`np.load reads our ${file} with the same keys, dtypes, shapes and values`, () => {
      const got = py[join(dir, file)] as PyNpz;
      assert.deepEqual(got.keys, [...weights.keys()]);
      const wantMethod = file === 'stored.npz' ? 0 : 8;
      assert.equal(got.methods['l1/W.npy'], wantMethod);
      for (const [k, a] of weights) {
        const e = got.arrays[k];
        assert.equal(e.dtype, a.dtype, k);
        assert.deepEqual(e.shape, a.shape, k);
        assert.deepEqual(e.data.map(decodeValue), Array.from(a.data), k);
      }
    });
  }
  it('zlib inflates every stream deflateRaw writes', () => {
    streams.forEach(([name, d], i) => {
      const got = py[join(dir, `stream${i}.deflate`)] as { sha256: string; eof: boolean; unused: number };
      assert.deepEqual(got, { sha256: createHash('sha256').update(d).digest('hex'), eof: true, unused: 0 }, name);
    });
  });
});
