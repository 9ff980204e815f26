// Every message between the extension host and the graph panel, as tagged unions, and the
// plain data they carry: graph snapshots (also the CLI's --graph-json format), backward-pass
// records, matplotlib figures and the panel's state. Imports nothing; both sides validate
// what they receive with ./validate.

/** A node's id: `v<engine id>` for a Variable, `f<engine id>` for a Function. */
export type NodeId = string;

/** Where a Function was created in the user's script (1-based lines, 0-based columns). */
export interface SourceSite { file: string; line: number; col: number; endLine: number; endCol: number }

/** An array shown as text, NumPy style. */
export interface Preview {
  /** One line, at most ~24 characters, for labels and edge annotations. */
  short: string;
  /** NumPy's str(), summarised (`...`) and cut to a few lines. */
  text: string;
  /** Whether `text` left anything out. */
  truncated: boolean;
}

export interface VariableNode {
  kind: 'variable';
  id: NodeId;
  /** The engine's Variable.name (what DeZero's get_dot_graph shows), or null. */
  name: string | null;
  /** Names the variable is visible under where the snapshot was taken (a frame's locals). */
  locals: string[];
  /** What the panel shows by default: name, else local names, else ''. */
  label: string;
  /** Null when the Variable's data is None. */
  shape: number[] | null;
  dtype: string | null;
  value: Preview | null;
  grad: Preview | null;
  /** The Variable holding this one's gradient (it may lie outside the snapshot). */
  gradId: NodeId | null;
  creator: NodeId | null;
  /** Derivative order: 0 forward; k+1 for what back-propagation from order k created. */
  order: number;
  generation: number;
  /** A Parameter (a layer's weight). */
  param: boolean;
}

export interface FunctionNode {
  kind: 'function';
  id: NodeId;
  /** The op's class name: `Tanh`, `MatMul`. */
  name: string;
  label: string;
  /** In argument order; a variable appears twice for `x * x`. */
  inputs: NodeId[];
  outputs: NodeId[];
  order: number;
  generation: number;
  site: SourceSite | null;
}

export type SnapshotNode = VariableNode | FunctionNode;

/**
 * `data`: input → function (index = argument position) or function → output (index =
 * output position). `grad`: a variable → the Variable holding its gradient (index 0).
 */
export interface SnapshotEdge { kind: 'data' | 'grad'; from: NodeId; to: NodeId; index: number }

/** Where the node budget cut the graph. */
export interface Truncation {
  budget: number;
  /** Nodes reachable but left out. */
  omitted: number;
  /** Included nodes with neighbours left out. */
  frontier: NodeId[];
}

export interface OrderCount { order: number; variables: number; functions: number }

/** One function's backward as back-propagation visited it. */
export interface BackwardStep {
  fn: NodeId;
  op: string;
  /** Gradients received, one per output of `fn`. */
  gys: GradFlow[];
  /** Gradients produced, one per input of `fn`. */
  gxs: GradFlow[];
}

export interface GradFlow {
  /** The output (for gys) or input (for gxs) the gradient belongs to. */
  of: NodeId;
  /** The Variable holding the gradient, or null for None. */
  grad: NodeId | null;
  preview: Preview | null;
}

/** The last backward pass, recorded by the engine's observer. */
export interface BackwardRecord {
  root: NodeId;
  createGraph: boolean;
  steps: BackwardStep[];
  /** Steps past the recorder's cap were dropped. */
  truncated: boolean;
  /** False when backward raised before finishing. */
  complete: boolean;
}

export const SNAPSHOT_FORMAT = 'gradscope.graph';

export interface GraphSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  title: string | null;
  nodes: SnapshotNode[];
  edges: SnapshotEdge[];
  /** The variables the snapshot was built from. */
  roots: NodeId[];
  truncated: Truncation | null;
  backward: BackwardRecord | null;
  maxOrder: number;
  orders: OrderCount[];
}

// ── figures from matplotlib.pyplot ──────────────────────────────────────────────

export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'dashdot' | 'none';
export type ColorMap = 'viridis' | 'gray' | 'plasma' | 'coolwarm' | 'RdBu';

/** `plot`: a polyline with optional markers. */
export interface LineSeries {
  kind: 'line'; x: number[]; y: number[]; label: string | null; color: string | null;
  style: LineStyle; width: number; marker: string | null;
}

