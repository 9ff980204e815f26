// The snapshot as JSON: what the CLI's --graph-json writes and the standalone page reads.
import type { GraphSnapshot } from '../protocol/messages';
import { validateSnapshot } from '../protocol/validate';

/** JSON text of a snapshot (two-space indented when `pretty`). */
export function snapshotToJson(s: GraphSnapshot, pretty = false): string {
  return JSON.stringify(s, null, pretty ? 2 : undefined);
}

/** Parses and validates snapshot JSON; throws an Error naming the malformed field. */
export function snapshotFromJson(text: string): GraphSnapshot {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { throw new Error(`not JSON: ${(e as Error).message}`); }
  const r = validateSnapshot(v);
  if (!r.ok) throw new Error(`not a Gradscope graph snapshot: ${r.reason}`);
  return r.value;
}
