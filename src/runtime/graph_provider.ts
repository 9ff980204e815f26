// Graph snapshots for a session: Variables among a frame's values (and inside lists, tuples,
// dicts and layers' parameters), plus the record of the last backward pass.
import { Variable } from '../engine/core';
import { Layer } from '../engine/layers/layer';
import { buildSnapshot, PreviewCache, type NamedVariable } from '../graph/index';
import { PyDict, PyList, PyTuple, PyValue } from '../interpreter/objects';
import { DeferredRecorder } from './deferred_recorder';
import type { GraphProvider } from './run';

const MAX_CONTAINER = 200;

/** Variables found in a value, named as a user would write them (`params[0]`, `model.l1.W`). */
function collect(name: string, v: PyValue, out: NamedVariable[], depth = 0): void {
  if (v instanceof Variable) { out.push({ name, variable: v }); return; }
  if (depth > 2) return;
  if (v instanceof PyList || v instanceof PyTuple) v.items.slice(0, MAX_CONTAINER).forEach((x, i) => collect(`${name}[${i}]`, x, out, depth + 1));
  else if (v instanceof PyDict) [...v.map.values()].slice(0, MAX_CONTAINER).forEach(([k, x]) => collect(`${name}[${JSON.stringify(String(k))}]`, x, out, depth + 1));
  else if (v instanceof Layer) for (const [k, p] of v.flattenParams()) out.push({ name: `${name}.${k.replace(/\//g, '.')}`, variable: p });
}

export function makeGraphProvider(): GraphProvider {
  // One cache for the session: each stop's snapshot reuses the previews of unchanged arrays.
  const previews = new PreviewCache();
  const recorder = new DeferredRecorder(previews);
  return {
    observer: recorder,
    snapshot(values, opts) {
      const roots: NamedVariable[] = [];
      for (const [name, v] of values) if (!name.startsWith('__')) collect(name, v, roots);
      return buildSnapshot(roots, {
        followGrads: opts.followGrads ?? true,
        budget: opts.budget ?? 5000,
        backward: recorder.record(),
        previews,
      });
    },
  };
}
