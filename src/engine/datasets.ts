// dezero.datasets: Dataset (with transforms), Spiral / getSpiral, SinCurve, and MNIST /
// CIFAR10 read from local files in their original formats (nothing is downloaded).
import { EngineError } from './errors';
import { NDArray } from './ndarray';
import { linspace } from './creation';
import { globalRandom } from './np_random';
import { FileSink } from './sink';
import { unary } from './ufunc';
import { inflateGzip } from './gzip';
import { Slice } from './indexing';
import { Compose, Flatten, Normalize, ToFloat } from './transforms';

/** A transform applied to each example or label. */
export type Transform = (x: NDArray) => NDArray;
const identity: Transform = (x) => x;

export interface DatasetOptions { train?: boolean; transform?: Transform | null; targetTransform?: Transform | null }

/** DeZero's Dataset: indexable examples (data[i], label[i]) with transforms. */
export class Dataset {
  train: boolean;
  transform: Transform;
  targetTransform: Transform;
  data: NDArray | null = null;
  label: NDArray | null = null;

  /** `deferPrepare` leaves prepare() to the caller (a Python subclass's __init__ runs it). */
  constructor(opts: DatasetOptions = {}, deferPrepare = false) {
    this.train = opts.train ?? true;
    this.transform = opts.transform ?? identity;
    this.targetTransform = opts.targetTransform ?? identity;
    if (!deferPrepare) this.prepare();
  }

  /** Fills data and label; subclasses override. */
  prepare(): void {}

  get(index: number): [NDArray, NDArray | null] {
    const x = this.transform(this.data!.get(index));
    return [x, this.label === null ? null : this.targetTransform(this.label.get(index))];
  }

  get length(): number { return this.data!.shape[0]; }
}

/**
 * DeZero's get_spiral: 3 arms of 100 points, reseeding the global RandomState with 1984
 * (train) or 2020 (test), then shuffled with a permutation from the same stream.
 */
export function getSpiral(train = true): [NDArray, NDArray] {
  const rng = globalRandom();
  rng.seed(train ? 1984 : 2020);
  const N = 100, C = 3, size = N * C;
  const x = NDArray.empty([size, 2], 'float32'), t = NDArray.empty([size], 'int64');
  for (let j = 0; j < C; j++) {
    for (let i = 0; i < N; i++) {
      const rate = i / N, radius = 1.0 * rate;
      const theta = j * 4.0 + 4.0 * rate + rng.randn().item() * 0.2;
      const ix = N * j + i;
      x.data[ix * 2] = radius * Math.sin(theta);
      x.data[ix * 2 + 1] = radius * Math.cos(theta);
      t.data[ix] = j;
    }
  }
  const perm = rng.permutation(size);
  return [x.get(perm), t.get(perm)];
}

export class Spiral extends Dataset {
  override prepare(): void { [this.data, this.label] = getSpiral(this.train); }
}

/** sin(x) + uniform noise (train) or cos(x) (test) over [0, 2π]; predict the next value. */
export class SinCurve extends Dataset {
  override prepare(): void {
    const n = 1000;
    const x = linspace(0, 2 * Math.PI, n);
    const noise = globalRandom().uniform(-0.05, 0.05, x.shape);
    const y = this.train ? unary('sin', x).add(noise) : unary('cos', x);
    this.data = y.reshape(n, 1).get([sliceTo(-1)]).copy();
    this.label = y.reshape(n, 1).get([sliceFrom(1)]).copy();
  }
}

const sliceTo = (stop: number) => new Slice(null, stop);
const sliceFrom = (start: number) => new Slice(start, null);

function needFile(sink: FileSink | undefined, name: string, what: string): Uint8Array {
  if (!sink || !sink.exists(name)) {
    throw new EngineError('RuntimeError', `${what} needs the file '${name}' next to your script. Gradscope does not download data: ` +
      `copy ${name} (the original, gzip-compressed file) into the script's folder.`);
  }
  return sink.readFile(name);
}

/** Reads an IDX file (MNIST's format) from gzip bytes. */
function readIdx(gz: Uint8Array, name: string): NDArray {
  const b = inflateGzip(gz);
  const dims = b[3];
  if (b[0] !== 0 || b[1] !== 0 || b[2] !== 8 || dims < 1 || dims > 4) throw new EngineError('ValueError', `${name} is not an IDX file of unsigned bytes`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shape = Array.from({ length: dims }, (_, i) => dv.getUint32(4 + 4 * i));
  const start = 4 + 4 * dims;
  return new NDArray(b.slice(start, start + shape.reduce((p, q) => p * q, 1)), shape, 'uint8');
}

/**
 * MNIST from train-images-idx3-ubyte.gz & co. in the script's folder: uint8 images
 * (N, 1, 28, 28) and uint8 labels; by default each image is flattened and scaled to [0, 1].
 */
export class MNIST extends Dataset {
  constructor(opts: DatasetOptions & { files?: FileSink } = {}) {
    super({ ...opts, transform: opts.transform === undefined ? Compose([Flatten(), ToFloat(), Normalize(0, 255)]) : opts.transform });
    const prefix = this.train ? 'train' : 't10k';
    const images = readIdx(needFile(opts.files, `${prefix}-images-idx3-ubyte.gz`, 'MNIST'), 'images');
    const labels = readIdx(needFile(opts.files, `${prefix}-labels-idx1-ubyte.gz`, 'MNIST'), 'labels');
    this.data = images.reshape(-1, 1, 28, 28);
    this.label = labels;
  }
}
