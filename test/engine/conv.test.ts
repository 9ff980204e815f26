// Convolution and pooling (DeZero's functions_conv): forward and backward values against NumPy
// (conv-golden.json, from make_conv_golden.py), output sizes, first- and second-order gradients
// against finite differences, the graphs backward builds, and the error cases.
import assert from 'node:assert/strict';
import { F, NDArray, Variable, EngineError } from '../../src/engine/index';
import { tensordot } from '../../src/engine/tensordot';
import { checkFirstOrder, checkSecondOrder, seeded } from '../helpers/gradcheck';
import { EncodedArray, decodeArray, loadFixture } from './helpers';

type Fn = (...xs: Variable[]) => Variable;
type P = number | number[];
interface GoldenCase {
  name: string; op: string;
  params: { stride: P; pad: P; kernel_size?: P; outsize?: number[] | null };
  inputs: Record<string, EncodedArray>; outputs: Record<string, EncodedArray>;
}
const golden = loadFixture<{ numpy: string; cases: GoldenCase[] }>('conv-golden.json');

/** Same shape and dtype, and every element within atol + rtol·|expected| (0, 0: identical). */
function close(got: NDArray, want: NDArray, what: string, rtol = 1e-13, atol = 1e-13): void {
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  assert.equal(got.dtype, want.dtype, `${what}: dtype`);
  for (let i = 0; i < want.size; i++) {
    const g = got.at(i), w = want.at(i);
    assert.ok(Math.abs(g - w) <= atol + rtol * Math.abs(w), `${what}: element ${i}: ${g} vs NumPy ${w}`);
  }
}

const EXACT = [0, 0] as const;

describe('conv: forward and backward values against NumPy', () => {
  for (const c of golden.cases) {
    const ins = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, decodeArray(v)]));
    const out = (k: string) => decodeArray(c.outputs[k]);
    const { stride, pad } = c.params;
    it(c.name, () => {
      switch (c.op) {
        case 'conv2d': {
          const x = new Variable(ins.x), W = new Variable(ins.W), b = ins.b ? new Variable(ins.b) : null;
          const y = F.conv2d(x, W, b, stride, pad);
          const f32 = ins.x.dtype === 'float32';
          close(y.data!, out('y'), 'y', f32 ? 1e-6 : 1e-13, f32 ? 1e-6 : 1e-13);
          close(F.conv2dSimple(x, W, b, stride, pad).data!, out('y'), 'conv2dSimple y', f32 ? 1e-6 : 1e-13, f32 ? 1e-6 : 1e-13);
          if (!ins.gy) break;
          y.grad = new Variable(ins.gy);
          y.backward();
          close(x.grad!.data!, out('gx'), 'gx');
          close(W.grad!.data!, out('gW'), 'gW');
          if (b) close(b.grad!.data!, out('gb'), 'gb');
          break;
        }
        case 'deconv2d': {
          const y = F.deconv2d(ins.x, ins.W, ins.b ?? null, stride, pad, c.params.outsize ?? null);
          close(y.data!, out('y'), 'y');
          break;
        }
        case 'conv2d_grad_w': {
          const conv = new F.Conv2d(stride, pad);
          conv.apply(ins.x, NDArray.empty([ins.gy.shape[1], ins.x.shape[1], ...c.params.kernel_size as number[]]), null);
          close(new F.Conv2DGradW(conv).call(ins.x, ins.gy).data!, out('gW'), 'gW');
          break;
        }
        case 'im2col': {
          const k = c.params.kernel_size!;
          close(F.im2col(ins.x, k, stride, pad, true).data!, out('matrix'), 'im2col to_matrix', ...EXACT);
          close(F.im2col(ins.x, k, stride, pad, false).data!, out('col'), 'im2col', ...EXACT);
          close(F.col2im(out('matrix'), ins.x.shape, k, stride, pad, true).data!, out('back_matrix'), 'col2im to_matrix', ...EXACT);
          close(F.col2im(out('col'), ins.x.shape, k, stride, pad, false).data!, out('back_col'), 'col2im', ...EXACT);
          break;
        }
        case 'pooling': {
          const k = c.params.kernel_size!;
          const x = new Variable(ins.x);
          const y = F.pooling(x, k, stride, pad);
          close(y.data!, out('y'), 'y', ...EXACT);
          close((y.creator as InstanceType<typeof F.Pooling>).indexes!, out('indexes'), 'indexes', ...EXACT);
          close(F.poolingSimple(x, k, stride, pad).data!, out('y'), 'poolingSimple y', ...EXACT);
          const gy = new Variable(ins.gy);
          y.grad = gy;
          y.backward({ createGraph: true });
          close(x.grad!.data!, out('gx'), 'Pooling2DGrad', ...EXACT);
          const gx = x.grad!;
          x.cleargrad();
          gx.grad = new Variable(ins.ggx);
          gx.backward();
          close(gy.grad!.data!, out('ggy'), 'Pooling2DWithIndexes', ...EXACT);
          close(F.averagePooling(x, k, stride, pad).data!, out('avg'), 'averagePooling', 1e-15, 1e-15);
          break;
        }
        default: assert.fail(`unknown op ${c.op}`);
      }
    });
  }
});

