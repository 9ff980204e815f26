// dezero.dataloaders: DataLoader (mini-batches, reshuffled each epoch) and SeqDataLoader
// (parallel strided sequences for truncated BPTT).
import { EngineError } from './errors';
import { NDArray } from './ndarray';
import { arange, array } from './creation';
import { Dataset } from './datasets';
import { globalRandom } from './np_random';
import { Slice } from './indexing';

/** DeZero's DataLoader: iterate for one epoch; the index is redrawn at reset (also at construction). */
export class DataLoader implements Iterable<[NDArray, NDArray]> {
  readonly dataSize: number;
  readonly maxIter: number;
  iteration = 0;
  index: NDArray = arange(0n);

  constructor(readonly dataset: Dataset, readonly batchSize: number, readonly shuffle = true) {
    this.dataSize = dataset.length;
    this.maxIter = Math.ceil(this.dataSize / batchSize);
    this.reset();
  }

  reset(): void {
    this.iteration = 0;
    this.index = this.shuffle ? globalRandom().permutation(this.dataset.length) : arange(BigInt(this.dataset.length));
  }

  /** The next batch, or null (after resetting) when the epoch is over. */
  next(): [NDArray, NDArray] | null {
    if (this.iteration >= this.maxIter) { this.reset(); return null; }
    const i = this.iteration, b = this.batchSize;
    const ids = Array.from(this.index.get(new Slice(i * b, (i + 1) * b)).values());
    this.iteration += 1;
    return this.collate(ids);
  }

  protected collate(ids: number[]): [NDArray, NDArray] {
    const batch = ids.map((k) => this.dataset.get(k));
    const labels = batch.map((e) => e[1]);
    if (labels.some((l) => l === null)) throw new EngineError('TypeError', 'this dataset has no labels to batch');
    return [array(batch.map((e) => e[0])), array(labels as NDArray[])];
  }

  *[Symbol.iterator](): Iterator<[NDArray, NDArray]> {
    for (let b = this.next(); b !== null; b = this.next()) yield b;
  }
}

/** Batches of `batchSize` sequences read in parallel, each advancing one step per batch. */
export class SeqDataLoader extends DataLoader {
  constructor(dataset: Dataset, batchSize: number) { super(dataset, batchSize, false); }

  override next(): [NDArray, NDArray] | null {
    if (this.iteration >= this.maxIter) { this.reset(); return null; }
    const jump = Math.floor(this.dataSize / this.batchSize);
    const ids = Array.from({ length: this.batchSize }, (_, i) => (i * jump + this.iteration) % this.dataSize);
    this.iteration += 1;
    return this.collate(ids);
  }
}
