// Array kernels of DeZero's functions_conv: im2col / col2im (_im2col_array / _col2im_array),
// and the conv2d, deconv2d and conv2d-grad-W products they feed, one image at a time over
// reused float64 buffers.
import { DType, Storage, isFloat, promote } from './dtype';
import { shapeStr, valueError } from './errors';
import { NDArray } from './ndarray';
import { binary } from './ufunc';
import { sameShape } from './shape';
import { Pair, check4d, checkGeometry, getConvOutsize, getDeconvOutsize, pair } from './conv_utils';
import { float64Values, gemmAcc, gemmAccNT, tensordot } from './tensordot';

/** One convolution's sizes: image C×H×W, kernel KH×KW, strides, paddings, output OH×OW. */
export interface ConvGeom { C: number; H: number; W: number; KH: number; KW: number; SH: number; SW: number; PH: number; PW: number; OH: number; OW: number }

/** The geometry of sliding `kernelSize` over images of `imgShape` (N, C, H, W). */
export function convGeom(op: string, imgShape: readonly number[], kernelSize: Pair, stride: Pair, pad: Pair): ConvGeom {
  check4d(imgShape, `${op}: the image`, '(N, C, H, W)');
  const [, C, H, W] = imgShape;
  const [KH, KW] = pair(kernelSize), [SH, SW] = pair(stride), [PH, PW] = pair(pad);
  const OH = getConvOutsize(H, KH, SH, PH), OW = getConvOutsize(W, KW, SW, PW);
  checkGeometry(op, imgShape, [KH, KW], [SH, SW], [OH, OW]);
  return { C, H, W, KH, KW, SH, SW, PH, PW, OH, OW };
}

/** Strides of element (c, kh, kw, oh, ow) within one image's columns, and the image's size. */
interface ColStrides { c: number; j: number; i: number; oh: number; ow: number; image: number }

/** DeZero's layouts: (N, C, KH, KW, OH, OW), or with to_matrix (N·OH·OW, C·KH·KW). */
function colStrides(g: ConvGeom, toMatrix: boolean): ColStrides {
  const K = g.KH * g.KW, P = g.OH * g.OW;
  return toMatrix
    ? { c: K, j: g.KW, i: 1, oh: g.OW * g.C * K, ow: g.C * K, image: P * g.C * K }
    : { c: K * P, j: g.KW * P, i: P, oh: g.OW, ow: 1, image: g.C * K * P };
}

/** First output column whose input column i − P + S·o is ≥ 0. */
const firstInside = (i: number, P: number, S: number, O: number) => Math.min(O, Math.max(0, Math.ceil((P - i) / S)));
/** One past the last output column whose input column is < size. */
const endInside = (i: number, P: number, S: number, O: number, size: number, lo: number) =>
  Math.max(lo, Math.min(O, Math.floor((size - 1 + P - i) / S) + 1));

/**
 * Writes the columns of one C×H×W image (at `so` in src) to dst at d0: element (c, j, i, oh, ow)
 * is the padded image at row j + SH·oh, column i + SW·ow (zero in the padding).
 */
