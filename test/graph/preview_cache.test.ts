// PreviewCache: the same previews as previewArray, reused while an array's bytes are
// unchanged, recomputed after an in-place change; snapshots built with it equal those without.
import assert from 'node:assert/strict';
import { F, NDArray, Variable, np } from '../../src/engine/index';
import { PreviewCache, buildSnapshot, previewArray } from '../../src/graph/index';

describe('preview cache', () => {
  it('gives previewArray\'s preview, the same object while the array is unchanged', () => {
    const cache = new PreviewCache();
    const a = np.arange(12).reshape([3, 4]) as NDArray;
    const p = cache.preview(a);
    assert.deepEqual(p, previewArray(a));
    assert.equal(cache.preview(a), p);
    // A transposed view is another array with its own preview.
    assert.deepEqual(cache.preview(a.T), previewArray(a.T));
  });

  it('notices an array changed in place (W.data -= ...)', () => {
    const cache = new PreviewCache();
    const a = np.array([1, 2, 3]) as NDArray;
    const before = cache.preview(a);
    a.data[1] = 20;
    const after = cache.preview(a);
    assert.notEqual(after, before);
    assert.deepEqual(after, previewArray(a));
    assert.match(after.text, /20/);
  });

  it('tells NaN payloads and signed zeros apart by their bytes', () => {
    const cache = new PreviewCache();
    const a = np.array([0.0, 1.0]) as NDArray;
    cache.preview(a);
    a.data[0] = -0;
    assert.deepEqual(cache.preview(a), previewArray(a));
    assert.match(cache.preview(a).text, /-0\./);
  });

  it('builds the same snapshot as without a cache, also after a change between stops', () => {
    const cache = new PreviewCache();
    const x = new Variable(np.array([[1.0, 2.0], [3.0, 4.0]]) as NDArray);
    const y = F.sum(F.mul(x, x));
    y.backward();
    assert.deepEqual(buildSnapshot([x, y], { previews: cache }), buildSnapshot([x, y]));
    (x.data as NDArray).data[0] = 5;
    assert.deepEqual(buildSnapshot([x, y], { previews: cache }), buildSnapshot([x, y]));
  });
});
