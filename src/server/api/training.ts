// dezero.optimizers, dezero.datasets, dezero.dataloaders and dezero.transforms.
import { fn, klass, method, module, parseParams, prop, type Glossary, type Item } from './define';

const OPT = 'dezero.optimizers.Optimizer';
const DS = 'dezero.Dataset';
const DL = 'dezero.DataLoader';
const ND = 'numpy.ndarray';

const OPT_GLOSSARY: Glossary = {
  lr: 'Learning rate: the step size.',
  momentum: 'How much of the previous update is kept.',
  eps: 'Small constant that keeps the denominator away from zero.',
  rho: 'Decay rate of the running averages.',
  alpha: 'Learning rate (Adam’s name for it).',
  beta1: 'Decay rate of the running mean of gradients.',
  beta2: 'Decay rate of the running mean of squared gradients.',
};

/** dezero.optimizers.Optimizer. */
export const OPTIMIZER = klass(OPT, null, 'Base class of optimizers: setup(model) picks the parameters, update() moves each one against its gradient.', {
  members: [
    method('setup', 'target', 'Makes target (a Layer or Model) the owner of the parameters to update; returns the optimizer.', { returns: OPT }),
    method('update', '', 'Runs the hooks, then updates every parameter that has a gradient.'),
    method('update_one', 'param', 'Override this: update one Parameter from its .grad.'),
    method('add_hook', 'f', 'Adds a function called with the parameter list before each update (weight decay, gradient clipping).'),
    prop('target', 'The Layer or Model given to setup().'),
    prop('hooks', 'The functions add_hook registered, called in order before each update.'),
  ],
});

/** An optimizer class; each constructor argument is also an attribute that can be changed while training. */
const optimizer = (name: string, params: string, doc: string, extra: Item[] = []) =>
  klass(`dezero.optimizers.${name}`, params, doc, {
    bases: [OPT], glossary: OPT_GLOSSARY,
    members: [...parseParams(params).map((p) => prop(p.name, OPT_GLOSSARY[p.name] ?? `The ${p.name} given to the constructor.`)), ...extra],
  });

/** dezero.optimizers. */
export const OPTIMIZERS = module('dezero.optimizers', 'Update rules that train a model’s parameters from their gradients.', [
  OPTIMIZER,
  optimizer('SGD', 'lr=0.01', 'Plain gradient descent: param -= lr * grad.'),
  optimizer('MomentumSGD', 'lr=0.01, momentum=0.9', 'Gradient descent with a velocity that keeps part of the previous step.'),
  optimizer('AdaGrad', 'lr=0.001, eps=1e-8', 'Scales each parameter’s step down by the square root of its summed squared gradients.'),
  optimizer('AdaDelta', 'rho=0.95, eps=1e-6', 'Adapts steps from running averages of squared gradients and updates; needs no learning rate.'),
  optimizer('Adam', 'alpha=0.001, beta1=0.9, beta2=0.999, eps=1e-8', 'Momentum plus per-parameter step sizes, with bias correction for the early steps.', [
    prop('lr', 'The step size at the current step: alpha with the bias correction applied.'),
    prop('t', 'Number of updates made so far.'),
  ]),
  optimizer('RMSProp', 'lr=0.001, rho=0.9, eps=1e-8', 'Divides each step by a running root mean square of recent gradients.'),
  klass('dezero.optimizers.WeightDecay', 'rate', 'Hook for add_hook(): adds rate * param to each gradient (L2 regularisation).', { args: { rate: 'The decay coefficient.' } }),
  klass('dezero.optimizers.ClipGrad', 'max_norm', 'Hook for add_hook(): rescales all gradients when their total norm exceeds max_norm.', { args: { max_norm: 'Largest allowed gradient norm.' } }),
  klass('dezero.optimizers.FreezeParam', '*layers', 'Hook for add_hook(): clears the gradients of the given layers or parameters so they stay fixed.'),
], { closed: 'all', glossary: OPT_GLOSSARY });

const DS_GLOSSARY: Glossary = {
  train: 'The training split (True) or the test split (False).',
  transform: 'Applied to each input sample when it is read.',
  target_transform: 'Applied to each label when it is read.',
};

/** dezero.Dataset. */
export const DATASET = klass(DS, 'train=True, transform=None, target_transform=None', 'Base class of datasets: prepare() fills data and label; indexing gives (x, t) pairs.', {
  glossary: DS_GLOSSARY,
  members: [
    method('prepare', '', 'Override this: set self.data and self.label.'),
    prop('data', 'All inputs, one row per sample.', ND),
    prop('label', 'All labels (None for unlabelled data).', ND),
    prop('train', 'Whether this is the training split.'),
  ],
});

const dataset = (name: string, doc: string) => klass(`dezero.datasets.${name}`, 'train=True, transform=None, target_transform=None', doc, { bases: [DS], glossary: DS_GLOSSARY });
const NO_DOWNLOAD = 'Gradscope does not provide this dataset (it needs a download); Spiral, SinCurve and local MNIST, CIFAR10 and CIFAR100 files are available.';
const CIFAR_TRANSFORM = 'transform=Compose([ToFloat(), Normalize(mean=0.5, std=0.5)])';