describe('conv: output sizes', () => {
  it('pair, getConvOutsize and getDeconvOutsize follow dezero.utils', () => {
    assert.deepEqual(F.pair(3), [3, 3]);
    assert.deepEqual(F.pair([2, 5]), [2, 5]);
    assert.throws(() => F.pair([1, 2, 3]), (e: unknown) => e instanceof EngineError && e.pyType === 'AssertionError');
    assert.throws(() => F.pair(1.5), (e: unknown) => e instanceof EngineError && e.pyType === 'ValueError');
    assert.equal(F.getConvOutsize(5, 3, 1, 1), 5);
    assert.equal(F.getConvOutsize(7, 3, 2, 1), 4);
    assert.equal(F.getConvOutsize(6, 3, 2, 0), 2);
    assert.equal(F.getConvOutsize(2, 3, 2, 0), 0);
    assert.equal(F.getDeconvOutsize(4, 3, 2, 1), 7);
    assert.equal(F.getDeconvOutsize(3, 2, 2, 0), 6);
  });

  const shapes: [string, () => Variable, number[]][] = [
    ['conv2d 32×32, 3×3, pad 1', () => F.conv2d(NDArray.empty([2, 3, 32, 32]), NDArray.empty([8, 3, 3, 3]), null, 1, 1), [2, 8, 32, 32]],
    ['conv2d 7×9, (3, 2), stride (2, 3), pad (1, 0)', () => F.conv2d(NDArray.empty([1, 2, 7, 9]), NDArray.empty([4, 2, 3, 2]), null, [2, 3], [1, 0]), [1, 4, 4, 3]],
    ['deconv2d 4×4, 3×3, stride 2, pad 1', () => F.deconv2d(NDArray.empty([2, 3, 4, 4]), NDArray.empty([3, 5, 3, 3]), null, 2, 1), [2, 5, 7, 7]],
    ['deconv2d with outsize (8, 8)', () => F.deconv2d(NDArray.empty([2, 3, 4, 4]), NDArray.empty([3, 5, 2, 2]), null, 2, 0, [8, 8]), [2, 5, 8, 8]],
    ['pooling 2×2 stride 2 of 28×28', () => F.pooling(NDArray.empty([1, 4, 28, 28]), 2, 2), [1, 4, 14, 14]],
    ['averagePooling 3×3 stride 2 pad 1 of 7×7', () => F.averagePooling(NDArray.empty([1, 1, 7, 7]), 3, 2, 1), [1, 1, 4, 4]],
    ['im2col to_matrix', () => F.im2col(NDArray.empty([2, 3, 5, 5]), 3, 1, 0, true), [18, 27]],
    ['im2col', () => F.im2col(NDArray.empty([2, 3, 5, 5]), [3, 2], 2, 1, false), [2, 3, 3, 2, 3, 3]],
  ];
  for (const [name, f, want] of shapes) it(name, () => assert.deepEqual(f().shape, want));

  it('Conv2d.backward keeps DeZero\'s deconv2d without outsize: 6×6, 3×3, stride 2 gives a 5×5 gx', () => {
    const x = new Variable(seeded([1, 1, 6, 6], 1)), W = new Variable(seeded([1, 1, 3, 3], 2));
    F.sum(F.conv2d(x, W, null, 2, 0)).backward();
    assert.deepEqual(x.grad!.shape, [1, 1, 5, 5]);
  });
});

const sq = (f: Fn): Fn => (...xs) => { const y = f(...xs); return F.mul(y, y); };

