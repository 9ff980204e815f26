// dezero.models: Model, Sequential, MLP, and VGG16/ResNet shells whose pretrained weights
// must be supplied as local files (nothing is downloaded).
import { Variable, VarLike } from './core';
import { EngineError } from './errors';
import * as F from './functions/index';
import { Layer, LayerOutput } from './layers/layer';
import { Conv2d, Linear } from './layers/index';
import { FileSink } from './sink';

/** A Layer that is a whole network (DeZero's Model). */
export abstract class Model extends Layer {}

/** Layers applied in order; registered as l0, l1, … */
export class Sequential extends Model {
  readonly layers: Layer[] = [];
  constructor(...layers: Layer[]) {
    super();
    layers.forEach((l, i) => { this.setAttr(`l${i}`, l); this.layers.push(l); });
  }
  forward(x: VarLike): LayerOutput {
    let y: VarLike = x;
    for (const l of this.layers) y = l.call(y);
    return y as Variable;
  }
}

export type Activation = (x: VarLike) => Variable;

/** Fully connected layers with an activation between them (not after the last). */
export class MLP extends Model {
  readonly layers: Linear[] = [];
  constructor(fcOutputSizes: readonly number[], readonly activation: Activation = F.sigmoid) {
    super();
    fcOutputSizes.forEach((n, i) => {
      const l = new Linear(n);
      this.setAttr(`l${i}`, l);
      this.layers.push(l);
    });
  }
  forward(x: VarLike): Variable {
    let y: VarLike = x;
    for (const l of this.layers.slice(0, -1)) y = this.activation(l.call(y));
    return this.layers[this.layers.length - 1].call(y);
  }
}

function pretrainedError(model: string, file: string): EngineError {
  return new EngineError('RuntimeError', `${model}(pretrained=True) needs ${file}, and Gradscope does not download files. ` +
    `Put ${file} (DeZero's released weights) next to your script and pass its path: ${model}(pretrained='${file}').`);
}

/** VGG16 (13 conv + 3 fc layers). `pretrained` is a local .npz path; `true` explains where to put it. */
export class VGG16 extends Model {
  static readonly WEIGHTS_FILE = 'vgg16.npz';
  constructor(pretrained: boolean | string = false, files?: FileSink) {
    super();
    const convs: [string, number][] = [['1_1', 64], ['1_2', 64], ['2_1', 128], ['2_2', 128], ['3_1', 256], ['3_2', 256], ['3_3', 256],
      ['4_1', 512], ['4_2', 512], ['4_3', 512], ['5_1', 512], ['5_2', 512], ['5_3', 512]];
    for (const [n, c] of convs) this.setAttr(`conv${n}`, new Conv2d(c, 3, { stride: 1, pad: 1 }));
    this.setAttr('fc6', new Linear(4096));
    this.setAttr('fc7', new Linear(4096));
    this.setAttr('fc8', new Linear(1000));
    if (pretrained === true) throw pretrainedError('VGG16', VGG16.WEIGHTS_FILE);
    if (typeof pretrained === 'string') {
      if (!files || !files.exists(pretrained)) throw pretrainedError('VGG16', pretrained);
      this.loadWeights(pretrained, files);
    }
  }
  forward(x: VarLike): Variable {
    let y: Variable = x as Variable;
    const block = (names: string[]) => {
      for (const n of names) y = F.relu(this.attr<Conv2d>(`conv${n}`).call(y));
      y = F.pooling(y, 2, 2);
    };
    block(['1_1', '1_2']); block(['2_1', '2_2']); block(['3_1', '3_2', '3_3']); block(['4_1', '4_2', '4_3']); block(['5_1', '5_2', '5_3']);
    y = F.reshape(y, [y.shape[0], -1]);
    y = F.dropout(F.relu(this.attr<Linear>('fc6').call(y)));
    y = F.dropout(F.relu(this.attr<Linear>('fc7').call(y)));
    return this.attr<Linear>('fc8').call(y);
  }
}
