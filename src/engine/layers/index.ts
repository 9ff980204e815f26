// dezero.layers (L).
export { Layer, type LayerOutput } from './layer';
export { Linear, EmbedID, BatchNorm, type LinearOptions } from './basic';
export { Conv2d, Deconv2d, type ConvOptions, type Pair } from './conv';
export { RNN, LSTM } from './rnn';
