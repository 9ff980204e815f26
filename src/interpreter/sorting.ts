// Python's sort: stable, `<` only, optional key, reverse keeping equal items in order.
import { PyValue } from './objects';
import { callValue } from './attrs';
import { compare } from './arith';
import { truthy } from './convert';

export function sortValues(items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
  const keys = key === null ? items : items.map((x) => callValue(key, [x]));
  const idx = items.map((_, i) => i);
  const lt = (a: PyValue, b: PyValue) => truthy(compare('Lt', a, b));
  idx.sort((i, j) => {
    const a = keys[i], b = keys[j];
    if (reverse) return lt(b, a) ? -1 : lt(a, b) ? 1 : 0;
    return lt(a, b) ? -1 : lt(b, a) ? 1 : 0;
  });
  return idx.map((i) => items[i]);
}
