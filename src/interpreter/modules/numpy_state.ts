// The numpy module's settings: print options and the array size cap.
//
// NumPy keeps print options per process; here they are reset each time an interpreter
// builds its numpy module (each run is a fresh process as far as the script can tell).
// ndarray methods live on one shared class, so they read the settings from here rather
// than from the interpreter.
import { DType } from '../../engine/dtype';
import { shapeStr } from '../../engine/errors';
import { DEFAULT_PRINT_OPTIONS, PrintOptions } from '../../engine/format';
import { PyValue } from '../objects';
import { pyErr } from '../pyerrors';

/** Print options, with the threshold also as the Python value given (get_printoptions shows it). */
export interface NpPrintOptions extends PrintOptions { thresholdValue: PyValue }

const defaults = (): NpPrintOptions => ({ ...DEFAULT_PRINT_OPTIONS, thresholdValue: BigInt(DEFAULT_PRINT_OPTIONS.threshold) });

/** Settings of the numpy module in the running interpreter. */
export const npSettings: { print: NpPrintOptions; maxElements: number } = {
  print: defaults(),
  maxElements: 5e7,
};

/** Fresh settings for a new interpreter's numpy module. */
export function resetNpSettings(maxElements: number): void {
  npSettings.print = defaults();
  npSettings.maxElements = maxElements;
}

/** MemoryError when an array of `shape` would exceed the interpreter's element cap. */
export function checkElements(shape: readonly number[], dtype: DType = 'float64'): void {
  let n = 1;
  for (const d of shape) n *= d;
  if (n > npSettings.maxElements) {
    throw pyErr('MemoryError', `Unable to allocate an array with shape ${shapeStr(shape)} and data type ${dtype}: `
      + `${n} elements exceed Gradscope's limit of ${npSettings.maxElements} elements per array`);
  }
}
