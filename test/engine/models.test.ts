// Layer's registration by attribute (DeZero's __setattr__), params() through sub-layers,
// cleargrads, Sequential, MLP, and VGG16's error for pretrained weights it cannot download.
import assert from 'node:assert/strict';
import { EngineError, F, L, NDArray, Parameter, Variable, VarLike, models, np } from '../../src/engine/index';
import { folderSink } from '../../src/cli/files';
import { tmpdir } from 'node:os';

class Two extends models.Model {
  constructor() {
    super();
    this.setAttr('a', new L.Linear(3, { inSize: 2 }));
    this.setAttr('scale', new Parameter(np.ones([1]), 'scale'));
    this.setAttr('note', 'not a parameter');
    this.setAttr('inner', new models.Sequential(new L.Linear(2, { inSize: 3 }), new L.Linear(1, { inSize: 2, nobias: true })));
  }
  forward(x: VarLike): Variable {
    return this.attr<models.Sequential>('inner').call(F.mul(this.attr<L.Linear>('a').call(x), this.attr<Parameter>('scale')));
  }
}

describe('Layer and Model', () => {
  it('registers Parameters and Layers assigned as attributes, and nothing else', () => {
    const m = new Two();
    assert.deepEqual([...m.paramNames], ['a', 'scale', 'inner']);
    assert.equal(m.attr('note'), 'not a parameter');
    assert.deepEqual([...m.flattenParams().keys()], ['a/W', 'a/b', 'scale', 'inner/l0/W', 'inner/l0/b', 'inner/l1/W']);
    assert.equal([...m.params()].length, 6);
    assert.throws(() => m.attr('missing'), (e: unknown) => e instanceof EngineError && e.pyType === 'AttributeError');
  });
  it('a reassigned attribute is still one registration, holding the new value', () => {
    const m = new Two();
    const p = new Parameter(np.zeros([1]), 'scale');
    m.setAttr('scale', p);
    assert.equal(m.flattenParams().get('scale'), p);
    assert.equal([...m.params()].length, 6);
  });
  it('cleargrads clears every parameter\'s gradient, sub-layers included; call records inputs and outputs', () => {
    const m = new Two();
    const x = np.ones([4, 2]);
    const y = m.call(x);
    y.sum().backward();
    assert.ok([...m.params()].every((p) => p.grad !== null));
    m.cleargrads();
    assert.ok([...m.params()].every((p) => p.grad === null));
    assert.deepEqual([m.inputs, m.outputs], [[x], [y]]);
  });
  it('Sequential applies its layers in order under keys l0, l1, …', () => {
    np.random.seed(1);
    const s = new models.Sequential(new L.Linear(4), new L.Linear(2));
    const x = np.random.randn(3, 5);
    const y = s.call(x);
    const [l0, l1] = s.layers as InstanceType<typeof L.Linear>[];
    const want = F.linear(F.linear(x, l0.W, l0.b), l1.W, l1.b);
    assert.deepEqual(Array.from(y.data!.values()), Array.from(want.data!.values()));
  });
  it('MLP: the activation between layers, not after the last (sigmoid by default)', () => {
    const mlp = new models.MLP([3, 2]);
    const relu = new models.MLP([3, 2], F.relu);
    const x = NDArray.from([0.5, -2, 1, 3], [2, 2]);
    mlp.call(x); relu.call(x);
    relu.layers.forEach((l, k) => { l.W.data = mlp.layers[k].W.data; });
    const h = F.linear(x, mlp.layers[0].W, mlp.layers[0].b);
    const last = mlp.layers[1];
    assert.deepEqual(Array.from(mlp.call(x).data!.values()), Array.from(F.linear(F.sigmoid(h), last.W, last.b).data!.values()));
    assert.deepEqual(Array.from(relu.call(x).data!.values()), Array.from(F.linear(F.relu(h), last.W, last.b).data!.values()));
  });
  it('VGG16(pretrained=True) says it downloads nothing and where to put vgg16.npz', () => {
    assert.throws(() => new models.VGG16(true), (e: unknown) => e instanceof EngineError && e.pyType === 'RuntimeError' &&
      e.message.includes('vgg16.npz') && e.message.includes('does not download') && e.message.includes('next to your script'));
    assert.throws(() => new models.VGG16('weights/vgg16.npz'), (e: unknown) => e instanceof EngineError && e.message.includes('weights/vgg16.npz'));
    assert.throws(() => new models.VGG16('absent.npz', folderSink(tmpdir())), (e: unknown) => e instanceof EngineError &&
      e.message.includes("'absent.npz'") && e.message.includes('does not download'));
    assert.equal([...new models.VGG16().params()].length, 32, '13 conv and 3 fc layers, W and b each');
  });
});
