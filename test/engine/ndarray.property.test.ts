// Properties over random shapes (fast-check): reductions against naive sums, transpose and
// reshape round trips, broadcasting against explicit loops, slicing against Python's rules.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NDArray } from '../../src/engine/ndarray';
import { Slice } from '../../src/engine/indexing';
import { binary } from '../../src/engine/ufunc';
import { reduce } from '../../src/engine/reduce';

const dims = (min: number, max: number) => fc.array(fc.integer({ min: 1, max: 5 }), { minLength: min, maxLength: max });

/** An array of `shape` with values of varied magnitude, from a seed. */
function filled(shape: readonly number[], seed: number, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, (_, i) => Math.sin(seed * 7.1 + i * 1.7) * 10 ** ((i * 3 + seed) % 7 - 3));
  return NDArray.from(v, shape, dtype);
}

/** Multi-index of flat C-order position k. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) { idx[d] = k % shape[d]; k = Math.floor(k / shape[d]); }
  return idx;
}

function valueAt(a: NDArray, idx: readonly number[]): number {
  let off = a.offset;
  idx.forEach((i, d) => { off += i * a.strides[d]; });
  return a.data[off];
}

describe('ndarray properties', () => {
  it('sum over any axes matches a naive float64 sum (contiguous and transposed, keepdims)', () => {
    fc.assert(fc.property(dims(1, 4), fc.nat(), fc.boolean(), fc.boolean(), (shape, seed, transposed, keepdims) => {
      const base = filled(shape, seed);
      const a = transposed ? base.transpose() : base;
      const axes = a.shape.map((_, i) => i).filter((i) => (seed >> i) & 1);
      const s = reduce('sum', a, axes, keepdims);
      const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
      const naive = new Map<string, { sum: number; abs: number }>();
      for (let k = 0; k < a.size; k++) {
        const idx = unravel(k, a.shape);
        const key = kept.map((i) => idx[i]).join(',');
        const e = naive.get(key) ?? { sum: 0, abs: 0 };
        const v = valueAt(a, idx);
        e.sum += v; e.abs += Math.abs(v);
        naive.set(key, e);
      }
      assert.deepEqual(s.shape, keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept.map((i) => a.shape[i]));
      const flatKept = kept.map((i) => a.shape[i]);
      for (let k = 0; k < s.size; k++) {
        const e = naive.get(unravel(k, flatKept).join(','))!;
        assert.ok(Math.abs(s.at(k) - e.sum) <= 1e-13 * e.abs, `${s.at(k)} vs ${e.sum}`);
      }
    }), { numRuns: 300 });
  });

  it('float32 sums are within float32 rounding of the float64 sum', () => {
    fc.assert(fc.property(dims(1, 3), fc.nat(), (shape, seed) => {
      const a = filled(shape, seed, 'float32');
      const s = reduce('sum', a, null, false).item();
      let exact = 0, abs = 0;
      for (let k = 0; k < a.size; k++) { exact += a.at(k); abs += Math.abs(a.at(k)); }
      assert.ok(Math.abs(s - exact) <= 2 ** -22 * abs * Math.log2(a.size + 1) + 1e-30);
    }), { numRuns: 200 });
  });

  it('transposing by a permutation and back is the identity, and shares memory', () => {
    fc.assert(fc.property(dims(1, 5), fc.nat(), (shape, seed) => {
      const a = filled(shape, seed);
      const perm = shape.map((_, i) => i).sort((x, y) => Math.sin(seed + x) - Math.sin(seed + y));
      const inv = perm.map((_, i) => perm.indexOf(i));
      const t = a.transpose(perm);
      assert.deepEqual(t.shape, perm.map((p) => shape[p]));
      const back = t.transpose(inv);
      assert.deepEqual(back.shape, a.shape);
      assert.equal(back.data, a.data);
      for (let k = 0; k < a.size; k++) assert.ok(Object.is(back.at(k), a.at(k)));
      assert.deepEqual(Array.from(a.T.T.values()), Array.from(a.values()));
    }), { numRuns: 300 });
  });

  it('broadcasting a + b equals explicit loops over the broadcast shape', () => {
    const pair = dims(0, 4).chain((out) => fc.tuple(
      fc.constant(out),
      fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
      fc.nat({ max: out.length }), fc.nat({ max: out.length }), fc.nat(),
    ));
    fc.assert(fc.property(pair, ([out, oneA, oneB, dropA, dropB, seed]) => {
      // Each operand: the output shape with some dims set to 1 and some leading dims dropped.
      const sa = out.map((d, i) => (oneA[i] ? 1 : d)).slice(dropA), sb = out.map((d, i) => (oneB[i] ? 1 : d)).slice(dropB);
      const a = filled(sa, seed), b = filled(sb, seed + 1);
      const c = binary('add', a, b);
      const shape = c.shape;
      for (let k = 0; k < c.size; k++) {
        const idx = unravel(k, shape);
        const pick = (x: NDArray) => x.shape.map((d, i) => (d === 1 ? 0 : idx[i + shape.length - x.ndim]));
        assert.ok(Object.is(c.at(k), valueAt(a, pick(a)) + valueAt(b, pick(b))));
      }
    }), { numRuns: 300 });
  });

  it('reshape keeps C order: a.reshape(s).ravel() equals a.ravel(), views or copies', () => {
    fc.assert(fc.property(dims(1, 4), fc.nat(), fc.boolean(), (shape, seed, transposed) => {
      const a = transposed ? filled(shape, seed).transpose() : filled(shape, seed);
      const n = a.size;
      const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
      const d = divisors[seed % divisors.length];
      const r = a.reshape([d, -1]);
      assert.deepEqual(r.shape, [d, n / d]);
      assert.deepEqual(Array.from(r.ravel().values()), Array.from(a.ravel().values()));
    }), { numRuns: 300 });
  });

  it('slices follow Python: a[start:stop:step] picks range(*slice(start, stop, step).indices(n))', () => {
    const bound = fc.option(fc.integer({ min: -9, max: 9 }), { nil: null });
    const step = fc.option(fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0), { nil: null });
    fc.assert(fc.property(fc.integer({ min: 0, max: 7 }), bound, bound, step, (n, start, stop, st) => {
      const a = NDArray.from(Array.from({ length: n }, (_, i) => i), [n]);
      const got = Array.from(a.get(new Slice(start, stop, st)).values());
      assert.deepEqual(got, pythonSlice(n, start, stop, st));
    }), { numRuns: 500 });
  });
});

/** Python's list(range(n))[start:stop:step], written out from the language reference. */
function pythonSlice(n: number, start: number | null, stop: number | null, step: number | null): number[] {
  const s = step ?? 1;
  const norm = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + n : v, lo), hi);
  const b = start === null ? (s > 0 ? 0 : n - 1) : norm(start, s > 0 ? 0 : -1, s > 0 ? n : n - 1);
  const e = stop === null ? (s > 0 ? n : -1) : norm(stop, s > 0 ? 0 : -1, s > 0 ? n : n - 1);
  const out: number[] = [];
  for (let i = b; s > 0 ? i < e : i > e; i += s) out.push(i);
  return out;
}
