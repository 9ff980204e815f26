// dezero.transforms for arrays: Compose, Flatten, AsType/ToFloat/ToInt, Normalize.
// (PIL image transforms have no images to work on here and are not provided.)
import { DType } from './dtype';
import { NDArray } from './ndarray';
import type { Transform } from './datasets';

export const Compose = (transforms: Transform[]): Transform => (x) => transforms.reduce((y, t) => t(y), x);
export const Flatten = (): Transform => (x) => x.flatten();
export const AsType = (dtype: DType = 'float32'): Transform => (x) => x.astype(dtype);
export const ToFloat = AsType;
export const ToInt = (dtype: DType = 'int64'): Transform => (x) => x.astype(dtype);

/**
 * (x − mean) / std. A sequence mean or std becomes an array of x's dtype shaped
 * (len, 1, …, 1) against x's first axis — per channel for a (C, H, W) image — as DeZero's
 * Normalize builds it (a one-element sequence is reshaped to x's first length, as there).
 */
export const Normalize = (mean: number | number[] = 0, std: number | number[] = 1): Transform => (x) => {
  const along = (v: number[]): NDArray => {
    const shape = Array<number>(x.ndim).fill(1);
    shape[0] = v.length === 1 ? x.shape[0] : v.length;
    return NDArray.from(v, [v.length], x.dtype).reshape(shape);
  };
  const m = typeof mean === 'number' ? mean : along(mean);
  const s = typeof std === 'number' ? std : along(std);
  return x.sub(m).div(s);
};
