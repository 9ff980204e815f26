// The engine's public surface: NumPy-compatible arrays (np) and DeZero (Variable, F, utils).
import * as F from './functions/index';
import * as utils from './utils';
import * as np from './np';

export { NDArray, type Operand } from './ndarray';
export { type DType, type Scalar } from './dtype';
export { EngineError, type PyErrorType } from './errors';
export { Slice, ELLIPSIS, type Index, type IndexItem } from './indexing';
export {
  Config, usingConfig, configScope, noGrad, testMode, Variable, Parameter, Function, asVariable, asArray,
  type VarLike, type Site, type EngineObserver, type BackwardOptions,
} from './core';
export { F, utils, np };
export * as L from './layers/index';
export * as models from './models';
export * as optimizers from './optimizers';
export * as datasets from './datasets';
export * as transforms from './transforms';
export { DataLoader, SeqDataLoader } from './dataloaders';
export { type FileSink, NO_FILES } from './sink';
