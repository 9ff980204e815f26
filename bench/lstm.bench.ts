// LSTM workload: one training epoch on SinCurve as DeZero's step 60 runs it — SeqDataLoader
// batch 30 (34 steps of 30 × 1), LSTM(100) + Linear(1), the loss summed over steps,
// backward + unchain_backward + Adam at every 30th step (so one update per epoch; the last
// 4 steps are forward only) — beside TF.js's CPU backend running the same epoch with a
// hand-written LSTM cell (the same 8 matmuls per step) unrolled over the 30-step window
// under tf.train.adam().minimize (variableGrads), the state carried across steps.
import { F, L, SeqDataLoader, Variable, VarLike, datasets, models, np, optimizers } from '../src/engine/index';
import { Row, TF, fmtS, time } from './harness';

const HIDDEN = 100, BATCH = 30, BPTT = 30;

class BetterRNN extends models.Model {
  constructor() {
    super();
    this.setAttr('rnn', new L.LSTM(HIDDEN));
    this.setAttr('fc', new L.Linear(1));
  }
  resetState(): void { this.attr<L.LSTM>('rnn').resetState(); }
  forward(x: VarLike): Variable { return this.attr<L.Linear>('fc').call(this.attr<L.LSTM>('rnn').call(x)); }
}

/** One epoch per timed run, on one model and optimizer (the first, untimed, run draws the weights). */
async function ours(): Promise<number> {
  np.random.seed(0);
  const train = new datasets.SinCurve();
  const loader = new SeqDataLoader(train, BATCH);
  const model = new BetterRNN();
  const optimizer = new optimizers.Adam().setup(model);
  const epoch = () => {
    model.resetState();
    let loss: Variable | null = null, count = 0;
    for (const [x, t] of loader) {
      const l = F.meanSquaredError(model.call(x), t);
      loss = loss === null ? l : F.add(loss, l);
      count += 1;
      if (count % BPTT === 0 || count === train.length) {
        model.cleargrads();
        loss.backward();
        loss.unchainBackward();
        optimizer.update();
      }
    }
    return loss!.data!.item() / count;
  };
  return (await time(epoch, 5, 1)).median;
}

type Tensor2D = import('@tensorflow/tfjs').Tensor2D;
type Scalar = import('@tensorflow/tfjs').Scalar;

async function peer(tf: TF): Promise<number> {
  // The same 34 batches, laid out as tensors once, untimed.
  np.random.seed(0);
  const batches = [...new SeqDataLoader(new datasets.SinCurve(), BATCH)]
    .map(([x, t]) => [tf.tensor2d(Array.from(x.values()), [BATCH, 1]), tf.tensor2d(Array.from(t.values()), [BATCH, 1])]);
  const v = (shape: [number, number], scale: number) => tf.variable(tf.randomNormal(shape, 0, scale));
  const gates = ['f', 'i', 'o', 'u'].map(() => ({ Wx: v([1, HIDDEN], 1), b: tf.variable(tf.zeros([HIDDEN])), Wh: v([HIDDEN, HIDDEN], Math.sqrt(1 / HIDDEN)) }));
  const Wfc = v([HIDDEN, 1], Math.sqrt(1 / HIDDEN)), bfc = tf.variable(tf.zeros([1]));
  const optimizer = tf.train.adam(0.001);
  /** One step from state (h, c), either null at the first step. */
  const step = (x: Tensor2D, h: Tensor2D | null, c: Tensor2D | null) => {
    const [f, i, o, u] = gates.map((g, k) => {
      let z = tf.add(tf.matMul(x, g.Wx), g.b) as Tensor2D;
      if (h) z = tf.add(z, tf.matMul(h, g.Wh));
      return k === 3 ? tf.tanh(z) : tf.sigmoid(z);
    });
    const cNew = (c ? tf.add(tf.mul(f, c), tf.mul(i, u)) : tf.mul(i, u)) as Tensor2D;
    return { h: tf.mul(o, tf.tanh(cNew)) as Tensor2D, c: cNew };
  };
  const mse = (y: Tensor2D, t: Tensor2D): Scalar => tf.div(tf.sum(tf.square(tf.sub(y, t))), BATCH);
  const epoch = () => {
    let h: Tensor2D | null = null, c: Tensor2D | null = null;
    optimizer.minimize(() => {
      let loss: Scalar = tf.scalar(0);
      for (const [x, t] of batches.slice(0, BPTT)) {
        ({ h, c } = step(x, h, c));
        loss = tf.add(loss, mse(tf.add(tf.matMul(h, Wfc), bfc) as Tensor2D, t));
      }
      tf.keep(h!); tf.keep(c!);
      return loss;
    });
    const kept = [h!, c!];
    tf.tidy(() => {
      for (const [x, t] of batches.slice(BPTT)) {
        ({ h, c } = step(x, h, c));
        mse(tf.add(tf.matMul(h, Wfc), bfc) as Tensor2D, t).dataSync();
      }
    });
    tf.dispose(kept);
  };
  return (await time(epoch, 5, 1)).median;
}

/** One DeZero step-60 epoch (f64 in Gradscope: float32 W times NumPy's float64 scale), beside TF.js (f32). */
export async function lstmBenchmark(tf: TF | null): Promise<Row[]> {
  const s = await ours();
  const p = tf ? await peer(tf) : null;
  return [{
    name: '(i) LSTM(100) epoch on SinCurve, batch 30, bptt 30, Adam (f64; TF.js f32, hand-written cell)',
    ours: fmtS(s), peer: p === null ? 'n/a' : fmtS(p), ratio: p === null ? '—' : `${(p / s).toFixed(2)}×`,
    target: '—', met: '—',
  }];
}