interface GradCase { name: string; f: Fn; inputs: () => NDArray[]; second: boolean }
const x1 = () => seeded([2, 2, 4, 4], 11);
const gradCases: GradCase[] = [
  { name: 'conv2d 3×3 stride 1 pad 1 (x, W, b)', f: (x, W, b) => F.conv2d(x, W, b, 1, 1), inputs: () => [x1(), seeded([3, 2, 3, 3], 12), seeded([3], 13)], second: true },
  { name: 'conv2d 3×3 stride 2 pad 1', f: (x, W, b) => F.conv2d(x, W, b, 2, 1), inputs: () => [seeded([1, 2, 5, 5], 14), seeded([2, 2, 3, 3], 15), seeded([2], 16)], second: true },
  { name: 'conv2d (2, 3) kernel, stride (2, 1), pad (1, 0), no b', f: (x, W) => F.conv2d(x, W, null, [2, 1], [1, 0]), inputs: () => [seeded([1, 2, 6, 4], 17), seeded([2, 2, 2, 3], 18)], second: true },
  { name: 'conv2dSimple 3×3 pad 1', f: (x, W, b) => F.conv2dSimple(x, W, b, 1, 1), inputs: () => [x1(), seeded([3, 2, 3, 3], 12), seeded([3], 13)], second: true },
  { name: 'deconv2d 3×3 stride 2 pad 1 (x, W, b)', f: (x, W, b) => F.deconv2d(x, W, b, 2, 1), inputs: () => [seeded([1, 2, 3, 3], 19), seeded([2, 3, 3, 3], 20), seeded([3], 21)], second: true },
  // Second order would go through Conv2d.backward, whose deconv2d (as in DeZero) has no outsize.
  { name: 'deconv2d (2, 3) kernel with outsize', f: (x, W) => F.deconv2d(x, W, null, 2, 0, [7, 8]), inputs: () => [seeded([1, 2, 3, 3], 22), seeded([2, 2, 2, 3], 23)], second: false },
  { name: 'pooling 2×2 stride 2', f: (x) => F.pooling(x, 2, 2), inputs: () => [x1()], second: true },
  { name: 'pooling 3×3 stride 2 pad 1', f: (x) => F.pooling(x, 3, 2, 1), inputs: () => [seeded([1, 2, 5, 5], 24)], second: true },
  { name: 'poolingSimple 2×2 stride 2', f: (x) => F.poolingSimple(x, 2, 2), inputs: () => [x1()], second: true },
  { name: 'averagePooling 2×2 stride 2', f: (x) => F.averagePooling(x, 2, 2), inputs: () => [x1()], second: true },
  // DeZero's backward unpacks pair(kernel) as (KW, KH) and fails on a non-square kernel; see pooling.ts.
  { name: 'averagePooling (2, 3) kernel, stride (2, 1)', f: (x) => F.averagePooling(x, [2, 3], [2, 1]), inputs: () => [seeded([1, 2, 4, 5], 29)], second: true },
  { name: 'averagePooling 3×3 stride 1 pad 1', f: (x) => F.averagePooling(x, 3, 1, 1), inputs: () => [seeded([1, 2, 4, 4], 25)], second: true },
  { name: 'im2col to_matrix', f: (x) => F.im2col(x, 3, 1, 1, true), inputs: () => [x1()], second: true },
  { name: 'im2col (2, 3), stride 2', f: (x) => F.im2col(x, [2, 3], 2, 0, false), inputs: () => [seeded([1, 2, 5, 6], 26)], second: true },
  { name: 'col2im to_matrix', f: (c) => F.col2im(c, [2, 2, 4, 4], 3, 1, 1, true), inputs: () => [seeded([32, 18], 27)], second: true },
  { name: 'col2im stride 2', f: (c) => F.col2im(c, [1, 2, 5, 5], 3, 2, 1, false), inputs: () => [seeded([1, 2, 3, 3, 3, 3], 28)], second: true },
];

describe('conv: gradients against finite differences', () => {
  for (const c of gradCases) {
    describe(c.name, () => {
      it('first order, every input', () => checkFirstOrder(c.f, c.inputs()));
      if (!c.second) return;
      const n = c.inputs().length;
      for (let j = 0; j < n; j++) {
        // y² makes the upstream gradient depend on the inputs, so every backward path is exercised.
        it(`second order of d/dx${j} (of y²)`, () => checkSecondOrder(sq(c.f), c.inputs(), { wrt: j }));
      }
      it('second order of d/dx0 (of y itself)', () => checkSecondOrder(c.f, c.inputs(), { wrt: 0 }));
    });
  }
});

