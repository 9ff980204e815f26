// DeZero's spiral training (MLP((10, 3)), SGD lr 1.0, batch 30, 300 epochs) against the
// reference run of the real DeZero on NumPy 2.4.6: data, initial weights, each epoch's
// permutation and average loss.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { F, Slice, datasets, models, np, optimizers } from '../../src/engine/index';

interface Golden {
  x: number[][]; t: number[]; init_W: { l0: number[][]; l1: number[][] };
  epoch_perms: number[][]; epoch_avg_loss: number[];
  final_params: Record<'l0' | 'l1', { W: number[][]; b: number[] }>;
}
const golden: Golden = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/dezero-spiral-golden.json'), 'utf8'));

const flat = (a: number[][]) => a.flat();

describe('spiral training matches DeZero epoch by epoch', function () {
  this.timeout(60000);
  it('data, initial weights, permutations, 300 average losses, final parameters', () => {
    const [x, t] = datasets.getSpiral(true);
    assert.deepEqual(Array.from(x.values()), flat(golden.x));
    assert.deepEqual(Array.from(t.values()), golden.t);
    assert.equal(x.dtype, 'float32');

    const model = new models.MLP([10, 3]);
    const optimizer = new optimizers.SGD(1.0).setup(model);
    const dataSize = 300, batch = 30, maxIter = Math.ceil(dataSize / batch);
    const losses: number[] = [];
    for (let epoch = 0; epoch < 300; epoch++) {
      const index = np.random.permutation(dataSize);
      assert.deepEqual(Array.from(index.values()), golden.epoch_perms[epoch], `permutation of epoch ${epoch + 1}`);
      let sum = 0;
      for (let i = 0; i < maxIter; i++) {
        const bi = index.get(new Slice(i * batch, (i + 1) * batch));
        const bx = x.get(bi), bt = t.get(bi);
        const y = model.call(bx);
        if (epoch === 0 && i === 0) {
          assert.deepEqual(Array.from(model.layers[0].W.data!.values()), flat(golden.init_W.l0));
          assert.deepEqual(Array.from(model.layers[1].W.data!.values()), flat(golden.init_W.l1));
          assert.equal(model.layers[0].W.data!.dtype, 'float64', 'randn(...).astype(float32) * np.sqrt(1/I) is float64 under NumPy 2');
        }
        const loss = F.softmaxCrossEntropy(y, bt);
        model.cleargrads();
        loss.backward();
        optimizer.update();
        sum += loss.data!.item() * bt.length;
      }
      losses.push(sum / dataSize);
    }
    losses.forEach((l, e) => {
      const g = golden.epoch_avg_loss[e];
      assert.ok(Math.abs(l - g) <= 1e-4 * Math.abs(g), `epoch ${e + 1}: ${l} vs DeZero ${g}`);
    });
    assert.ok(Math.abs(losses[0] - 1.1269415244417917) < 1e-12 * 1.13, `first epoch ${losses[0]}`);
    assert.ok(Math.abs(losses[299] - 0.12958943819809787) <= 1e-4 * 0.13, `last epoch ${losses[299]}`);
    const maxRel = Math.max(...losses.map((l, e) => Math.abs(l - golden.epoch_avg_loss[e]) / golden.epoch_avg_loss[e]));
    console.log(`      largest relative deviation from DeZero over 300 epochs: ${maxRel.toExponential(2)}`);
  });
});
