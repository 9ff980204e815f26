// Parses Graphviz's `plain` output (inches, origin bottom-left) into points with y down.
import type { EdgeRoute, NodeBox } from './layout_types';

const PT = 72;

/** Splits a plain-format line into tokens; double-quoted tokens may hold spaces and \" escapes. */
export function tokens(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') { i++; continue; }
    if (line[i] === '"') {
      let s = '';
      for (i++; i < line.length && line[i] !== '"'; i++) s += line[i] === '\\' && i + 1 < line.length ? line[++i] : line[i];
      out.push(s);
      i++;
    } else {
      const j = line.indexOf(' ', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end;
    }
  }
  return out;
}

export interface PlainLayout { width: number; height: number; nodes: [string, NodeBox][]; edges: EdgeRoute[] }

export function parsePlain(text: string): PlainLayout {
  let width = 0, height = 0;
  const nodes: [string, NodeBox][] = [];
  const edges: EdgeRoute[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('node ')) {
      const t = tokens(line);
      nodes.push([t[1], { x: +t[2] * PT, y: height - +t[3] * PT, w: +t[4] * PT, h: +t[5] * PT }]);
    } else if (line.startsWith('edge ')) {
      const t = tokens(line);
      const n = +t[3];
      const points = new Array<number>(2 * n);
      for (let k = 0; k < n; k++) {
        points[2 * k] = +t[4 + 2 * k] * PT;
        points[2 * k + 1] = height - +t[5 + 2 * k] * PT;
      }
      edges.push({ tail: t[1], head: t[2], points });
    } else if (line.startsWith('graph ')) {
      const t = tokens(line);
      width = +t[2] * PT;
      height = +t[3] * PT;
    }
  }
  return { width, height, nodes, edges };
}
