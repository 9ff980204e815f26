// Validators for everything in ./messages: a malformed message is rejected with a reason
// naming the offending field, never half-applied.
import type {
  Axes, BackwardRecord, BackwardStep, Figure, FunctionNode, GradFlow, GraphSnapshot, HistSeries, HostMessage,
  ImageSeries, LineSeries, NodePatch, OrderCount, PanelConfig, PanelState, Preview, ScatterSeries, Series,
  SnapshotEdge, SnapshotNode, SourceSite, Truncation, VariableNode, WebviewMessage,
} from './messages';
import { SNAPSHOT_FORMAT } from './messages';
import {
  anyNum, arr, bool, int, lit, nat, nullable, num, numTuple, obj, optional, refine, Schema, str, union,
} from './schema';

type HM<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;
type WM<T extends WebviewMessage['type']> = Extract<WebviewMessage, { type: T }>;

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

const nodeId = refine(str, (v, p) => (/^[vf]\d+$/.test(v) ? null : `${p}: expected a node id like v12 or f13, got ${JSON.stringify(v)}`));

const site = obj<SourceSite>({ file: str, line: nat, col: nat, endLine: nat, endCol: nat });
const preview = obj<Preview>({ short: str, text: str, truncated: bool });

const variableNode = obj<VariableNode>({
  kind: lit('variable'), id: nodeId, name: nullable(str), locals: arr(str), label: str,
  shape: nullable(arr(nat)), dtype: nullable(str), value: nullable(preview), grad: nullable(preview),
  gradId: nullable(nodeId), creator: nullable(nodeId), order: nat, generation: nat, param: bool,
});

const functionNode = obj<FunctionNode>({
  kind: lit('function'), id: nodeId, name: str, label: str, inputs: arr(nodeId), outputs: arr(nodeId),
  order: nat, generation: nat, site: nullable(site),
});

const snapshotNode = union<'kind', SnapshotNode>('kind', { variable: variableNode, function: functionNode });
const edge = obj<SnapshotEdge>({ kind: lit('data', 'grad'), from: nodeId, to: nodeId, index: nat });
const truncation = obj<Truncation>({ budget: nat, omitted: nat, frontier: arr(nodeId) });
const orderCount = obj<OrderCount>({ order: nat, variables: nat, functions: nat });
const gradFlow = obj<GradFlow>({ of: nodeId, grad: nullable(nodeId), preview: nullable(preview) });
const step = obj<BackwardStep>({ fn: nodeId, op: str, gys: arr(gradFlow), gxs: arr(gradFlow) });
const backwardRecord = obj<BackwardRecord>({ root: nodeId, createGraph: bool, steps: arr(step), truncated: bool, complete: bool });

/** Ids are unique, every edge and reference names a node of the snapshot. */
function consistent(s: GraphSnapshot, p: string): string | null {
  const ids = new Set<string>();
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (ids.has(n.id)) return `${p}.nodes[${i}].id: duplicate id ${n.id}`;
    if ((n.kind === 'variable') !== n.id.startsWith('v')) return `${p}.nodes[${i}].id: ${n.id} does not match kind ${n.kind}`;
    ids.add(n.id);
  }
  for (let i = 0; i < s.edges.length; i++) {
    const e = s.edges[i];
    if (!ids.has(e.from)) return `${p}.edges[${i}].from: no node ${e.from}`;
    if (!ids.has(e.to)) return `${p}.edges[${i}].to: no node ${e.to}`;
  }
  for (let i = 0; i < s.roots.length; i++) if (!ids.has(s.roots[i])) return `${p}.roots[${i}]: no node ${s.roots[i]}`;
  return null;
}

export const snapshotSchema: Schema<GraphSnapshot> = refine(obj<GraphSnapshot>({
  format: lit(SNAPSHOT_FORMAT), version: lit(1), title: nullable(str), nodes: arr(snapshotNode), edges: arr(edge),
  roots: arr(nodeId), truncated: nullable(truncation), backward: nullable(backwardRecord), maxOrder: nat,
  orders: arr(orderCount),
}), consistent);

const label = nullable(str);
const color = nullable(str);
const numbers = arr(anyNum);
const cmap = lit('viridis', 'gray', 'plasma', 'coolwarm', 'RdBu');
const sameLength = <T extends { x: number[]; y: number[] }>(s: Schema<T>) =>
  refine(s, (v, p) => (v.x.length === v.y.length ? null : `${p}: x has ${v.x.length} points, y has ${v.y.length}`));

