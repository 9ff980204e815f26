// Snapshot ids from engine ids: Variables and Functions share one counter, the prefix keeps
// the kind visible and makes every id a valid DOT, CSS and DOM identifier.
import type { Function, Variable } from '../engine/core';
import type { NodeId } from '../protocol/messages';

export const varId = (v: Variable): NodeId => `v${v.id}`;
export const fnId = (f: Function): NodeId => `f${f.id}`;

/** The engine's numeric id inside a snapshot id (`v12` → 12). */
export const engineId = (id: NodeId): number => Number(id.slice(1));
