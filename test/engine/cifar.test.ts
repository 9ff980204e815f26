// CIFAR10 / CIFAR100 from the original archives, and the tar reader and restricted unpickler
// under them. Fixtures: test/fixtures/make_cifar_fixtures.py (tiny archives with the real
// layout — CIFAR-10's batches pickled as Python 2 + NumPy 1.x wrote them, CIFAR-100's by
// Python 3 + NumPy 2 with protocol 2 — plus tar naming cases and pickles of other values).
// Expected values are the generator's: its pixel formula, labels and PICKLE_CASES.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataLoader, EngineError, NDArray, NO_FILES, datasets } from '../../src/engine/index';
import { readTar, readTarGz } from '../../src/engine/tar';
import { PickleDict, PickleTuple, unpickle } from '../../src/engine/pickle';
import { inflateGzip } from '../../src/engine/gzip';
import { folderSink } from '../../src/cli/files';

const dir = join(__dirname, '..', 'fixtures', 'cifar');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const values = (a: NDArray) => Array.from(a.values());
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const ascii = (s: string) => new TextEncoder().encode(s);

/** The generator's pixels of image k of a split: (k·29 + seed + c·80 + r·9 + x·5) mod 256, in (c, r, x) order. */
const image = (k: number, seed: number) => range(3072).map((i) => (k * 29 + seed + (i >> 10) * 80 + ((i >> 5) & 31) * 9 + (i & 31) * 5) % 256);
const SEED = { train10: 0, test10: 11, train100: 5, test100: 17 };
const TRAIN10_LABELS = [6, 9, 9, 4, 1, 1, 2, 7, 8, 3], TEST10_LABELS = [3, 8, 8];

describe('tar', () => {
  it('lists the regular files of the CIFAR-10 archive in archive order, skipping the folder', () => {
    const entries = readTarGz(fixture('cifar-10-python.tar.gz'));
    assert.deepEqual(entries.map((e) => e.name), ['batches.meta', 'data_batch_1', 'data_batch_2', 'data_batch_3', 'data_batch_4',
      'data_batch_5', 'test_batch'].map((n) => `cifar-10-batches-py/${n}`));
    assert.deepEqual(Array.from(entries[1].data.subarray(0, 2)), [0x80, 2], 'a member is the pickle itself');
  });
  for (const fmt of ['gnu', 'pax', 'ustar']) {
    it(`${fmt}: long names, and only regular files (no directory or symlink)`, () => {
      const entries = readTarGz(fixture(`tar-${fmt}.tar.gz`));
      const long = `${'deep/'.repeat(22)}long_name.bin`;
      assert.deepEqual(entries.map((e) => e.name), ['dir/short.txt', long]);
      assert.deepEqual(Array.from(entries[0].data), Array.from(ascii('short\n')));
      assert.deepEqual(Array.from(entries[1].data), [...range(256), ...range(256), ...range(256)]);
    });
  }
  it('a corrupted header or a truncated entry is a ValueError', () => {
    const tar = inflateGzip(fixture('tar-ustar.tar.gz'));
    const bad = tar.slice();
    bad[0] ^= 1;
    assert.throws(() => readTar(bad), (e: unknown) => e instanceof EngineError && e.pyType === 'ValueError' && /checksum/.test(e.message));
    // ustar entries: dir/ at 0, short.txt at 512 (data 1024), link at 1536, the long name at 2048 (data 2560…3328).
    assert.throws(() => readTar(tar.subarray(0, 2560 + 100)), /entry at byte 2048 runs past the end/);
    assert.throws(() => readTar(tar.subarray(0, 2048 + 100)), /truncated header at byte 2048/);
    assert.deepEqual(readTar(tar.subarray(0, 2048)).map((e) => e.name), ['dir/short.txt'], 'no end blocks: what is there');
    assert.deepEqual(readTar(new Uint8Array(1024)), [], 'two zero blocks: an empty archive');
  });
});

