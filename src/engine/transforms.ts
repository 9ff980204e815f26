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

/** (x − mean) / std, with per-channel values broadcast over (C, H, W) as DeZero does. */
export const Normalize = (mean: number | number[] = 0, std: number | number[] = 1): Transform => (x) => {
  const shape = x.ndim === 3 ? [x.shape[0], 1, 1] : null;
  const m = typeof mean === 'number' ? mean : NDArray.from(mean, shape ?? [mean.length]);
  const s = typeof std === 'number' ? std : NDArray.from(std, shape ?? [std.length]);
  return x.sub(m).div(s);
};
