// dezero.layers (L) and dezero.models: Layer and Model, the built-in layers and networks.
import { klass, method, module, prop, type Glossary } from './define';

const V = 'dezero.Variable';
const P = 'dezero.Parameter';
const LAYER_PATH = 'dezero.Layer';
const MODEL_PATH = 'dezero.Model';

const GLOSSARY: Glossary = {
  out_size: 'Number of output features.',
  in_size: 'Number of input features; None infers it from the first input.',
  nobias: 'Leave out the bias b.',
  dtype: 'Element type of the parameters (np.float32 by default).',
  out_channels: 'Number of output channels (filters).',
  in_channels: 'Number of input channels; None infers it from the first input.',
  kernel_size: 'Filter height and width: an int or a pair.',
  stride: 'Step between windows: an int or a pair.',
  pad: 'Zero padding on each side: an int or a pair.',
  hidden_size: 'Size of the hidden state.',
};


/** dezero.Layer: holds Parameters and sub-layers assigned as attributes. */
export const LAYER = klass(LAYER_PATH, null, 'Base class of layers: Parameters and Layers assigned as attributes are collected, and calling the layer runs forward.', {
  members: [
    method('__call__', '*inputs', 'Runs forward on the inputs and returns its output Variable(s).', { returns: V }),
    method('forward', '*inputs', 'Override this: compute the outputs from the input Variables.'),
    method('params', '', 'Yields every Parameter of this layer and of its sub-layers.'),
    method('cleargrads', '', 'Calls cleargrad() on every Parameter; do it before each backward() when training.'),
    method('to_cpu', '', 'Keeps parameters as NumPy arrays (a no-op in Gradscope).'),
    method('to_gpu', '', 'Would move parameters to CuPy.', { unavailable: 'Gradscope has no GPU: this raises, as DeZero does when CuPy is missing.' }),
    method('save_weights', 'path', 'Saves every parameter to an .npz file (compressed, keys like l1/W) in the script’s folder.'),
    method('load_weights', 'path', 'Loads parameters from an .npz file written by save_weights or NumPy.'),
  ],
});

/** dezero.Model: a Layer that can also draw itself. */
export const MODEL = klass(MODEL_PATH, null, 'A Layer meant as a whole network; plot() draws its computation graph.', {
  bases: [LAYER_PATH],
  members: [
    method('plot', '*inputs, to_file="model.png"', 'Runs forward on inputs and writes the graph of the result to to_file.', { args: { to_file: 'Output file; .dot writes DOT text, .png and .svg are rendered.' } }),
  ],
});

const layer = (name: string, params: string, doc: string, members = [] as ReturnType<typeof prop>[]) =>
  klass(`dezero.layers.${name}`, params, doc, { bases: [LAYER_PATH], glossary: GLOSSARY, members });

const WB = [prop('W', 'The weight Parameter (None until the input size is known).', P), prop('b', 'The bias Parameter, or None with nobias=True.', P)];
const STATE = [
  method('reset_state', '', 'Forgets the hidden state, so the next call starts a new sequence.'),
  prop('h', 'The hidden state from the last call (None after reset_state()).', V),
];

/** dezero.layers, usually imported as L. */
export const LAYERS = module('dezero.layers', 'Layers that own their Parameters: create them once, call them like functions.', [
  LAYER,
  layer('Linear', 'out_size, nobias=False, dtype=np.float32, in_size=None', 'Fully connected layer: y = x @ W + b.', [...WB, prop('in_size', 'Input features (None until known).'), prop('out_size', 'Output features.')]),
  layer('Conv2d', 'out_channels, kernel_size, stride=1, pad=0, nobias=False, dtype=np.float32, in_channels=None', '2-D convolution layer over (N, C, H, W) batches.', WB),
  layer('Deconv2d', 'out_channels, kernel_size, stride=1, pad=0, nobias=False, dtype=np.float32, in_channels=None', 'Transposed 2-D convolution layer, which upsamples.', WB),
  layer('RNN', 'hidden_size, in_size=None', 'Elman recurrent layer: h = tanh(x @ Wx + h @ Wh + b), one time step per call.', STATE),
  layer('LSTM', 'hidden_size, in_size=None', 'Long short-term memory layer, one time step per call.', [...STATE, prop('c', 'The cell state from the last call.', V)]),
  layer('EmbedID', 'in_size, out_size', 'Looks up one row of W per integer id.', [prop('W', 'The embedding matrix, one row per id.', P)]),
  layer('BatchNorm', '', 'Batch normalisation with learned scale and shift and running statistics for test mode.'),
], { closed: 'all', glossary: GLOSSARY });

const model = (name: string, params: string, doc: string, o: { unavailable?: string; args?: Glossary } = {}) =>
  klass(`dezero.models.${name}`, params, doc, { bases: [MODEL_PATH], ...o });
const NO_RESNET = 'Gradscope does not provide it (it raises NotImplementedError); VGG16 and your own Models are available.';

/** dezero.models. */
export const MODELS = module('dezero.models', 'Ready-made networks and the Model base class.', [
  MODEL,
  model('Sequential', '*layers', 'Calls the given layers one after another.', { args: { layers: 'Layers (or callables) applied in order.' } }),
  model('MLP', 'fc_output_sizes, activation=F.sigmoid', 'Multi-layer perceptron: Linear layers of the given sizes with the activation between them.', {
    args: { fc_output_sizes: 'Output size of each Linear layer, e.g. (10, 1).', activation: 'Applied after every layer but the last.' },
  }),
  model('VGG16', 'pretrained=False', 'The 16-layer VGG image classifier.', { args: { pretrained: 'Load weights from a local vgg16.npz (Gradscope does not download).' } }),
  model('ResNet', 'n_layers=152, pretrained=False', 'Residual network.', { unavailable: NO_RESNET }),
  model('ResNet50', 'pretrained=False', '50-layer residual network.', { unavailable: NO_RESNET }),
  model('ResNet101', 'pretrained=False', '101-layer residual network.', { unavailable: NO_RESNET }),
  model('ResNet152', 'pretrained=False', '152-layer residual network.', { unavailable: NO_RESNET }),
  model('SqueezeNet', 'pretrained=False', 'The SqueezeNet image classifier.', { unavailable: NO_RESNET }),
], { closed: 'all' });
