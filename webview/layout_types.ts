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

/** Messages to and from the worker. */
export type WorkerRequest = { id: number; dot: string };
export type WorkerReply =
  | { id: number; ok: true; width: number; height: number; nodes: [string, NodeBox][]; edges: EdgeRoute[]; ms: number }
  | { id: number; ok: false; error: string };