export function im2colImage(src: Storage, so: number, dst: Storage, d0: number, g: ConvGeom, L: ColStrides): void {
  const { C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
  const sow = L.ow;
  for (let c = 0; c < C; c++) {
    const plane = so + c * H * W;
    for (let j = 0; j < KH; j++) {
      for (let i = 0; i < KW; i++) {
        const lo = firstInside(i, PW, SW, OW), hi = endInside(i, PW, SW, OW, W, lo);
        const base = d0 + c * L.c + j * L.j + i * L.i;
        for (let oh = 0; oh < OH; oh++) {
          const y = j - PH + SH * oh;
          let d = base + oh * L.oh, ow = 0;
          if (y >= 0 && y < H) {
            const row = plane + y * W + i - PW;
            for (; ow < lo; ow++, d += sow) dst[d] = 0;
            for (; ow < hi; ow++, d += sow) dst[d] = src[row + SW * ow];
          }
          for (; ow < OW; ow++, d += sow) dst[d] = 0;
        }
      }
    }
  }
}

/**
 * Adds one image's columns (at c0 in col) into the C×H×W image at `io`, dropping the padding.
 * Each pixel receives its terms in (kh, kw) order, as DeZero's `img[...] += col[...]` loop.
 */
export function col2imImage(col: Storage, c0: number, img: Storage, io: number, g: ConvGeom, L: ColStrides): void {
  const { C, H, W, KH, KW, SH, SW, PH, PW, OH, OW } = g;
  const sow = L.ow;
  for (let c = 0; c < C; c++) {
    const plane = io + c * H * W;
    for (let j = 0; j < KH; j++) {
      for (let i = 0; i < KW; i++) {
        const lo = firstInside(i, PW, SW, OW), hi = endInside(i, PW, SW, OW, W, lo);
        const base = c0 + c * L.c + j * L.j + i * L.i;
        for (let oh = 0; oh < OH; oh++) {
          const y = j - PH + SH * oh;
          if (y < 0 || y >= H) continue;
          const row = plane + y * W + i - PW;
          let s = base + oh * L.oh + lo * sow;
          for (let ow = lo; ow < hi; ow++, s += sow) img[row + SW * ow] += col[s];
        }
      }
    }
  }
}

/** DeZero's _im2col_array: (N, C, KH, KW, OH, OW), or (N·OH·OW, C·KH·KW) with toMatrix. */
export function im2colArray(img: NDArray, kernelSize: Pair, stride: Pair, pad: Pair, toMatrix = true): NDArray {
  const g = convGeom('im2col', img.shape, kernelSize, stride, pad);
  const N = img.shape[0], L = colStrides(g, toMatrix);
  const shape = toMatrix ? [N * g.OH * g.OW, g.C * g.KH * g.KW] : [N, g.C, g.KH, g.KW, g.OH, g.OW];
  const out = NDArray.empty(shape, img.dtype);
  const src = img.values(), chw = g.C * g.H * g.W;
  for (let n = 0; n < N; n++) im2colImage(src, n * chw, out.data, n * L.image, g, L);
  return out;
}

/** DeZero's _col2im_array: sums columns back into images of `imgShape`, in col's dtype. */
export function col2imArray(col: NDArray, imgShape: readonly number[], kernelSize: Pair, stride: Pair, pad: Pair, toMatrix = true): NDArray {
  const g = convGeom('col2im', imgShape, kernelSize, stride, pad);
  const N = imgShape[0], L = colStrides(g, toMatrix);
  const want = toMatrix ? [N, g.OH, g.OW, g.C, g.KH, g.KW] : [N, g.C, g.KH, g.KW, g.OH, g.OW];
  if (toMatrix ? col.size !== N * L.image : !sameShape(col.shape, want)) {
    throw valueError(`col2im: columns of shape ${shapeStr(col.shape)} do not fit images of shape ${shapeStr(imgShape)}: expected ${shapeStr(want)}`);
  }
  // bool += bool is a logical or in NumPy: sum as ints, then cast back.
  if (col.dtype === 'bool') return col2imArray(col.astype('int64'), imgShape, kernelSize, stride, pad, toMatrix).astype('bool');
  const out = NDArray.empty(imgShape, col.dtype);
  const src = col.values(), chw = g.C * g.H * g.W;
  for (let n = 0; n < N; n++) col2imImage(src, n * L.image, out.data, n * chw, g, L);
  return out;
}

function channelError(op: string, x: NDArray, W: NDArray, expect: number): never {
  throw valueError(`${op}: x of shape ${shapeStr(x.shape)} has ${x.shape[1]} channels but W of shape ${shapeStr(W.shape)} expects ${expect}`);
}

/** `y += b` where y is NCHW and b broadcasts against `view` (DeZero's layout of y at that point). */
function addBias(y: NDArray, b: NDArray, view: NDArray): void {
  const [N, OC, OH, OW] = y.shape;
  if (b.ndim === 1 && b.shape[0] === OC) {
    const o = y.data, bv = b.values(), P = OH * OW;
    for (let n = 0, p = 0; n < N; n++) {
      for (let c = 0; c < OC; c++) { const v = bv[c]; for (let k = 0; k < P; k++, p++) o[p] += v; }
    }
  } else binary('add', view, b, view);
}

/** Copies float64 results into an NDArray of `dtype` at image n. */
function store(y: NDArray, acc: Float64Array, at: number): void {
  (y.data as Float64Array).set(acc, at);
}

/**
 * Conv2d.forward: `tensordot(im2col(x), W, ((1,2,3),(1,2,3))) + b`, rolled to (N, OC, OH, OW).
 * Each image's product is W (OC × C·KH·KW) times its columns (C·KH·KW × OH·OW).
 */
export function conv2dArray(x: NDArray, W: NDArray, b: NDArray | null, stride: Pair, pad: Pair): NDArray {
  check4d(x.shape, 'conv2d: x', '(N, C, H, W)');
  check4d(W.shape, 'conv2d: W', '(OC, C, KH, KW)');
  if (x.shape[1] !== W.shape[1]) channelError('conv2d', x, W, W.shape[1]);
  const [N, C, H, Wd] = x.shape, [OC, , KH, KW] = W.shape;
  const g = convGeom('conv2d', x.shape, [KH, KW], stride, pad);
  const dtype: DType = promote(x.dtype, W.dtype);
  if (!isFloat(dtype)) {
    const t = tensordot(im2colArray(x, [KH, KW], stride, pad, false), W, [[1, 2, 3], [1, 2, 3]]);
    if (b !== null) binary('add', t, b, t);
    return t.transpose([0, 3, 1, 2]).copy();
  }
  const CK = C * KH * KW, P = g.OH * g.OW, L = colStrides(g, false);
  const w = float64Values(W), xs = x.values();
  const col = new Float64Array(CK * P), acc = new Float64Array(OC * P);
  const y = NDArray.empty([N, OC, g.OH, g.OW], dtype);
  for (let n = 0; n < N; n++) {
    im2colImage(xs, n * C * H * Wd, col, 0, g, L);
    acc.fill(0);
    gemmAcc(w, 0, col, 0, acc, 0, OC, CK, P);
    store(y, acc, n * OC * P);
  }
  if (b !== null) addBias(y, b, y.transpose([0, 2, 3, 1]));
  return y;
}

/**
 * Deconv2d.forward: `col2im(rollaxis(tensordot(W, x, (0, 1)), 3)) + b`. Each image's columns
 * are Wᵀ (OC·KH·KW × C) times the image (C × H·W).
 */
export function deconv2dArray(x: NDArray, W: NDArray, b: NDArray | null, stride: Pair, pad: Pair, outsize: Pair | null = null): NDArray {
  check4d(x.shape, 'deconv2d: x', '(N, C, H, W)');
  check4d(W.shape, 'deconv2d: W', '(C, OC, KH, KW)');
  if (x.shape[1] !== W.shape[0]) channelError('deconv2d', x, W, W.shape[0]);
  const [N, C, H, Wd] = x.shape, [, OC, KH, KW] = W.shape;
  const [SH, SW] = pair(stride), [PH, PW] = pair(pad);
  const [outH, outW] = outsize === null ? [getDeconvOutsize(H, KH, SH, PH), getDeconvOutsize(Wd, KW, SW, PW)] : pair(outsize);
  const imgShape = [N, OC, outH, outW];
  const g = convGeom('deconv2d', imgShape, [KH, KW], stride, pad);
  if (g.OH !== H || g.OW !== Wd) {
    throw valueError(`deconv2d: output size (${outH}, ${outW}) makes a (${g.OH}, ${g.OW}) grid of windows, but x of shape ${shapeStr(x.shape)} has (${H}, ${Wd})`);
  }
  const dtype: DType = promote(W.dtype, x.dtype);
  let y: NDArray;
  if (!isFloat(dtype)) {
    const gcol = tensordot(W, x, [0, 1]).transpose([3, 0, 1, 2, 4, 5]);
    y = col2imArray(gcol, imgShape, [KH, KW], stride, pad, false);
  } else {
    const R = OC * KH * KW, P = H * Wd, img = OC * outH * outW, L = colStrides(g, false);
    const w = float64Values(W), wT = new Float64Array(R * C);
    for (let c = 0; c < C; c++) for (let r = 0; r < R; r++) wT[r * C + c] = w[c * R + r];
    const xf = float64Values(x), gcol = new Float64Array(R * P), acc = new Float64Array(img);
    y = NDArray.empty(imgShape, dtype);
    for (let n = 0; n < N; n++) {
      gcol.fill(0);
      gemmAcc(wT, 0, xf, n * C * P, gcol, 0, R, C, P);
      acc.fill(0);
      col2imImage(gcol, 0, acc, 0, g, L);
      store(y, acc, n * img);
    }
  }
  if (b !== null) {
    const bb = b.reshape(1, b.size, 1, 1);
    if (isFloat(dtype) && b.size === OC) addBias(y, bb.reshape(OC), y);
    else binary('add', y, bb, y);
  }
  return y;
}

/**
 * Conv2DGradW.forward: `tensordot(gy, im2col(x), ((0,2,3),(0,4,5)))`, the (OC, C, KH, KW)
 * gradient of the filters: the sum over images of gy (OC × OH·OW) times columnsᵀ.
 */
export function conv2dGradWArray(x: NDArray, gy: NDArray, kernelSize: Pair, stride: Pair, pad: Pair): NDArray {
  check4d(x.shape, 'conv2d_grad_w: x', '(N, C, H, W)');
  check4d(gy.shape, 'conv2d_grad_w: gy', '(N, OC, OH, OW)');
  const g = convGeom('conv2d_grad_w', x.shape, kernelSize, stride, pad);
  const [N, C, H, Wd] = x.shape, OC = gy.shape[1];
  if (gy.shape[0] !== N || gy.shape[2] !== g.OH || gy.shape[3] !== g.OW) {
    throw valueError(`conv2d_grad_w: gy of shape ${shapeStr(gy.shape)} does not match x of shape ${shapeStr(x.shape)}: expected (${N}, OC, ${g.OH}, ${g.OW})`);
  }
  const dtype: DType = promote(gy.dtype, x.dtype);
  if (!isFloat(dtype)) return tensordot(gy, im2colArray(x, kernelSize, stride, pad, false), [[0, 2, 3], [0, 4, 5]]);
  const CK = C * g.KH * g.KW, P = g.OH * g.OW, L = colStrides(g, false);
  const xs = x.values(), gyf = float64Values(gy);
  const col = new Float64Array(CK * P), acc = new Float64Array(OC * CK);
  for (let n = 0; n < N; n++) {
    im2colImage(xs, n * C * H * Wd, col, 0, g, L);
    gemmAccNT(gyf, n * OC * P, col, 0, acc, 0, OC, P, CK);
  }
  const gW = NDArray.empty([OC, C, g.KH, g.KW], dtype);
  store(gW, acc, 0);
  return gW;
}
