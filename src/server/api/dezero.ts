// The `dezero` package itself: what `import dezero` puts in reach.
import { constant, module } from './define';
import { CORE, CORE_ITEMS } from './dezero_core';
import { FUNCTIONS, FUNCTIONS_CONV } from './functions';
import { LAYER, LAYERS, MODEL, MODELS } from './layers';
import { DATALOADER, DATALOADERS, DATASET, DATASETS, OPTIMIZERS, TRANSFORMS } from './training';
import { CUDA, UTILS } from './utils';

const SEQ_LOADER = DATALOADERS.members!.get('SeqDataLoader')!;

/** dezero. */
export const DEZERO = module('dezero', 'DeZero, the framework of “Deep Learning from Scratch 3”: Variables that record a graph, and everything built on them.', [
  ...CORE_ITEMS, LAYER, MODEL, DATASET, DATALOADER, SEQ_LOADER,
  CORE, FUNCTIONS, FUNCTIONS_CONV, LAYERS, MODELS, OPTIMIZERS, DATASETS, DATALOADERS, TRANSFORMS, UTILS, CUDA,
  constant('__version__', 'The DeZero version Gradscope follows (0.0.13).'),
  constant('is_simple_core', 'False: the full core (dezero/core.py) is in use, not the book’s first-stage core_simple.'),
], { closed: 'all' });