describe('pickle', () => {
  for (const proto of [2, 4]) {
    it(`protocol ${proto} from Python 3 + NumPy 2: arrays (byte order, Fortran order), scalars, ints, bytes, containers`, () => {
      const d = unpickle(fixture(`pickle-p${proto}.pkl`)) as PickleDict;
      assert.ok(d instanceof PickleDict);
      const arr = (k: string) => d.get(k) as NDArray;
      assert.deepEqual([arr('big_endian').dtype, arr('big_endian').shape, values(arr('big_endian'))], ['float64', [2, 3], range(6).map((v) => v / 4)]);
      assert.deepEqual([arr('fortran').dtype, arr('fortran').shape, values(arr('fortran'))], ['int64', [2, 3], range(6).map((v) => v - 3)]);
      assert.deepEqual([arr('float32').dtype, values(arr('float32'))], ['float32', [1.5, -2.25]]);
      assert.deepEqual([arr('bools').dtype, values(arr('bools'))], ['bool', [1, 0, 1]]);
      assert.deepEqual([arr('int32').dtype, arr('int32').shape, values(arr('int32'))], ['int32', [2, 1], [-7, 8]]);
      assert.equal(d.get('scalar'), 0.1);
      const v = (d.get('values') as PickleTuple).items;
      assert.deepEqual(v.slice(0, 14), [0, 255, 65535, -1, 2 ** 31, 2 ** 40, 2n ** 70n, -(2n ** 70n), 1.25, null, true, false, 'ünï', new Uint8Array(0)]);
      assert.deepEqual(Array.from(v[14] as Uint8Array), [0, 255]);
      const nested = d.get('nested') as [unknown, PickleDict];
      assert.deepEqual(nested[0], [1, [2]]);
      assert.deepEqual((nested[1].get('k') as PickleTuple).items, [3]);
      assert.equal(d.get('missing'), undefined);
    });
  }
  it('a CIFAR batch as Python 2 wrote it: str keys as bytes, numpy.core.multiarray arrays, int lists', () => {
    const member = readTarGz(fixture('cifar-10-python.tar.gz')).find((e) => e.name.endsWith('test_batch'))!;
    const d = unpickle(member.data) as PickleDict;
    assert.deepEqual(d.entries.map(([k]) => new TextDecoder().decode(k as Uint8Array)), ['batch_label', 'data', 'labels', 'filenames']);
    const x = d.get('data') as NDArray;
    assert.deepEqual([x.dtype, x.shape], ['uint8', [3, 3072]]);
    assert.deepEqual(values(x), [0, 1, 2].flatMap((k) => image(k, SEED.test10)));
    assert.deepEqual(d.get('labels'), TEST10_LABELS);
  });
  it('refuses any other global by name, before calling anything', () => {
    const refused = (bytes: Uint8Array, name: string) => assert.throws(() => unpickle(bytes), (e: unknown) =>
      e instanceof EngineError && e.pyType === 'ValueError' && e.message.includes(`'${name}'`) && e.message.includes('refusing'));
    // protocol 2: GLOBAL 'os system', ('echo',), REDUCE
    refused(Uint8Array.from([0x80, 2, ...ascii('cos\nsystem\nX\x04\x00\x00\x00echo\x85R.')]), 'os.system');
    // protocol 4: STACK_GLOBAL 'builtins' 'eval'
    refused(Uint8Array.from([0x80, 4, 0x8c, 8, ...ascii('builtins'), 0x8c, 4, ...ascii('eval'), 0x93, ...ascii(')R.')]), 'builtins.eval');
    // NumPy 2's protocol-5 helper is not on the list either.
    refused(Uint8Array.from([0x80, 2, ...ascii('cnumpy._core.numeric\n_frombuffer\n)R.')]), 'numpy._core.numeric._frombuffer');
  });
  it('malformed streams are ValueErrors naming the fault', () => {
    assert.throws(() => unpickle(Uint8Array.from([0x80, 2, 0x7d])), /truncated data/);
    assert.throws(() => unpickle(Uint8Array.from([0x80, 2, 0x5a, 0x2e])), /unsupported opcode "Z" \(0x5a\) at byte 2/);
    assert.throws(() => unpickle(Uint8Array.from([0x80, 2, ...ascii('cnumpy\ndtype\n.')])), /bare numpy\.dtype/);
    assert.throws(() => unpickle(Uint8Array.from([0x80, 2, 0x68, 7, 0x2e])), /memo key 7 missing/);
  });
});

