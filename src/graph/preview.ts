// Value and gradient previews: NumPy's str() of an array, summarised and cut short, plus a
// one-line form for node labels and edge annotations.
import { DEFAULT_PRINT_OPTIONS, arrayStr, type PrintOptions } from '../engine/format';
import type { NDArray } from '../engine/ndarray';
import type { Preview } from '../protocol/messages';

export interface PreviewOptions {
  /** Arrays with more elements are summarised with `...` (NumPy's threshold). Default 100. */
  threshold: number;
  /** Lines kept in `text`. Default 12. */
  maxLines: number;
  /** Characters kept in `text`. Default 800. */
  maxChars: number;
  /** Characters kept in `short`. Default 24. */
  shortChars: number;
}

export const DEFAULT_PREVIEW_OPTIONS: Readonly<PreviewOptions> = Object.freeze({ threshold: 100, maxLines: 12, maxChars: 800, shortChars: 24 });

const SHORT_PRINT: PrintOptions = { ...DEFAULT_PRINT_OPTIONS, precision: 4, threshold: 6, edgeitems: 2, linewidth: 1 << 20 };

/** Cuts `s` to `n` characters, marking the cut with an ellipsis. */
export function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, Math.max(0, n - 1)) + '…';
}

/** The NumPy-style preview of an array. */
export function previewArray(a: NDArray, opts: Partial<PreviewOptions> = {}): Preview {
  const o = { ...DEFAULT_PREVIEW_OPTIONS, ...opts };
  const summarised = a.size > o.threshold;
  const full = arrayStr(a, { ...DEFAULT_PRINT_OPTIONS, threshold: o.threshold });
  let text = full;
  const lines = text.split('\n');
  if (lines.length > o.maxLines) text = lines.slice(0, o.maxLines).join('\n') + '\n…';
  if (text.length > o.maxChars) text = clip(text, o.maxChars);
  return { short: shortOf(a, o.shortChars), text, truncated: summarised || text !== full };
}

function shortOf(a: NDArray, n: number): string {
  // A 0-d array prints as a full-precision scalar; as a 1-element row it takes precision 4.
  if (a.ndim === 0) return clip(arrayStr(a.reshape(1), SHORT_PRINT).slice(1, -1).trim(), n);
  return clip(arrayStr(a, SHORT_PRINT).replace(/\s+/g, ' ').replace(/\[ /g, '['), n);
}