/** dezero.datasets. */
export const DATASETS = module('dezero.datasets', 'Datasets that yield (input, label) pairs.', [
  DATASET,
  dataset('Spiral', 'Three interleaved spirals of 2-D points with class labels 0, 1, 2 (the book’s toy problem).'),
  dataset('SinCurve', 'A noisy sine wave for sequence prediction: each label is the next value.'),
  dataset('MNIST', 'Handwritten digits, 28×28 images with labels 0–9, read from MNIST files beside the script.'),
  klass('dezero.datasets.CIFAR10', `train=True, ${CIFAR_TRANSFORM}, target_transform=None`,
    '32×32 colour images (3, 32, 32) in 10 classes, read from cifar-10-python.tar.gz beside the script. The default transform gives float32 (x − 0.5) / 0.5 of the 0–255 pixel values.', {
      bases: [DS], glossary: DS_GLOSSARY,
      members: [method('labels', '', 'The class names by label: a dict {0: ..., 9: \'truck\'} (static method).')],
    }),
  klass('dezero.datasets.CIFAR100', `train=True, ${CIFAR_TRANSFORM}, target_transform=None, label_type='fine'`,
    '32×32 colour images in 100 classes (20 superclasses), read from cifar-100-python.tar.gz beside the script.', {
      bases: ['dezero.datasets.CIFAR10'], glossary: DS_GLOSSARY,
      args: { label_type: "'fine' for the 100 class labels, 'coarse' for the 20 superclass labels." },
      members: [
        method('labels', "label_type='fine'", 'The superclass names by label for \'coarse\' (a dict); DeZero has no names for \'fine\' and returns [] (static method).'),
        prop('label_type', "'fine' or 'coarse', as given."),
      ],
    }),
  fn('get_spiral', 'train=True', 'The spiral data as a pair of arrays (x, t).', { args: { train: DS_GLOSSARY.train } }),
], {
  closed: 'all',
  missing: { ImageNet: NO_DOWNLOAD, Shakespear: NO_DOWNLOAD, BigData: NO_DOWNLOAD, load_cache_npz: NO_DOWNLOAD, save_cache_npz: NO_DOWNLOAD },
});

/** dezero.DataLoader. */
export const DATALOADER = klass(DL, 'dataset, batch_size, shuffle=True, gpu=False', 'Iterates over a dataset in mini-batches of (x, t) arrays; one pass is an epoch.', {
  args: {
    dataset: 'A Dataset, or anything with len() and indexing.',
    batch_size: 'Samples per mini-batch.',
    shuffle: 'Shuffle the order at the start of every epoch.',
    gpu: 'Ignored in Gradscope (no GPU).',
  },
  members: [
    method('reset', '', 'Starts a new epoch (and reshuffles when shuffle is on).'),
    method('next', '', 'The next mini-batch (x, t).'),
    method('to_cpu', '', 'Keeps batches as NumPy arrays (a no-op in Gradscope).'),
    method('to_gpu', '', 'Would move batches to CuPy (ignored in Gradscope).'),
    prop('iteration', 'Mini-batches served so far in this epoch.'),
    prop('max_iter', 'Mini-batches per epoch.'),
    prop('data_size', 'Number of samples in the dataset.'),
    prop('batch_size', 'Samples per mini-batch.'),
    prop('dataset', 'The dataset being iterated.', DS),
    prop('index', 'Sample order of the current epoch (shuffled when shuffle is on).', ND),
  ],
});

/** dezero.dataloaders. */
export const DATALOADERS = module('dezero.dataloaders', 'Mini-batch iteration over datasets.', [
  DATALOADER,
  klass('dezero.SeqDataLoader', 'dataset, batch_size, gpu=False', 'Mini-batches for time series: each row of a batch follows its own position in the sequence, without shuffling.', {
    bases: [DL], args: { dataset: 'The sequence dataset.', batch_size: 'Parallel sequences per batch.', gpu: 'Ignored in Gradscope (no GPU).' },
  }),
], { closed: 'all' });

const transform = (name: string, params: string, doc: string) => klass(`dezero.transforms.${name}`, params, doc, {
  members: [method('__call__', 'x', 'Applies the transform to one sample.', { returns: ND })],
});
const NO_PIL = 'Gradscope has no image library (PIL), so image transforms are not available.';

/** dezero.transforms. */
export const TRANSFORMS = module('dezero.transforms', 'Callables that preprocess samples as a dataset reads them.', [
  transform('Compose', 'transforms=[]', 'Applies several transforms in order.'),
  transform('Flatten', '', 'Flattens a sample to one dimension.'),
  transform('ToFloat', 'dtype=np.float32', 'Casts a sample to a floating-point type.'),
  transform('AsType', 'dtype=np.float32', 'Casts a sample to the given dtype.'),
  transform('ToInt', 'dtype=int', 'Casts a sample to an integer type.'),
  transform('Normalize', 'mean=0, std=1', 'Subtracts mean and divides by std (scalars or per-channel sequences).'),
], {
  closed: 'all',
  missing: { Convert: NO_PIL, ToArray: NO_PIL, ToPIL: NO_PIL, Resize: NO_PIL, CenterCrop: NO_PIL, RandomHorizontalFlip: NO_PIL },
});
