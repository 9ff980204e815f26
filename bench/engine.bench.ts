// Engine workloads of the core issue: (a) scalar chain, (b) 9th derivative of tanh,
// (c) 512×512 matmul, (d) spiral MLP training, (e) 1e6-element add.
import { F, Slice, Variable, datasets, models, np, optimizers } from '../src/engine/index';
import { Row, TF, fmtS, time } from './harness';

function ratio(ours: number, peer: number | null): string {
  return peer === null ? '—' : `${(peer / ours).toFixed(1)}×`;
}

async function scalarChain(tf: TF | null): Promise<Row> {
  const run = () => {
    const x = new Variable(np.array(1.0));
    let y = x;
    for (let i = 0; i < 10000; i++) y = F.add(F.mul(y, 1.0001), 0.0001);
    y.backward();
    return x.grad;
  };
  const ours = (await time(run, 7, 2)).median;
  let peer: number | null = null;
  if (tf) {
    const g = tf.grad((x) => { let y = x; for (let i = 0; i < 10000; i++) y = tf.add(tf.mul(y, 1.0001), 0.0001); return y; });
    peer = (await time(() => tf.tidy(() => g(tf.scalar(1.0)).dataSync()), 3, 1)).median;
  }
  return { name: '(a) 10,000 scalar ops, fwd+bwd', ours: fmtS(ours), peer: peer === null ? 'n/a' : fmtS(peer), ratio: ratio(ours, peer), target: '≤ 0.03 s', met: ours <= 0.03 ? 'yes' : 'NO' };
}

async function tanh9(): Promise<Row> {
  const run = () => {
    const x = new Variable(np.array(1.0));
    F.tanh(x).backward({ createGraph: true });
    for (let n = 1; n < 9; n++) { const gx = x.grad!; x.cleargrad(); gx.backward({ createGraph: true }); }
    return x.grad;
  };
  const ours = (await time(run, 5, 1)).median;
  return { name: '(b) 9th derivative of tanh', ours: fmtS(ours), peer: 'cannot (no create_graph)', ratio: '—', target: '≤ 0.05 s', met: ours <= 0.05 ? 'yes' : 'NO' };
}

async function matmul512(tf: TF | null): Promise<Row> {
  const n = 512;
  const a = np.random.randn(n, n), b = np.random.randn(n, n);
  const run = () => {
    const x = new Variable(a), W = new Variable(b);
    F.sum(F.matmul(x, W)).backward();
    return W.grad;
  };
  const ours = (await time(run, 5, 1)).median;
  const flops = 3 * 2 * n ** 3;
  let peer: number | null = null;
  if (tf) {
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    const g = tf.grads((x, w) => tf.sum(tf.matMul(x, w)));
    peer = (await time(() => tf.tidy(() => { const [gx, gw] = g([ta, tb]); gx.dataSync(); gw.dataSync(); }), 3, 1)).median;
  }
  return {
    name: '(c) 512² matmul fwd+bwd (f64, above the bit-exact size: plain kernel; TF.js f32)', ours: `${fmtS(ours)} = ${(flops / ours / 1e9).toFixed(2)} GFLOP/s`,
    peer: peer === null ? 'n/a' : `${fmtS(peer)} = ${(flops / peer / 1e9).toFixed(2)} GFLOP/s`, ratio: ratio(ours, peer), target: '≥ 1 GFLOP/s', met: flops / ours / 1e9 >= 1 ? 'yes' : 'NO',
  };
}

/** DeZero's spiral training (step 48): MLP((10, 3)), SGD lr 1.0, batch 30, 300 epochs. */
async function spiralMLP(tf: TF | null): Promise<Row> {
  const [x, t] = datasets.getSpiral(true);
  const run = () => {
    const model = new models.MLP([10, 3]);
    const optimizer = new optimizers.SGD(1.0).setup(model);
    let loss = 0;
    for (let epoch = 0; epoch < 300; epoch++) {
      const index = np.random.permutation(300);
      for (let i = 0; i < 10; i++) {
        const bi = index.get(new Slice(i * 30, (i + 1) * 30));
        const l = F.softmaxCrossEntropy(model.call(x.get(bi)), t.get(bi));
        model.cleargrads();
        l.backward();
        optimizer.update();
        loss = l.data!.item();
      }
    }
    return loss;
  };
  const ours = (await time(run, 5, 1)).median;
  let peer: number | null = null;
  if (tf) {
    const xs = tf.tensor2d(Array.from(x.values()), [300, 2]), ts = tf.oneHot(tf.tensor1d(Array.from(t.values()), 'int32'), 3);
    peer = (await time(() => {
      const W1 = tf.variable(tf.randomNormal([2, 10], 0, Math.sqrt(0.5))), b1 = tf.variable(tf.zeros([10]));
      const W2 = tf.variable(tf.randomNormal([10, 3], 0, Math.sqrt(0.1))), b2 = tf.variable(tf.zeros([3]));
      const opt = tf.train.sgd(1.0);
      for (let epoch = 0; epoch < 300; epoch++) {
        const idx = tf.util.createShuffledIndices(300);
        for (let i = 0; i < 10; i++) {
          const bi = tf.tensor1d(Array.from(idx.slice(i * 30, (i + 1) * 30)), 'int32');
          opt.minimize(() => {
            const xb = tf.gather(xs, bi), tb = tf.gather(ts, bi);
            const y = tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(xb, W1), b1)), W2), b2);
            return tf.losses.softmaxCrossEntropy(tb, y) as never;
          });
          bi.dispose();
        }
      }
      [W1, b1, W2, b2].forEach((v) => v.dispose());
    }, 3, 1)).median;
  }
  return { name: '(d) spiral MLP, 300 epochs', ours: fmtS(ours), peer: peer === null ? 'n/a' : fmtS(peer), ratio: ratio(ours, peer), target: '≤ 0.3 s', met: ours <= 0.3 ? 'yes' : 'NO' };
}

async function add1e6(tf: TF | null): Promise<Row> {
  const a = np.random.rand(1_000_000), b = np.random.rand(1_000_000);
  const ours = (await time(() => a.add(b), 21, 3)).median;
  const bytes = 3 * 8 * 1e6;
  let peer: number | null = null;
  if (tf) {
    const ta = tf.randomUniform([1_000_000]), tb = tf.randomUniform([1_000_000]);
    peer = (await time(() => tf.tidy(() => tf.add(ta, tb).dataSync()), 11, 2)).median;
  }
  return {
    name: '(e) 1e6-element add (f64; TF.js f32)', ours: `${fmtS(ours)} = ${(bytes / ours / 1e9).toFixed(2)} GB/s`,
    peer: peer === null ? 'n/a' : `${fmtS(peer)} = ${((bytes / 2) / peer / 1e9).toFixed(2)} GB/s`, ratio: ratio(ours, peer), target: '≥ 1 GB/s', met: bytes / ours / 1e9 >= 1 ? 'yes' : 'NO',
  };
}

export async function engineBenchmarks(tf: TF | null): Promise<Row[]> {
  return [await scalarChain(tf), await tanh9(), await matmul512(tf), await spiralMLP(tf), await add1e6(tf)];
}
