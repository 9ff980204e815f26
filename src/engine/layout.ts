// Memory order as NumPy's iterator sees it: the axis order it iterates in (smallest stride
// innermost) and the layout of arrays it allocates (order='K': ufunc outputs, astype).

/**
 * npyiter_find_best_axis_ordering: axes, innermost first, by a stable insertion sort on the
 * operands' |strides| (0 strides carry no opinion; when operands disagree, C order wins).
 */
export function iterationOrder(shape: readonly number[], operandStrides: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  const st = (s: readonly number[], ax: number) => (shape[ax] === 1 ? 0 : s[ax]);
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i0 = 1; i0 < nd; i0++) {
    const a0 = perm[i0];
    let pos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const a1 = perm[i1];
      let ambiguous = true, swap = false;
      for (const s of operandStrides) {
        const s0 = st(s, a0), s1 = st(s, a1);
        if (s0 === 0 || s1 === 0) continue;
        if (Math.abs(s1) <= Math.abs(s0)) swap = false;
        else if (ambiguous) swap = true;
        ambiguous = false;
      }
      if (ambiguous) continue;
      if (swap) pos = i1;
      else break;
    }
    if (pos !== i0) { perm.splice(i0, 1); perm.splice(pos, 0, a0); }
  }
  return perm;
}

/** Contiguous strides for a new array of `shape` laid out in the operands' memory order. */
export function keepOrderStrides(shape: readonly number[], operandStrides: readonly (readonly number[])[]): number[] {
  const order = iterationOrder(shape, operandStrides);
  const strides = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (const ax of order) { strides[ax] = s; s *= shape[ax] || 1; }
  return strides;
}