const series = union<'kind', Series>('kind', {
  line: sameLength(obj<LineSeries>({
    kind: lit('line'), x: numbers, y: numbers, label, color, style: lit('solid', 'dashed', 'dotted', 'dashdot', 'none'),
    width: num, marker: nullable(str),
  })),
  scatter: sameLength(obj<ScatterSeries>({
    kind: lit('scatter'), x: numbers, y: numbers, label, color, c: nullable(numbers), cmap, size: num, marker: str,
  })),
  hist: refine(obj<HistSeries>({ kind: lit('hist'), edges: arr(num), counts: arr(num), label, color }),
    (v, p) => (v.edges.length === v.counts.length + 1 ? null : `${p}: ${v.counts.length} counts need ${v.counts.length + 1} edges`)),
  image: refine(obj<ImageSeries>({
    kind: lit('image'), rows: nat, cols: nat, data: numbers, cmap, vmin: nullable(num), vmax: nullable(num),
    extent: nullable(numTuple<[number, number, number, number]>(4)),
  }), (v, p) => (v.data.length === v.rows * v.cols ? null : `${p}.data: expected ${v.rows * v.cols} values, got ${v.data.length}`)),
});

const limits = nullable(numTuple<[number, number]>(2));
const scale = lit('linear', 'log');
const axes = obj<Axes>({
  row: nat, col: nat, title: label, xlabel: label, ylabel: label, xlim: limits, ylim: limits,
  xscale: scale, yscale: scale, grid: bool, legend: bool, series: arr(series),
});
export const figureSchema = obj<Figure>({ id: int, title: label, width: num, height: num, rows: nat, cols: nat, axes: arr(axes) });

export const panelStateSchema = obj<PanelState>({
  view: lit('forward', 'backward', 'higher'), rankdir: lit('TB', 'LR'), verbose: bool, hiddenOrders: arr(nat),
  selected: nullable(nodeId), zoom: nullable(obj({ x: num, y: num, k: num })), tab: lit('graph', 'figures'),
  search: str, expanded: arr(str),
});

const config = obj<PanelConfig>({ overviewThreshold: nat, animateBelow: nat });
const patch = obj<NodePatch>({ id: nodeId, value: optional(nullable(preview)), grad: optional(nullable(preview)), gradId: optional(nullable(nodeId)) });
const exportFormat = lit('svg', 'png', 'dot');
const errorMessage = { type: lit('error'), message: str, detail: nullable(str) };

export const hostMessageSchema = union<'type', HostMessage>('type', {
  snapshot: obj<HM<'snapshot'>>({ type: lit('snapshot'), seq: nat, snapshot: snapshotSchema }),
  patch: obj<HM<'patch'>>({ type: lit('patch'), seq: nat, nodes: arr(patch), backward: optional(nullable(backwardRecord)) }),
  highlight: obj<HM<'highlight'>>({ type: lit('highlight'), ids: arr(nodeId), reason: lit('step', 'hover', 'clear') }),
  select: obj<HM<'select'>>({ type: lit('select'), id: nullable(nodeId) }),
  exportRequest: obj<HM<'exportRequest'>>({ type: lit('exportRequest'), requestId: nat, format: exportFormat }),
  theme: obj<HM<'theme'>>({ type: lit('theme'), kind: lit('light', 'dark', 'highContrast', 'highContrastLight') }),
  state: obj<HM<'state'>>({ type: lit('state'), state: panelStateSchema }),
  config: obj<HM<'config'>>({ type: lit('config'), config }),
  figures: obj<HM<'figures'>>({ type: lit('figures'), figures: arr(figureSchema) }),
  error: obj<HM<'error'>>(errorMessage),
});

export const webviewMessageSchema = union<'type', WebviewMessage>('type', {
  ready: obj<WM<'ready'>>({ type: lit('ready') }),
  select: obj<WM<'select'>>({ type: lit('select'), id: nullable(nodeId) }),
  revealSource: obj<WM<'revealSource'>>({ type: lit('revealSource'), id: nodeId, site }),
  exportResult: obj<WM<'exportResult'>>({ type: lit('exportResult'), requestId: nullable(nat), format: exportFormat, data: nullable(str), error: nullable(str) }),
  state: obj<WM<'state'>>({ type: lit('state'), state: panelStateSchema }),
  error: obj<WM<'error'>>(errorMessage),
});

function validate<T>(s: Schema<T>, v: unknown, root: string): Validated<T> {
  let reason: string | null;
  try { reason = s.check(v, root); } catch (e) { reason = `${root}: ${(e as Error).message}`; }
  return reason === null ? { ok: true, value: v as T } : { ok: false, reason };
}

/** Checks a message the webview received. */
export const validateHostMessage = (v: unknown): Validated<HostMessage> => validate(hostMessageSchema, v, 'message');
/** Checks a message the host received. */
export const validateWebviewMessage = (v: unknown): Validated<WebviewMessage> => validate(webviewMessageSchema, v, 'message');
/** Checks a snapshot (a --graph-json file, a restored panel state). */
export const validateSnapshot = (v: unknown): Validated<GraphSnapshot> => validate(snapshotSchema, v, 'snapshot');
export const validatePanelState = (v: unknown): Validated<PanelState> => validate(panelStateSchema, v, 'state');
