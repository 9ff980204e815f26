// Layers: RNN (Elman, tanh) and LSTM, with reset_state.
import { Variable, VarLike, add, mul } from '../core';
import * as F from '../functions/index';
import { Layer } from './layer';
import { Linear } from './basic';

/** Elman RNN: h = tanh(x·Wx + b + h·Wh), the h·Wh term from the second step on. */
export class RNN extends Layer {
  h: Variable | null = null;
  /**
   * DeZero builds h2h with `in_size=in_size`, so an RNN given an in_size other than
   * hidden_size fails at its second step; h2h takes hidden_size inputs here. Whenever
   * DeZero's version works (in_size None or equal to hidden_size) both draw the same weights.
   */
  constructor(hiddenSize: number, inSize: number | null = null) {
    super();
    this.setAttr('x2h', new Linear(hiddenSize, { inSize }));
    this.setAttr('h2h', new Linear(hiddenSize, { inSize: inSize === null ? null : hiddenSize, nobias: true }));
  }
  resetState(): void { this.h = null; }
  forward(x: VarLike): Variable {
    const x2h = this.attr<Linear>('x2h'), h2h = this.attr<Linear>('h2h');
    const hNew = this.h === null ? F.tanh(x2h.call(x)) : F.tanh(add(x2h.call(x), h2h.call(this.h)));
    this.h = hNew;
    return hNew;
  }
}

/** LSTM: gates f, i, o and candidate u from x (and h after the first step); c = f·c + i·u, h = o·tanh(c). */
export class LSTM extends Layer {
  h: Variable | null = null;
  c: Variable | null = null;
  constructor(hiddenSize: number, inSize: number | null = null) {
    super();
    const H = hiddenSize, I = inSize;
    for (const g of ['f', 'i', 'o', 'u']) this.setAttr(`x2${g}`, new Linear(H, { inSize: I }));
    for (const g of ['f', 'i', 'o', 'u']) this.setAttr(`h2${g}`, new Linear(H, { inSize: H, nobias: true }));
  }
  resetState(): void { this.h = null; this.c = null; }

  private gate(g: string, x: VarLike): Variable {
    const xg = this.attr<Linear>(`x2${g}`).call(x);
    return this.h === null ? xg : add(xg, this.attr<Linear>(`h2${g}`).call(this.h));
  }

  forward(x: VarLike): Variable {
    const f = F.sigmoid(this.gate('f', x));
    const i = F.sigmoid(this.gate('i', x));
    const o = F.sigmoid(this.gate('o', x));
    const u = F.tanh(this.gate('u', x));
    const cNew = this.c === null ? mul(i, u) : add(mul(f, this.c), mul(i, u));
    const hNew = mul(o, F.tanh(cNew));
    this.h = hNew;
    this.c = cNew;
    return hNew;
  }
}
