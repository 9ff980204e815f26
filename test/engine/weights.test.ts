// Layer.saveWeights / loadWeights in DeZero's .npz format, both ways with NumPy:
// - what saveWeights writes, np.load reads (python3 + numpy run on a temp file) with the same
//   keys (flat, like conv/W and mlp/l0/b), dtypes, shapes and values, deflated as
//   np.savez_compressed writes it. CI has python3 and numpy, so if either is missing the
//   suite FAILS saying what to install — it never skips;
// - files np.savez and np.savez_compressed wrote (test/fixtures/weights/, from
//   make_weights_fixtures.py) load into an MLP with exact values, and it computes NumPy's y.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, L, NDArray, Parameter, Variable, VarLike, models, np } from '../../src/engine/index';
import { folderSink } from '../../src/cli/files';
import { EncodedArray, decodeArray, decodeValue, loadFixture } from './helpers';

/** A model with nested layers of every kind that has parameters. */
class Net extends models.Model {
  constructor() {
    super();
    this.setAttr('conv', new L.Conv2d(2, 3, { pad: 1 }));
    this.setAttr('bn', new L.BatchNorm());
    this.setAttr('mlp', new models.MLP([3, 2]));
    this.setAttr('emb', new L.EmbedID(4, 2));
    this.setAttr('rnn', new L.RNN(2));
  }
  forward(x: VarLike): Variable {
    const y = this.attr<L.BatchNorm>('bn').call(this.attr<L.Conv2d>('conv').call(x));
    return this.attr<models.MLP>('mlp').call(y.reshape(y.shape[0], -1));
  }
  /** Draws every lazily initialised weight. */
  init(): void {
    this.call(np.random.randn(2, 1, 3, 3));
    const rnn = this.attr<L.RNN>('rnn');
    rnn.call(np.random.randn(2, 3));
    rnn.call(np.random.randn(2, 3));
  }
}

const PY_LOAD = String.raw`
import json, sys, zipfile
import numpy as np
path = sys.argv[1]
methods = {i.filename: i.compress_type for i in zipfile.ZipFile(path).infolist()}
with np.load(path) as f:
    arrays = {k: {"dtype": f[k].dtype.name, "shape": list(f[k].shape),
                  "data": [v if isinstance(v, int) else repr(float(v)) for v in f[k].ravel().tolist()]} for k in f.files}
print(json.dumps({"numpy": np.__version__, "methods": methods, "arrays": arrays}))
`;

interface PyLoad { numpy: string; methods: Record<string, number>; arrays: Record<string, EncodedArray> }

/** np.load of the file by python3; a missing python3 or numpy fails with instructions, not a skip. */
function numpyLoads(path: string): PyLoad {
  const r = spawnSync('python3', ['-c', PY_LOAD, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`python3 is required for the NumPy compatibility tests (CI has it): ${r.error.message}`);
  if (/No module named '?numpy/.test(r.stderr)) throw new Error('numpy is required for the NumPy compatibility tests: pip install numpy');
  if (r.status !== 0) throw new Error(`python3 failed (status ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as PyLoad;
}

const values = (a: NDArray) => Array.from(a.values());

describe('saveWeights: NumPy loads the file (python3 + numpy required)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradscope-weights-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const files = folderSink(dir);
  let params: Map<string, Parameter>;
  let py: PyLoad;
  before(function () {
    this.timeout(60000);
    np.random.seed(5);
    const net = new Net();
    net.init();
    params = net.flattenParams();
    net.saveWeights('net', files);
    py = numpyLoads(join(dir, 'net.npz'));
  });

  it('appends .npz as np.savez_compressed does, and deflates every member', () => {
    assert.ok(files.exists('net.npz'));
    assert.match(py.numpy, /^2\./);
    for (const [name, method] of Object.entries(py.methods)) assert.equal(method, 8, `${name} is deflated`);
  });
  it('has DeZero\'s flat keys, one per parameter', () => {
    assert.deepEqual(new Set(Object.keys(py.arrays)), new Set(params.keys()));
    for (const k of ['conv/W', 'conv/b', 'bn/avg_mean', 'bn/avg_var', 'bn/gamma', 'bn/beta', 'mlp/l0/W', 'mlp/l0/b', 'mlp/l1/W', 'mlp/l1/b', 'emb/W', 'rnn/x2h/W', 'rnn/x2h/b', 'rnn/h2h/W']) {
      assert.ok(k in py.arrays, `key ${k}`);
    }
  });
  it('holds each parameter\'s dtype, shape and exact values', () => {
    for (const [k, p] of params) {
      const got = py.arrays[k];
      assert.equal(got.dtype, p.dtype, `${k} dtype`);
      assert.deepEqual(got.shape, p.shape, `${k} shape`);
      const want = values(p.data!);
      got.data.forEach((v, i) => assert.ok(Object.is(decodeValue(v), want[i]), `${k}[${i}]: NumPy ${v} vs ${want[i]}`));
    }
    assert.equal(py.arrays['mlp/l0/W'].dtype, 'float64');
    assert.equal(py.arrays['mlp/l0/b'].dtype, 'float32');
  });
  it('loads back into a fresh model unchanged', () => {
    const fresh = new Net();
    fresh.loadWeights('net.npz', files);
    for (const [k, p] of fresh.flattenParams()) {
      const q = params.get(k)!;
      assert.deepEqual([p.dtype, p.shape, values(p.data!)], [q.dtype, q.shape, values(q.data!)], k);
    }
  });
});

interface Expected { numpy_version: string; arrays: Record<string, EncodedArray>; x: EncodedArray; y: EncodedArray }
const expected = loadFixture<Expected>('weights/expected.json');
const fixtures = folderSink(join(__dirname, '..', 'fixtures', 'weights'));

describe('loadWeights: files NumPy wrote load into a Layer', () => {
  for (const file of ['mlp_savez.npz', 'mlp_savez_compressed.npz']) {
    it(`${file}: every key into MLP((3, 2)) with exact values; the model computes NumPy's y`, () => {
      const mlp = new models.MLP([3, 2]);
      mlp.loadWeights(file, fixtures);
      const params = mlp.flattenParams();
      assert.deepEqual([...params.keys()].sort(), Object.keys(expected.arrays).sort());
      for (const [k, p] of params) {
        const want = decodeArray(expected.arrays[k]);
        assert.equal(p.dtype, want.dtype, `${k} dtype`);
        assert.deepEqual(p.shape, want.shape, `${k} shape`);
        assert.ok(values(p.data!).every((v, i) => Object.is(v, want.at(i))), `${k} values`);
      }
      const y = mlp.call(decodeArray(expected.x)), want = decodeArray(expected.y);
      assert.deepEqual(y.shape, want.shape);
      for (let i = 0; i < want.size; i++) assert.ok(Math.abs(y.data!.at(i) - want.at(i)) <= 1e-14, `y[${i}]: ${y.data!.at(i)} vs NumPy ${want.at(i)}`);
    });
  }
  it('a key missing from the file is NumPy\'s KeyError', () => {
    const bigger = new models.MLP([3, 3, 2]);
    assert.throws(() => bigger.loadWeights('mlp_savez.npz', fixtures), (e: unknown) =>
      e instanceof EngineError && e.pyType === 'KeyError' && e.message === "'l2/W is not a file in the archive'");
  });
  it('loading replaces the Parameter\'s data, not the Parameter', () => {
    const mlp = new models.MLP([3, 2]);
    const before: Parameter[] = [...mlp.params()];
    mlp.loadWeights('mlp_savez_compressed.npz', fixtures);
    assert.deepEqual([...mlp.params()], before);
  });
});
