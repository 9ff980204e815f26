// dezero.datasets: Dataset (with transforms), Spiral / getSpiral, SinCurve, and MNIST /
// CIFAR10 / CIFAR100 read from local files in their original formats (nothing is downloaded).
import { EngineError } from './errors';
import { NDArray } from './ndarray';
import { linspace } from './creation';
import { globalRandom } from './np_random';
import { FileSink } from './sink';
import { unary } from './ufunc';
import { inflateGzip } from './gzip';
import { Slice } from './indexing';
import { Compose, Flatten, Normalize, ToFloat } from './transforms';
import { readTarGz, type TarEntry } from './tar';
import { PickleDict, unpickle } from './pickle';
import { libmCos, libmSin } from './libm_trig';

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
      x.data[ix * 2] = radius * libmSin(theta); // np.sin on a float64: the C library's sin
      x.data[ix * 2 + 1] = radius * libmCos(theta);
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

export interface CifarOptions extends DatasetOptions { files?: FileSink }

const CIFAR_IMAGE = 3 * 32 * 32;

/** The pickled dict of the first file in the archive whose path contains `part` (as DeZero picks it). */
function cifarBatch(members: TarEntry[], archive: string, part: string): PickleDict {
  const m = members.find((e) => e.name.includes(part));
  if (!m) throw new EngineError('ValueError', `${archive} has no file named like '${part}'; is it the original archive?`);
  const d = unpickle(m.data);
  if (!(d instanceof PickleDict)) throw new EngineError('ValueError', `${m.name} in ${archive} is not a pickled dict`);
  return d;
}

/** A batch's b'data': uint8 images, one row of 3072 bytes each. */
function cifarImages(d: PickleDict, where: string): NDArray {
  const x = d.get('data');
  if (!(x instanceof NDArray) || x.dtype !== 'uint8' || x.size % CIFAR_IMAGE !== 0) {
    throw new EngineError('ValueError', `${where}: 'data' is not a uint8 array of 3072-byte images`);
  }
  return x;
}

/** A batch's list of int labels under `key`, one per image. */
function cifarLabels(d: PickleDict, key: string, count: number, where: string): number[] {
  const t = d.get(key);
  if (!Array.isArray(t) || t.length !== count || !t.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    throw new EngineError('ValueError', `${where}: '${key}' is not a list of ${count} int labels`);
  }
  return t as number[];
}

/** DeZero's default for CIFAR: float32, then (x - 0.5) / 0.5 (on 0–255 pixel values, as there). */
const cifarTransform = (): Transform => Compose([ToFloat(), Normalize(0.5, 0.5)]);

/**
 * CIFAR-10 from cifar-10-python.tar.gz (the original "python version") in the script's folder.
 * As DeZero builds it: the training set joins data_batch_1 … 5 into float64 images
 * (N, 3, 32, 32); the test set is test_batch's uint8 images; labels are int64 either way.
 */
export class CIFAR10 extends Dataset {
  constructor(opts: CifarOptions = {}) {
    super({ ...opts, transform: opts.transform === undefined ? cifarTransform() : opts.transform });
    this.load(opts);
  }

  /** Fills data and label from the archive; CIFAR100 overrides it. */
  protected load(opts: CifarOptions): void {
    const archive = 'cifar-10-python.tar.gz';
    const members = readTarGz(needFile(opts.files, archive, 'CIFAR10'));
    const batches = this.train ? [1, 2, 3, 4, 5].map((i) => `data_batch_${i}`) : ['test_batch'];
    const images: NDArray[] = [];
    let labels: number[] = [];
    for (const part of batches) {
      const d = cifarBatch(members, archive, part), x = cifarImages(d, part);
      images.push(x);
      labels = labels.concat(cifarLabels(d, 'labels', x.size / CIFAR_IMAGE, part));
    }
    const n = labels.length;
    // DeZero fills np.empty((50000, 3072)) (float64) for training and keeps test_batch's uint8.
    const data = this.train ? NDArray.empty([n, 3, 32, 32], 'float64') : images[0].reshape(n, 3, 32, 32);
    for (let i = 0, at = 0; this.train && i < images.length; at += images[i].size, i++) data.data.set(images[i].data, at);
    this.data = data;
    this.label = NDArray.from(labels, [n], 'int64');
  }
}

/** CIFAR-10's class names as DeZero's CIFAR10.labels() gives them (its spelling of 'airplane' kept). */
export const CIFAR10_LABELS: readonly string[] = ['ariplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** CIFAR-100's 20 superclass names, as DeZero's CIFAR100.labels('coarse') gives them. */
export const CIFAR100_COARSE_LABELS: readonly string[] = [
  'aquatic mammals', 'fish', 'flowers', 'food containers', 'fruit and vegetables', 'household electrical device',
  'household furniture', 'insects', 'large carnivores', 'large man-made outdoor things', 'large natural outdoor scenes',
  'large omnivores and herbivores', 'medium-sized mammals', 'non-insect invertebrates', 'people', 'reptiles',
  'small mammals', 'trees', 'vehicles 1', 'vehicles 2',
];

export type CifarLabelType = 'fine' | 'coarse';

/**
 * CIFAR-100 from cifar-100-python.tar.gz in the script's folder: the 'train' or 'test' file's
 * uint8 images (N, 3, 32, 32) and its fine (100 classes) or coarse (20 superclasses) labels
 * as int64. A `labelType` other than 'fine' or 'coarse' fails DeZero's assert (AssertionError).
 */
export class CIFAR100 extends CIFAR10 {
  declare labelType: CifarLabelType;

  constructor(opts: CifarOptions & { labelType?: string } = {}) { super(opts); }

  protected override load(opts: CifarOptions & { labelType?: string }): void {
    const type = opts.labelType ?? 'fine';
    if (type !== 'fine' && type !== 'coarse') throw new EngineError('AssertionError', `CIFAR100: label_type must be 'fine' or 'coarse', not '${type}'`);
    this.labelType = type;
    const archive = 'cifar-100-python.tar.gz', part = this.train ? 'train' : 'test';
    const d = cifarBatch(readTarGz(needFile(opts.files, archive, 'CIFAR100')), archive, part);
    const x = cifarImages(d, part), n = x.size / CIFAR_IMAGE;
    this.data = x.reshape(n, 3, 32, 32);
    this.label = NDArray.from(cifarLabels(d, `${type}_labels`, n, part), [n], 'int64');
  }
}
