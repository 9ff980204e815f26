// Convolution workload: conv2d forward + backward (gx, gW, gb) on a 32×3×32×32 batch with
// 16 filters of 3×3, stride 1, pad 1, beside TF.js's tf.conv2d under tf.grads (NHWC).
import { F, Variable, np } from '../src/engine/index';
import { Row, TF, fmtS, time } from './harness';

const N = 32, C = 3, H = 32, W = 32, OC = 16, K = 3;
// Multiply-adds of the forward product, and of each of the two backward products.
const FLOPS = 3 * 2 * N * OC * H * W * C * K * K;

function ratio(ours: number, peer: number | null): string {
  return peer === null ? '—' : `${(peer / ours).toFixed(2)}×`;
}

async function ours(dtype: 'float32' | 'float64'): Promise<number> {
  np.random.seed(0);
  const x = np.random.randn(N, C, H, W).astype(dtype);
  const Wt = np.random.randn(OC, C, K, K).mul(Math.sqrt(1 / (C * K * K))).astype(dtype);
  const b = np.zeros([OC], dtype);
  const run = () => {
    const xv = new Variable(x), Wv = new Variable(Wt), bv = new Variable(b);
    F.sum(F.conv2d(xv, Wv, bv, 1, 1)).backward();
    return [xv.grad, Wv.grad, bv.grad];
  };
  return (await time(run, 5, 1)).median;
}

async function peer(tf: TF): Promise<number> {
  // TF.js's CPU conv2d takes NHWC images and [KH, KW, C, OC] filters: lay the data out once,
  // untimed. 'same' is pad 1 for a 3×3 kernel at stride 1 (and TF.js's faster path).
  const x = tf.randomNormal([N, C, H, W]).transpose([0, 2, 3, 1]) as import('@tensorflow/tfjs').Tensor4D;
  const w = tf.randomNormal([OC, C, K, K]).transpose([2, 3, 1, 0]) as import('@tensorflow/tfjs').Tensor4D;
  const b = tf.zeros([OC]);
  const g = tf.grads((xs, ws, bs) => tf.sum(tf.add(tf.conv2d(xs as typeof x, ws as typeof w, 1, 'same'), bs)));
  // Each TF.js run takes seconds (its CPU filter gradient is slow): median of 3.
  return (await time(() => tf.tidy(() => { for (const t of g([x, w, b])) t.dataSync(); }), 3, 1)).median;
}

const gflops = (s: number) => `${(FLOPS / s / 1e9).toFixed(2)} GFLOP/s`;

/** conv2d fwd+bwd in float32 (DeZero's Conv2d layer dtype) and float64, beside TF.js (float32). */
export async function convBenchmark(tf: TF | null): Promise<Row[]> {
  const p = tf ? await peer(tf) : null;
  const rows: Row[] = [];
  for (const dtype of ['float32', 'float64'] as const) {
    const s = await ours(dtype);
    rows.push({
      name: `(h) conv2d fwd+bwd 32×3×32×32, 16×3×3×3, pad 1 (${dtype === 'float32' ? 'f32' : 'f64'}; TF.js f32)`,
      ours: `${fmtS(s)} = ${gflops(s)}`, peer: p === null ? 'n/a' : `${fmtS(p)} = ${gflops(p)}`,
      ratio: ratio(s, p), target: '≥ 1× TF.js', met: p === null ? '—' : s <= p ? 'yes' : 'NO',
    });
  }
  return rows;
}
