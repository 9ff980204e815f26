// End to end: DeZero graphs built with the engine → DOT → Graphviz-wasm SVG → PNG, checked
// pixel by pixel against the SVG's own geometry, the CLI's renderDot('png'), and timing.
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { utils } from '../../src/engine/index';
import { loadGraphviz, renderDot } from '../../src/cli/render';
import { parseColor } from '../../src/render/color';
import { drawSvg } from '../../src/render/draw';
import { decodePng, dotToPng, encodePng, parseSvg, svgToPng, type RgbaImage } from '../../src/render/index';
import { parsePathData } from '../../src/render/path';
import { Canvas } from '../../src/render/raster';
import { dotNodeCount, pixel, pythonCheck, tanhChain, tanhDerivative, tanhSecondDerivative, writeResult } from './helpers';

const PX = 96 / 72;

/** Maps Graphviz coordinates (points, y up from the translate) to pixel indices at `scale`. */
function toPixel(svg: string, scale: number): (x: number, y: number) => [number, number] {
  const [, tx, ty] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(svg)!.map(Number);
  return (x, y) => [Math.floor((x + tx) * PX * scale), Math.floor((y + ty) * PX * scale)];
}

/** Share of the (2r+1)² pixels around (x, y) with exactly this colour. */
function share(img: RgbaImage, x: number, y: number, r: number, rgb: number[]): number {
  let n = 0;
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
    const p = pixel(img, x + dx, y + dy);
    if (p[0] === rgb[0] && p[1] === rgb[1] && p[2] === rgb[2]) n++;
  }
  return n / (2 * r + 1) ** 2;
}

/** Darkest red channel within r pixels of (x, y). */
function darkest(img: RgbaImage, x: number, y: number, r: number): number {
  let m = 255;
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) m = Math.min(m, pixel(img, x + dx, y + dy)[0]);
  return m;
}

/** Node centres by fill colour, and a midpoint of every edge, in Graphviz coordinates. */
function geometry(svg: string): { nodes: Array<{ fill: string; x: number; y: number }>; edgeMids: Array<[number, number]> } {
  const nodes = [...svg.matchAll(/<ellipse fill="(\w+)"[^>]* cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => ({ fill: m[1], x: +m[2], y: +m[3] }));
  for (const m of svg.matchAll(/<polygon fill="(lightblue)"[^>]* points="([^"]+)"/g)) {
    const pts = m[2].split(' ').map((p) => p.split(',').map(Number));
    nodes.push({ fill: m[1], x: (pts[0][0] + pts[1][0]) / 2, y: (pts[1][1] + pts[2][1]) / 2 });
  }
  const edgeMids = [...svg.matchAll(/<path fill="none" stroke="black" d="([^"]+)"/g)].map((m): [number, number] => {
    const p = parsePathData(m[1]).pts;
    // Middle of the first cubic: (P0 + 3·P1 + 3·P2 + P3) / 8.
    return [(p[0] + 3 * p[2] + 3 * p[4] + p[6]) / 8, (p[1] + 3 * p[3] + 3 * p[5] + p[7]) / 8];
  });
  return { nodes, edgeMids };
}