/** `scatter`: points; `c` (per point, mapped through `cmap`) overrides `color`. */
export interface ScatterSeries {
  kind: 'scatter'; x: number[]; y: number[]; label: string | null; color: string | null;
  c: number[] | null; cmap: ColorMap; size: number; marker: string;
}

/** `hist`: binned by the interpreter (edges has counts.length + 1 entries). */
export interface HistSeries {
  kind: 'hist'; edges: number[]; counts: number[]; label: string | null; color: string | null;
}

/** `imshow` / `contourf`: a rows × cols grid, row-major, mapped through `cmap`. */
export interface ImageSeries {
  kind: 'image'; rows: number; cols: number; data: number[]; cmap: ColorMap;
  vmin: number | null; vmax: number | null;
  /** [left, right, bottom, top] in data coordinates; null: pixel indices. */
  extent: [number, number, number, number] | null;
}

export type Series = LineSeries | ScatterSeries | HistSeries | ImageSeries;

export interface Axes {
  /** Position in the figure's subplot grid (0-based). */
  row: number; col: number;
  title: string | null; xlabel: string | null; ylabel: string | null;
  xlim: [number, number] | null; ylim: [number, number] | null;
  xscale: 'linear' | 'log'; yscale: 'linear' | 'log';
  grid: boolean; legend: boolean;
  series: Series[];
}

export interface Figure {
  id: number;
  title: string | null;
  /** Size in inches, as matplotlib's figsize. */
  width: number; height: number;
  rows: number; cols: number;
  axes: Axes[];
}

// ── the panel ───────────────────────────────────────────────────────────────────

/** forward: order 0; backward: forward + the recorded gradient flow; higher: every order. */
export type ViewMode = 'forward' | 'backward' | 'higher';
export type RankDir = 'TB' | 'LR';
export type ExportFormat = 'svg' | 'png' | 'dot';
export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

export interface ZoomState { x: number; y: number; k: number }

/** What the panel restores after a reload. */
export interface PanelState {
  view: ViewMode;
  rankdir: RankDir;
  verbose: boolean;
  hiddenOrders: number[];
  selected: NodeId | null;
  zoom: ZoomState | null;
  tab: 'graph' | 'figures';
  search: string;
  /** Overview groups the user expanded. */
  expanded: string[];
}

/** Settings the host passes on. */
export interface PanelConfig {
  /** Above this many visible nodes the panel opens an overview (default 1500). */
  overviewThreshold: number;
  /** New nodes fade in below this many nodes (default 300). */
  animateBelow: number;
}

/** A node's new value or grad; absent fields are unchanged. */
export interface NodePatch { id: NodeId; value?: Preview | null; grad?: Preview | null; gradId?: NodeId | null }

// ── messages ────────────────────────────────────────────────────────────────────

export type HostMessage =
  | { type: 'snapshot'; seq: number; snapshot: GraphSnapshot }
  /** Values and grads only: the structure is unchanged, so the panel never re-lays it out. */
  | { type: 'patch'; seq: number; nodes: NodePatch[]; backward?: BackwardRecord | null }
  /** Marks nodes, e.g. the function whose backward the debugger is stopped before. */
  | { type: 'highlight'; ids: NodeId[]; reason: 'step' | 'hover' | 'clear' }
  | { type: 'select'; id: NodeId | null }
  | { type: 'exportRequest'; requestId: number; format: ExportFormat }
  | { type: 'theme'; kind: ThemeKind }
  | { type: 'state'; state: PanelState }
  | { type: 'config'; config: PanelConfig }
  | { type: 'figures'; figures: Figure[] }
  | { type: 'error'; message: string; detail: string | null };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'select'; id: NodeId | null }
  | { type: 'revealSource'; id: NodeId; site: SourceSite }
  /** Answers an exportRequest (requestId) or a toolbar export (requestId null). */
  | { type: 'exportResult'; requestId: number | null; format: ExportFormat; data: string | null; error: string | null }
  | { type: 'state'; state: PanelState }
  | { type: 'error'; message: string; detail: string | null };

export type HostMessageType = HostMessage['type'];
export type WebviewMessageType = WebviewMessage['type'];

export const DEFAULT_PANEL_CONFIG: PanelConfig = { overviewThreshold: 1500, animateBelow: 300 };

export const DEFAULT_PANEL_STATE: PanelState = {
  view: 'forward', rankdir: 'TB', verbose: false, hiddenOrders: [], selected: null, zoom: null,
  tab: 'graph', search: '', expanded: [],
};