describe('CIFAR10', () => {
  const files = folderSink(dir);
  it('without the archive: a RuntimeError naming the file and where to put it', () => {
    const check = (make: () => unknown, file: string) => assert.throws(make, (e: unknown) =>
      e instanceof EngineError && e.pyType === 'RuntimeError' && e.message.includes(`'${file}'`) && e.message.includes('next to your script') &&
      e.message.includes('does not download'));
    check(() => new datasets.CIFAR10(), 'cifar-10-python.tar.gz');
    check(() => new datasets.CIFAR10({ train: false, files: NO_FILES }), 'cifar-10-python.tar.gz');
    check(() => new datasets.CIFAR100({ files: NO_FILES }), 'cifar-100-python.tar.gz');
  });
  it('training set: data_batch_1 … 5 joined into float64 (N, 3, 32, 32) and int64 labels, as DeZero fills them', () => {
    const train = new datasets.CIFAR10({ files });
    assert.deepEqual([train.data!.shape, train.data!.dtype, train.label!.shape, train.label!.dtype], [[10, 3, 32, 32], 'float64', [10], 'int64']);
    assert.deepEqual(values(train.label!), TRAIN10_LABELS);
    assert.deepEqual(values(train.data!), range(10).flatMap((k) => image(k, SEED.train10)));
    assert.equal(train.length, 10);
  });
  it('test set: test_batch\'s uint8 images and int64 labels', () => {
    const test = new datasets.CIFAR10({ train: false, files });
    assert.deepEqual([test.data!.shape, test.data!.dtype, test.label!.dtype], [[3, 3, 32, 32], 'uint8', 'int64']);
    assert.deepEqual(values(test.label!), TEST10_LABELS);
    assert.deepEqual(values(test.data!), range(3).flatMap((k) => image(k, SEED.test10)));
  });
  it('the default transform is ToFloat then Normalize(0.5, 0.5) on 0–255 values; null keeps the raw image', () => {
    const [x, t] = new datasets.CIFAR10({ files }).get(3);
    assert.deepEqual([x.shape, x.dtype, t!.dtype, t!.item()], [[3, 32, 32], 'float32', 'int64', 4]);
    assert.deepEqual(values(x), image(3, SEED.train10).map((p) => Math.fround((p - 0.5) / 0.5)));
    const raw = new datasets.CIFAR10({ train: false, files, transform: null });
    assert.deepEqual([raw.get(2)[0].dtype, values(raw.get(2)[0])], ['uint8', image(2, SEED.test10)]);
    const [xb, tb] = new DataLoader(new datasets.CIFAR10({ files }), 4, false).next()!;
    assert.deepEqual([xb.shape, xb.dtype, values(tb)], [[4, 3, 32, 32], 'float32', TRAIN10_LABELS.slice(0, 4)]);
  });
  it('an archive without the expected batch is a ValueError naming it', () => {
    const wrong = { ...files, exists: () => true, readFile: () => fixture('cifar-100-python.tar.gz') };
    assert.throws(() => new datasets.CIFAR10({ files: wrong }), (e: unknown) => e instanceof EngineError && /no file named like 'data_batch_1'/.test(e.message));
  });
  it('CIFAR10_LABELS are DeZero\'s CIFAR10.labels(), spelling included', () => {
    assert.deepEqual(datasets.CIFAR10_LABELS, ['ariplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);
  });
});

describe('CIFAR100', () => {
  const files = folderSink(dir);
  it('train / test with fine labels by default: uint8 (N, 3, 32, 32), int64 labels', () => {
    const train = new datasets.CIFAR100({ files });
    assert.ok(train instanceof datasets.CIFAR10);
    assert.deepEqual([train.labelType, train.data!.shape, train.data!.dtype, train.label!.dtype], ['fine', [4, 3, 32, 32], 'uint8', 'int64']);
    assert.deepEqual(values(train.label!), [19, 29, 0, 11]);
    assert.deepEqual(values(train.data!), range(4).flatMap((k) => image(k, SEED.train100)));
    const test = new datasets.CIFAR100({ train: false, files });
    assert.deepEqual([test.data!.shape, values(test.label!)], [[2, 3, 32, 32], [49, 33]]);
    assert.deepEqual(values(test.data!), range(2).flatMap((k) => image(k, SEED.test100)));
    assert.deepEqual(values(test.get(1)[0]), image(1, SEED.test100).map((p) => Math.fround((p - 0.5) / 0.5)));
  });
  it('labelType coarse gives the superclass labels; anything else fails the assert before reading', () => {
    assert.deepEqual(values(new datasets.CIFAR100({ files, labelType: 'coarse' }).label!), [11, 15, 4, 14]);
    assert.deepEqual(values(new datasets.CIFAR100({ files, train: false, labelType: 'coarse' }).label!), [10, 10]);
    assert.throws(() => new datasets.CIFAR100({ files: NO_FILES, labelType: 'medium' }),
      (e: unknown) => e instanceof EngineError && e.pyType === 'AssertionError' && e.message.includes("'medium'"));
  });
  it('CIFAR100_COARSE_LABELS: the 20 superclasses of DeZero\'s CIFAR100.labels(\'coarse\')', () => {
    assert.equal(datasets.CIFAR100_COARSE_LABELS.length, 20);
    assert.deepEqual([datasets.CIFAR100_COARSE_LABELS[0], datasets.CIFAR100_COARSE_LABELS[19]], ['aquatic mammals', 'vehicles 2']);
  });
});
