// What the layout worker returns: positions in points (72 per inch), y pointing down.

export interface NodeBox { x: number; y: number; w: number; h: number }

export interface EdgeRoute {
  tail: string;
  head: string;
  /** Cubic B-spline control points as x0,y0,x1,y1,… (1 + 3k points), ending at the arrow's base. */
  points: number[];
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, NodeBox>;
  edges: EdgeRoute[];
}

/**
 * When the worker reached each stage of its start, as epoch ms (performance.timeOrigin +
 * performance.now(), comparable across threads): script running, WebAssembly unpacked,
 * Graphviz instantiated, warm-up layout done.
 */
export interface WorkerStartup { started: number; unpacked: number; loaded: number; warmed: number }

/** Messages to and from the worker. */
export type WorkerRequest =
  | { type: 'layout'; id: number; dot: string }
  /** Lay out a warm-up graph of this many steps (layout_warm.ts), unless a layout waits. */
  | { type: 'warm'; steps: number };
export type WorkerReply =
  /** Posted once, unasked, when Graphviz is loaded and warmed (or failed to load: `error`). */
  | { type: 'ready'; startup: WorkerStartup; error: string | null }
  | { type: 'layout'; id: number; ok: true; width: number; height: number; nodes: [string, NodeBox][]; edges: EdgeRoute[]; ms: number }
  | { type: 'layout'; id: number; ok: false; error: string };