describe("DeZero graphs to PNG", () => {
  let gv: Graphviz;
  const layout = (dot: string) => gv.layout(dot, 'svg', 'dot');
  before(async () => { gv = await Graphviz.load(); });

  it("draws tanh's second-derivative graph at 96 dpi with its node colours, labels and edges", () => {
    const dot = utils.getDotGraph(tanhSecondDerivative());
    const svg = layout(dot);
    const png = dotToPng(dot, layout);
    const img = decodePng(png);
    const [, wPt, hPt] = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg)!.map(Number);
    assert.deepEqual([img.width, img.height], [Math.round(wPt * PX), Math.round(hPt * PX)]);
    const report = pythonCheck(png);
    assert.deepEqual([report.width, report.height], [img.width, img.height]);
    const at = toPixel(svg, 1);
    const { nodes, edgeMids } = geometry(svg);
    // get_dot_graph repeats some variables; Graphviz draws each node once.
    assert.equal(nodes.length, dotNodeCount(dot));
    assert.deepEqual([nodes.filter((n) => n.fill === 'orange').length, nodes.filter((n) => n.fill === 'lightblue').length], [13, 9]);
    for (const n of nodes) {
      const c = parseColor(n.fill)!, [x, y] = at(n.x, n.y);
      // The label sits on the centre; 10 pt above it (still inside the 36 pt tall node) is pure fill.
      const [fx, fy] = at(n.x, n.y - 10);
      const s = share(img, fx, fy, 4, [c.r, c.g, c.b]);
      assert.ok(s > 0.95, `${n.fill} node at (${x}, ${y}): ${(s * 100).toFixed(0)}% of the fill sample has its colour`);
      assert.ok(share(img, x, y, 6, [c.r, c.g, c.b]) > 0.3, `${n.fill} around the label at (${x}, ${y})`);
      assert.ok(darkest(img, x, y, 8) < 80, `label ink at the centre of the node at (${x}, ${y})`);
    }
    assert.equal(edgeMids.length, (svg.match(/class="edge"/g) ?? []).length);
    for (const [ex, ey] of edgeMids) {
      const [x, y] = at(ex, ey);
      assert.ok(darkest(img, x, y, 1) < 100, `edge through (${x}, ${y})`);
    }
    assert.deepEqual(pixel(img, 1, 1), [255, 255, 255, 255], 'white background');
    writeResult('tanh2.png', png);
    writeResult('tanh2@2x.png', svgToPng(svg, { scale: 2 }));
  });

  it('scales with the scale option and paints a background under a transparent drawing', () => {
    const svg = layout('digraph { a -> b }');
    const [, wPt, hPt] = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg)!.map(Number);
    const half = decodePng(svgToPng(svg, { scale: 0.5 }));
    assert.deepEqual([half.width, half.height], [Math.round(wPt * PX * 0.5), Math.round(hPt * PX * 0.5)]);
    const bare = '<svg width="10px" height="10px"><rect x="2" y="2" width="6" height="6" fill="black"/></svg>';
    assert.deepEqual(pixel(decodePng(svgToPng(bare)), 0, 0), [0, 0, 0, 0]);
    assert.deepEqual(pixel(decodePng(svgToPng(bare, { background: '#00ff00' })), 0, 0), [0, 255, 0, 255]);
    assert.throws(() => svgToPng(bare, { background: 'sparkly' }), /not a CSS colour/);
    assert.throws(() => svgToPng(bare, { scale: 0 }), /scale must be a positive number/);
  });

  it('renders clusters, dashed and dotted styles, record and HTML-like labels, and arrowhead shapes', () => {
    const dot = `digraph G { label="Gradscope PNG renderer"; labelloc=t; fontsize=18;
      subgraph cluster_a { label="cluster (dashed)"; style=dashed; color=blue; a -> b [style=dotted, penwidth=2, label="dotted"]; }
      subgraph cluster_b { label="filled cluster"; style=filled; fillcolor="#eeeeee"; c [shape=hexagon, style=filled, fillcolor="#ff000080"]; d [shape=circle, label="x²"]; }
      b -> c [dir=both, arrowhead=odot, arrowtail=diamond, color="#00aa00"];
      e [shape=record, label="{left|mid|right}"]; f [label=<<b>bold</b> <i>italic</i> <font color="red">red</font>>, shape=plaintext];
      g [shape=box, style="rounded,filled", fillcolor=lightblue, fontname="Courier", label="Courier\\lleft line\\lright\\r"];
      h [shape=doublecircle, style=dashed]; i [shape=Mdiamond, color=orange, penwidth=3]; j [shape=note, fillcolor=yellow, style=filled];
      d -> e -> f; e -> g; g -> h [arrowhead=vee]; h -> i [arrowhead=tee]; i -> j [arrowhead=inv]; c -> a [constraint=false, style=dashed]; }`;
    const png = dotToPng(dot, layout);
    const img = decodePng(png);
    pythonCheck(png);
    let red = 0, blue = 0;
    for (let i = 0; i < img.data.length; i += 4) {
      if (img.data[i] > 200 && img.data[i + 1] < 140 && img.data[i + 2] < 140) red++;
      if (img.data[i + 2] > 200 && img.data[i] < 60) blue++;
    }
    assert.ok(red > 500 && blue > 100, `translucent red hexagon (${red} px) and blue cluster dashes (${blue} px)`);
    writeResult('features.png', png);
  });

  it("backs the CLI's renderDot(dot, 'png')", async () => {
    await loadGraphviz();
    const dot = utils.getDotGraph(tanhSecondDerivative(), false);
    const png = renderDot(dot, 'png');
    assert.deepEqual([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.deepEqual(decodePng(png).data, decodePng(dotToPng(dot, layout)).data);
  });

  it('renders a 200-node graph and prints the time of each stage', function () {
    this.timeout(180000);
    const dot = utils.getDotGraph(tanhChain(25));
    assert.equal(dotNodeCount(dot), 201);
    const stages = timeStages(layout, dot);
    console.log(`      ${stages.summary}`);
    // A sanity bound only: the time goes with the pixel count, and shared machines vary widely.
    assert.ok(stages.totalMs < 15000, stages.summary);
    writeResult('chain201.png', stages.png);
  });

  it("renders tanh's 4th-derivative graph (110 nodes) and prints the time", function () {
    this.timeout(60000);
    const stages = timeStages(layout, utils.getDotGraph(tanhDerivative(4)));
    console.log(`      ${stages.summary}`);
    assert.ok(stages.totalMs < 5000, stages.summary);
    writeResult('tanh4.png', stages.png);
  });
});

/** Lays out and renders once through svgToPng (cold), then times its two stages again (warm). */
function timeStages(layout: (dot: string) => string, dot: string): { png: Uint8Array; totalMs: number; summary: string } {
  let t = performance.now();
  const svg = layout(dot);
  const layoutMs = performance.now() - t;
  t = performance.now();
  const png = svgToPng(svg);
  const coldMs = performance.now() - t;
  const size = decodePng(png);
  t = performance.now();
  const doc = parseSvg(svg);
  const canvas = new Canvas(size.width, size.height);
  drawSvg(canvas, doc, size.width / doc.width);
  const rasterMs = performance.now() - t;
  t = performance.now();
  encodePng({ width: canvas.width, height: canvas.height, data: canvas.data });
  const encodeMs = performance.now() - t;
  const mpx = (size.width * size.height) / 1e6;
  const summary = `${dotNodeCount(dot)} nodes → ${size.width}×${size.height} px (${mpx.toFixed(1)} Mpx, ${(png.length / 1024).toFixed(0)} KiB): ` +
    `layout ${layoutMs.toFixed(0)} ms; svgToPng ${coldMs.toFixed(0)} ms cold, ${(rasterMs + encodeMs).toFixed(0)} ms warm ` +
    `= parse + rasterize ${rasterMs.toFixed(0)} ms + PNG encode ${encodeMs.toFixed(0)} ms`;
  return { png, totalMs: Math.min(coldMs, rasterMs + encodeMs), summary };
}