describe('conv: the graphs backward builds are DeZero\'s', () => {
  const creators = (v: Variable | null) => v?.creator?.name;

  it('conv2d: Deconv2d for x, Conv2DGradW for W, Sum for b; then Conv2d and Deconv2d again', () => {
    const x = new Variable(x1()), W = new Variable(seeded([3, 2, 3, 3], 12)), b = new Variable(seeded([3], 13));
    F.sum(F.conv2d(x, W, b, 1, 1)).backward({ createGraph: true });
    assert.equal(creators(x.grad), 'Deconv2d');
    assert.equal(creators(W.grad), 'Conv2DGradW');
    assert.equal(creators(b.grad), 'Sum');
    const gW = W.grad!, gx = x.grad!;
    x.cleargrad(); W.cleargrad();
    F.sum(F.mul(gW, gW)).backward({ createGraph: true });
    assert.equal(creators(x.grad), 'Deconv2d');
    x.cleargrad(); W.cleargrad();
    F.sum(F.mul(gx, gx)).backward();
    assert.ok(W.grad && !x.grad);
  });

  it('deconv2d: Conv2d for x, Conv2DGradW for W', () => {
    const x = new Variable(seeded([1, 2, 3, 3], 19)), W = new Variable(seeded([2, 3, 3, 3], 20));
    F.sum(F.deconv2d(x, W, null, 2, 1)).backward({ createGraph: true });
    assert.equal(creators(x.grad), 'Conv2d');
    assert.equal(creators(W.grad), 'Conv2DGradW');
  });

  it('pooling: Pooling2DGrad, then Pooling2DWithIndexes, which (as in DeZero) has no backward', () => {
    const x = new Variable(x1());
    const y = F.pooling(x, 2, 2);
    assert.equal(creators(y), 'Pooling');
    F.sum(F.mul(y, y)).backward({ createGraph: true });
    assert.equal(creators(x.grad), 'Pooling2DGrad');
    const gx = x.grad!;
    x.cleargrad();
    const h = F.sum(F.mul(gx, gx));
    h.backward({ createGraph: true });
    const byName = new Set<string>();
    const walk = (v: Variable) => { if (v.creator && !byName.has(v.creator.name)) { byName.add(v.creator.name); v.creator.inputs.forEach(walk); } };
    walk(x.grad!);
    assert.ok(byName.has('Pooling2DWithIndexes'));
    const ggx = x.grad!;
    x.cleargrad();
    assert.throws(() => F.sum(ggx).backward(), (e: unknown) => e instanceof EngineError && e.pyType === 'NotImplementedError' && e.op === 'Pooling2DWithIndexes.backward');
  });

  it('averagePooling: gy / KH·KW broadcast, reshaped, transposed and summed by Col2im', () => {
    const x = new Variable(x1());
    F.sum(F.averagePooling(x, 2, 2)).backward({ createGraph: true });
    const chain: string[] = [];
    for (let f = x.grad!.creator; f; f = f.inputs[0].creator) chain.push(f.name);
    assert.deepEqual(chain.slice(0, 6), ['Col2im', 'Transpose', 'Reshape', 'BroadcastTo', 'Reshape', 'Div']);
  });

  it('im2col and col2im are each other\'s backward', () => {
    const x = new Variable(x1());
    F.sum(F.im2col(x, 3, 1, 1)).backward({ createGraph: true });
    assert.equal(creators(x.grad), 'Col2im');
    const c = new Variable(seeded([32, 18], 27));
    F.sum(F.col2im(c, [2, 2, 4, 4], 3, 1, 1)).backward({ createGraph: true });
    assert.equal(creators(c.grad), 'Im2col');
  });

  it('conv2dSimple: im2col, Reshape and Transpose of W, Linear, Reshape, Transpose', () => {
    const y = F.conv2dSimple(x1(), seeded([3, 2, 3, 3], 12), seeded([3], 13), 1, 1);
    assert.equal(creators(y), 'Transpose');
    const lin = y.creator!.inputs[0].creator!.inputs[0].creator!;
    assert.equal(lin.name, 'Linear');
    assert.deepEqual(lin.inputs.map((v) => v.creator?.name), ['Im2col', 'Transpose', undefined]);
  });
});

