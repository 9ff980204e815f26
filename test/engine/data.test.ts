// Datasets, DataLoader, SeqDataLoader and transforms against DeZero and NumPy:
// - Spiral through Dataset and DataLoader(Spiral(), 30): DeZero's data (dezero-spiral-golden.json)
//   and batches, the index being a permutation from the global RandomState drawn at
//   construction and at each reset — checked against NumPy's np.random.permutation after the
//   same reseeding (python3 + numpy run from here; missing either FAILS, never skips);
// - SinCurve against NumPy's linspace + uniform noise from the global state;
// - SeqDataLoader's strided batch indices; transforms Compose, Flatten, AsType, Normalize;
// - MNIST: the error naming the missing file and where it goes, and tiny IDX files written by
//   test/fixtures/make_mnist_fixtures.py (uint8 data and labels; the default transform gives
//   flattened float32 / 255).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataLoader, EngineError, NDArray, NO_FILES, SeqDataLoader, datasets, np, transforms as T } from '../../src/engine/index';
import { folderSink } from '../../src/cli/files';
import { loadFixture } from './helpers';

const PY_REFERENCE = String.raw`
import json
import numpy as np
r = lambda a: [repr(float(v)) for v in np.asarray(a).ravel()]
out = {"numpy": np.__version__}
# get_spiral(train=True): seed 1984, 300 scalar normals, a shuffling permutation; then the loader's.
np.random.seed(1984)
for _ in range(300):
    np.random.randn()
np.random.permutation(300)
out["loader_perms"] = [np.random.permutation(300).tolist() for _ in range(3)]
# get_spiral(train=False), written out: seed 2020.
np.random.seed(2020)
x = np.zeros((300, 2), dtype=np.float32)
t = np.zeros(300, dtype=np.int64)
for j in range(3):
    for i in range(100):
        rate = i / 100
        radius = 1.0 * rate
        theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
        x[100 * j + i] = np.array([radius * np.sin(theta), radius * np.cos(theta)]).flatten()
        t[100 * j + i] = j
idx = np.random.permutation(300)
out["spiral_test"] = {"x": r(x[idx]), "t": t[idx].tolist()}
# SinCurve after np.random.seed(7).
np.random.seed(7)
xs = np.linspace(0, 2 * np.pi, 1000)
noise = np.random.uniform(-0.05, 0.05, size=xs.shape)
out["sin"] = {"x": r(xs), "noise": r(noise), "train": r(np.sin(xs) + noise), "test": r(np.cos(xs)), "next": repr(float(np.random.rand()))}
print(json.dumps(out))
`;

interface Reference {
  numpy: string; loader_perms: number[][]; spiral_test: { x: string[]; t: number[] };
  sin: { x: string[]; noise: string[]; train: string[]; test: string[]; next: string };
}

