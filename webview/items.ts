// The items a view draws: snapshot nodes, folded groups, and the edges between them.
import { pyShape } from '../src/graph/dot';
import type { SnapshotEdge, SnapshotNode } from '../src/protocol/messages';
import type { Group } from './overview';

export interface ViewNode {
  id: string;
  kind: 'variable' | 'function' | 'summary' | 'proxy';
  order: number;
  /** The snapshot node, for variable and function nodes, and the variable a proxy stands for. */
  node: SnapshotNode | null;
  /** The folded group, for summary nodes. */
  group: Group | null;
  /** Text that sizes the node (values and grads have reserved slots instead). */
  lines: string[];
}

export interface ViewEdge {
  id: string;
  from: string;
  to: string;
  kind: 'data' | 'grad' | 'summary';
  /** Snapshot edges this one stands for (summary edges fold many). */
  count: number;
  /** Argument or output position of a data edge. */
  index: number;
}

export const edgeId = (e: SnapshotEdge): string => (e.kind === 'grad' ? `${e.from}~${e.to}` : `${e.from}>${e.to}#${e.index}`);

/** Lines that fix a node's size: label and, verbose, shape and dtype. */
export function nodeLines(n: SnapshotNode, verbose: boolean): string[] {
  if (n.kind === 'function') return [n.label];
  const lines = n.label ? [n.label] : [];
  if (verbose && n.shape !== null) lines.push(`${pyShape(n.shape)} ${n.dtype}`);
  return lines;
}

/**
 * A count with thousands separators, as toLocaleString('en-US') writes an integer; without
 * Intl, whose first use costs tens of milliseconds on the first drawing.
 */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
