// Previews kept between snapshots: a debugger builds a snapshot at every stop, and most of
// its arrays are the ones the last stop showed. Formatting NumPy's text is the expensive part
// of a snapshot (≈35 µs per small array); comparing an array's bytes with the copy kept from
// last time is far cheaper, and stays right when a script changes an array in place
// (`W.data -= lr * W.grad.data`).
import type { NDArray } from '../engine/ndarray';
import type { Preview } from '../protocol/messages';
import { previewArray, type PreviewOptions } from './preview';

/** Larger arrays are previewed afresh each time (their copies would cost memory). */
const MAX_CACHED_ELEMENTS = 1 << 14;

interface Entry { bytes: Uint8Array; preview: Preview }

export class PreviewCache {
  private entries = new WeakMap<NDArray, Entry>();

  /** `previewArray(a)` with the default options, from the cache while `a` holds the same bytes. */
  preview(a: NDArray, opts: Partial<PreviewOptions> = {}): Preview {
    if (a.size > MAX_CACHED_ELEMENTS || Object.keys(opts).length) return previewArray(a, opts);
    const v = a.values();
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const hit = this.entries.get(a);
    if (hit && sameBytes(hit.bytes, bytes)) return hit.preview;
    const preview = previewArray(a);
    this.entries.set(a, { bytes: bytes.slice(), preview });
    return preview;
  }

  clear(): void { this.entries = new WeakMap(); }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