function numpyReference(): Reference {
  const r = spawnSync('python3', ['-c', PY_REFERENCE], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`python3 is required for the NumPy comparison tests (CI has it): ${r.error.message}`);
  if (/No module named '?numpy/.test(r.stderr)) throw new Error('numpy is required for the NumPy comparison tests: pip install numpy');
  if (r.status !== 0) throw new Error(`python3 failed (status ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as Reference;
}

const golden = loadFixture<{ x: number[][]; t: number[]; epoch_perms: number[][] }>('dezero-spiral-golden.json');
const values = (a: NDArray) => Array.from(a.values());
const nums = (s: string[]) => s.map(Number);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

let cached: Reference | null = null;
/** NumPy's reference values, computed once. */
const ref = (): Reference => (cached ??= numpyReference());

describe('Spiral and DataLoader', () => {
  it('Spiral() holds get_spiral(True): DeZero\'s data, float32 x and int64 t; get(i) is one example', () => {
    const s = new datasets.Spiral();
    assert.equal(s.length, 300);
    assert.deepEqual([s.data!.dtype, s.label!.dtype], ['float32', 'int64']);
    assert.deepEqual(values(s.data!), golden.x.flat());
    assert.deepEqual(values(s.label!), golden.t);
    const [x, t] = s.get(7);
    assert.deepEqual([x.shape, values(x), t!.shape, t!.item()], [[2], golden.x[7], [], golden.t[7]]);
  });
  it('Spiral({ train: false }) reseeds with 2020, as NumPy gives', () => {
    const s = new datasets.Spiral({ train: false });
    assert.deepEqual(values(s.data!), nums(ref().spiral_test.x));
    assert.deepEqual(values(s.label!), ref().spiral_test.t);
    const [x, t] = datasets.getSpiral(false);
    assert.deepEqual([values(x), values(t)], [values(s.data!), values(s.label!)]);
  });
  it('DataLoader(Spiral(), 30) batches by a permutation drawn at construction and at each reset', () => {
    const loader = new DataLoader(new datasets.Spiral(), 30);
    assert.equal(loader.maxIter, 10);
    assert.deepEqual(values(loader.index), golden.epoch_perms[0], 'DeZero\'s first permutation after get_spiral');
    for (let epoch = 0; epoch < 3; epoch++) {
      const perm = ref().loader_perms[epoch];
      assert.deepEqual(values(loader.index), perm, `epoch ${epoch + 1}: np.random.permutation(300)`);
      let i = 0;
      for (const [x, t] of loader) {
        const ids = perm.slice(i * 30, (i + 1) * 30);
        assert.deepEqual([x.shape, x.dtype, t.shape, t.dtype], [[30, 2], 'float32', [30], 'int64']);
        assert.deepEqual(values(x), ids.flatMap((k) => golden.x[k]), `epoch ${epoch + 1} batch ${i} x`);
        assert.deepEqual(values(t), ids.map((k) => golden.t[k]), `epoch ${epoch + 1} batch ${i} t`);
        i++;
      }
      assert.equal(i, 10);
    }
  });
  it('the same permutations come from reseeding and calling np.random.permutation here', () => {
    np.random.seed(1984);
    for (let k = 0; k < 300; k++) np.random.randn();
    np.random.permutation(300);
    const want = range(3).map(() => values(np.random.permutation(300)));
    const loader = new DataLoader(new datasets.Spiral(), 30);
    for (let epoch = 0; epoch < 3; epoch++) {
      assert.deepEqual(values(loader.index), want[epoch]);
      while (loader.next() !== null);
    }
  });
  it('shuffle=false walks in order and draws nothing; a short last batch; next() after the end restarts', () => {
    const s = new datasets.Spiral();
    np.random.seed(99);
    const first = np.random.rand().item();
    np.random.seed(99);
    const loader = new DataLoader(s, 7, false);
    const batches = [...loader];
    assert.equal(np.random.rand().item(), first);
    assert.equal(batches.length, 43);
    assert.deepEqual(batches[42][0].shape, [6, 2]);
    assert.deepEqual(values(batches[1][1]), golden.t.slice(7, 14));
    assert.deepEqual(values(loader.next()![0]), golden.x.slice(0, 7).flat());
  });
  it('applies the dataset\'s transform and target transform to each example', () => {
    const s = new datasets.Spiral({ transform: T.Normalize(0.5, 2), targetTransform: T.AsType('float64') });
    const [x, t] = new DataLoader(s, 4, false).next()!;
    assert.deepEqual([x.dtype, t.dtype], ['float32', 'float64']);
    assert.deepEqual(values(x), golden.x.slice(0, 4).flat().map((v) => Math.fround((Math.fround(v) - 0.5) / 2)));
  });
});

describe('SinCurve', () => {
  const ulp1 = 2 ** -52;
  it('train: sin(linspace(0, 2π, 1000)) + uniform(−0.05, 0.05) from the global state; data y[:-1], label y[1:]', () => {
    np.random.seed(7);
    const s = new datasets.SinCurve();
    assert.equal(np.random.rand().item(), Number(ref().sin.next), 'drew exactly 1000 uniforms');
    np.random.seed(7);
    assert.deepEqual(values(np.random.uniform(-0.05, 0.05, [1000])), nums(ref().sin.noise));
    assert.deepEqual(values(np.linspace(0, 2 * Math.PI, 1000)), nums(ref().sin.x));
    assert.deepEqual([s.data!.shape, s.label!.shape, s.data!.dtype, s.length], [[999, 1], [999, 1], 'float64', 999]);
    // np.sin here is V8's Math.sin, which differs from NumPy's by one unit in the last place
    // at a few percent of these points; the sum with the noise is within 2 ulp of 1.
    const want = nums(ref().sin.train);
    values(s.data!).forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 2 * ulp1, `data[${i}]: ${v} vs NumPy ${want[i]}`));
    values(s.label!).forEach((v, i) => assert.ok(Math.abs(v - want[i + 1]) <= 2 * ulp1, `label[${i}]`));
  });
  it('test: cos(x), with no noise added but the noise still drawn', () => {
    np.random.seed(7);
    const s = new datasets.SinCurve({ train: false });
    assert.equal(np.random.rand().item(), Number(ref().sin.next));
    const want = nums(ref().sin.test);
    values(s.data!).forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= ulp1, `data[${i}]: ${v} vs NumPy ${want[i]}`));
  });
  it('SeqDataLoader: batch k holds examples (i·⌊999/30⌋ + k) mod 999 for i < 30, for ⌈999/30⌉ batches', () => {
    np.random.seed(8);
    const s = new datasets.SinCurve();
    const loader = new SeqDataLoader(s, 30);
    assert.equal(loader.maxIter, 34);
    const d = values(s.data!), l = values(s.label!);
    let k = 0;
    for (const [x, t] of loader) {
      const ids = range(30).map((i) => (i * 33 + k) % 999);
      assert.deepEqual([x.shape, t.shape], [[30, 1], [30, 1]]);
      assert.deepEqual(values(x), ids.map((i) => d[i]), `batch ${k} x`);
      assert.deepEqual(values(t), ids.map((i) => l[i]), `batch ${k} t`);
      k++;
    }
    assert.equal(k, 34);
    assert.deepEqual(values(loader.index), range(999), 'SeqDataLoader never shuffles');
  });
});

describe('transforms', () => {
  const img = () => NDArray.from(range(12), [3, 2, 2], 'float32');
  it('Compose applies in order (and [] is the identity); Flatten is C order', () => {
    const x = img();
    assert.equal(T.Compose([])(x), x);
    const f = T.Compose([T.Flatten(), (a) => a.mul(2)]);
    // The (W, H, C) view's C order: element (w, h, c) is c·4 + h·2 + w.
    assert.deepEqual(values(f(x.transpose([2, 1, 0]))), [0, 4, 8, 2, 6, 10, 1, 5, 9, 3, 7, 11].map((v) => v * 2));
    assert.deepEqual(T.Flatten()(x).shape, [12]);
  });
  it('AsType / ToFloat default to float32; ToInt to int64', () => {
    const x = NDArray.from([1.7, -2.2], [2]);
    assert.equal(T.AsType()(x).dtype, 'float32');
    assert.equal(T.ToFloat('float64')(x).dtype, 'float64');
    assert.deepEqual([T.ToInt()(x).dtype, values(T.ToInt()(x))], ['int64', [1, -2]]);
  });
  it('Normalize with scalars keeps float32 (Python floats are weak); an integer input becomes float64', () => {
    const y = T.Normalize(0.5, 2)(img());
    assert.equal(y.dtype, 'float32');
    assert.deepEqual(values(y), range(12).map((v) => Math.fround((v - 0.5) / 2)));
    assert.equal(T.Normalize(0, 255)(NDArray.from([0, 255], [2], 'uint8')).dtype, 'float64');
  });
  it('Normalize with sequences: per channel of a (C, H, W) image, along the first axis otherwise, in x\'s dtype', () => {
    const y = T.Normalize([1, 2, 3], [1, 2, 4])(img());
    assert.equal(y.dtype, 'float32');
    assert.deepEqual(values(y), range(12).map((v) => (v - [1, 2, 3][v >> 2]) / [1, 2, 4][v >> 2]));
    const m = T.Normalize([1, 2], [1, 1])(NDArray.from([1, 2, 3, 4], [2, 2]));
    assert.deepEqual(values(m), [0, 1, 1, 2]);
    assert.deepEqual(values(T.Normalize([1], [2])(NDArray.from([3, 5], [1, 2]))), [1, 2]);
    assert.throws(() => T.Normalize([1], [2])(img()), EngineError, 'a one-element sequence reshapes to len(x), as DeZero');
  });
});

describe('MNIST', () => {
  const dir = join(__dirname, '..', 'fixtures', 'mnist');
  const pixel = (n: number, k: number) => (n * 97 + Math.floor(k / 28) * 28 + (k % 28) * 7) % 256;
  it('without the files: a RuntimeError naming the file and where to put it', () => {
    const check = (make: () => unknown, file: string) => assert.throws(make, (e: unknown) =>
      e instanceof EngineError && e.pyType === 'RuntimeError' && e.message.includes(`'${file}'`) && e.message.includes('next to your script') &&
      e.message.includes('does not download'));
    check(() => new datasets.MNIST(), 'train-images-idx3-ubyte.gz');
    check(() => new datasets.MNIST({ files: NO_FILES }), 'train-images-idx3-ubyte.gz');
    check(() => new datasets.MNIST({ train: false, files: NO_FILES }), 't10k-images-idx3-ubyte.gz');
    const imagesOnly = { ...folderSink(dir), exists: (p: string) => p.includes('images') };
    check(() => new datasets.MNIST({ files: imagesOnly }), 'train-labels-idx1-ubyte.gz');
  });
  it('reads gzip IDX files: uint8 images (N, 1, 28, 28) and uint8 labels', () => {
    const train = new datasets.MNIST({ files: folderSink(dir) });
    assert.deepEqual([train.data!.shape, train.data!.dtype, train.label!.shape, train.label!.dtype], [[3, 1, 28, 28], 'uint8', [3], 'uint8']);
    assert.deepEqual(values(train.label!), [5, 0, 9]);
    assert.deepEqual(values(train.data!), range(3).flatMap((n) => range(784).map((k) => pixel(n, k))));
    const test = new datasets.MNIST({ train: false, files: folderSink(dir) });
    assert.deepEqual([test.length, values(test.label!)], [2, [3, 8]]);
    assert.deepEqual(values(test.data!).slice(0, 784), range(784).map((k) => pixel(0, k)));
  });
  it('the default transform flattens to float32 and divides by 255; transform null keeps the image', () => {
    const train = new datasets.MNIST({ files: folderSink(dir) });
    const [x, t] = train.get(2);
    assert.deepEqual([x.shape, x.dtype, t!.dtype, t!.item()], [[784], 'float32', 'uint8', 9]);
    assert.deepEqual(values(x), range(784).map((k) => Math.fround(pixel(2, k) / 255)));
    const [xb, tb] = new DataLoader(train, 2, false).next()!;
    assert.deepEqual([xb.shape, xb.dtype, tb.shape, tb.dtype], [[2, 784], 'float32', [2], 'uint8']);
    const raw = new datasets.MNIST({ files: folderSink(dir), transform: null });
    assert.deepEqual([raw.get(0)[0].shape, raw.get(0)[0].dtype], [[1, 28, 28], 'uint8']);
  });
});