describe('conv: dtypes and helpers', () => {
  it('keeps float32, and integer convolutions are exact int64', () => {
    const y = F.conv2d(seeded([1, 2, 4, 4], 1, -1, 1, 'float32'), seeded([3, 2, 3, 3], 2, -1, 1, 'float32'), null, 1, 1);
    assert.equal(y.dtype, 'float32');
    const xi = NDArray.from(Array.from({ length: 32 }, (_, i) => (i * 7) % 5 - 2), [1, 2, 4, 4], 'int64');
    const Wi = NDArray.from(Array.from({ length: 54 }, (_, i) => (i * 3) % 4 - 1), [3, 2, 3, 3], 'int64');
    const yi = F.conv2d(xi, Wi, null, 1, 1).data!;
    const yf = F.conv2d(xi.astype('float64'), Wi.astype('float64'), null, 1, 1).data!;
    assert.equal(yi.dtype, 'int64');
    close(yi.astype('float64'), yf, 'int64 conv', ...EXACT);
  });

  it('tensordot follows np.tensordot', () => {
    const a = seeded([2, 3, 4], 5), b = seeded([4, 3, 5], 6);
    const t = tensordot(a, b, [[1, 2], [1, 0]]);
    assert.deepEqual(t.shape, [2, 5]);
    for (let i = 0; i < 2; i++) for (let m = 0; m < 5; m++) {
      let s = 0;
      for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) s += a.at(i * 12 + j * 4 + k) * b.at(k * 15 + j * 5 + m);
      assert.ok(Math.abs(t.at(i * 5 + m) - s) < 1e-14);
    }
    assert.deepEqual(tensordot(seeded([2, 3], 1), seeded([3, 4], 2), 1).shape, [2, 4]);
    assert.deepEqual(tensordot(seeded([2, 3], 1), seeded([4], 2), 0).shape, [2, 3, 4]);
    assert.throws(() => tensordot(a, b, [[1], [1, 2]]), /shape-mismatch for sum/);
    assert.throws(() => tensordot(a, b, [[2], [1]]), /shape-mismatch for sum/);
  });
});

describe('conv: errors name the op and the shapes', () => {
  const is = (op: string, ...parts: string[]) => (e: unknown) =>
    e instanceof EngineError && e.pyType === 'ValueError' && e.op === op && parts.every((p) => e.message.includes(p));

  it('conv2d with mismatched channels', () => {
    assert.throws(() => F.conv2d(NDArray.empty([1, 3, 5, 5]), NDArray.empty([2, 4, 3, 3])),
      is('Conv2d.forward', 'conv2d', '(1, 3, 5, 5)', '(2, 4, 3, 3)', '3 channels', 'expects 4'));
  });
  it('deconv2d with mismatched channels', () => {
    assert.throws(() => F.deconv2d(NDArray.empty([1, 3, 5, 5]), NDArray.empty([2, 4, 3, 3])),
      is('Deconv2d.forward', 'deconv2d', '(1, 3, 5, 5)', '(2, 4, 3, 3)', 'expects 2'));
  });
  it('conv2d of a 3-d input', () => {
    assert.throws(() => F.conv2d(NDArray.empty([3, 5, 5]), NDArray.empty([2, 3, 3, 3])), is('Conv2d.forward', 'conv2d', '(3, 5, 5)'));
  });
  it('a kernel larger than the padded input', () => {
    assert.throws(() => F.pooling(NDArray.empty([1, 1, 2, 2]), 5, 1), is('Pooling.forward', 'im2col', '(5, 5)', '(1, 1, 2, 2)'));
  });
  it('a zero stride is Python\'s ZeroDivisionError, as in get_conv_outsize', () => {
    assert.throws(() => F.conv2d(NDArray.empty([1, 1, 4, 4]), NDArray.empty([1, 1, 3, 3]), null, 0),
      (e: unknown) => e instanceof EngineError && e.pyType === 'ZeroDivisionError' && e.op === 'Conv2d.forward');
  });
  it('col2im of columns that do not fit the image', () => {
    assert.throws(() => F.col2im(NDArray.empty([10, 9]), [1, 1, 4, 4], 3), is('Col2im.forward', 'col2im', '(10, 9)', '(1, 1, 4, 4)'));
  });
});
