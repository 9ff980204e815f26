// SVG reading: the XML reader, paints, transforms and path data, then whole documents as
// Graphviz-wasm writes them for DeZero graphs, clusters and styled edges.
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { utils } from '../../src/engine/index';
import { parseColor } from '../../src/render/color';
import { parseTransform } from '../../src/render/matrix';
import { parsePathData } from '../../src/render/path';
import { parseSvg, SvgError, type ShapeItem, type TextItem } from '../../src/render/svg';
import { parseXml, XmlError, type XmlElement } from '../../src/render/xml';
import { tanhSecondDerivative } from './helpers';

const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]) < 1e-9);

describe('XML reader', () => {
  it('reads elements, attributes, text and CDATA; skips prolog, DOCTYPE, comments', () => {
    const root = parseXml(`<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY e "x>y"> ]>
<!-- a > comment -->
<svg a='1' b="x &amp; y &#45;&gt; &#x3b1;"><g/><text>a &lt; b<![CDATA[<raw>]]></text></svg>`);
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.get('a'), '1');
    assert.equal(root.attrs.get('b'), 'x & y -> α');
    const [g, text] = root.children as XmlElement[];
    assert.equal(g.name, 'g');
    assert.deepEqual(text.children, ['a < b', '<raw>']);
  });

  it('names the line of a mismatched tag', () => {
    assert.throws(() => parseXml('<svg>\n<g>\n</svg>'), (e: unknown) => e instanceof XmlError && e.line === 3 && /<\/svg> does not close <g>/.test(e.message));
    assert.throws(() => parseXml('<svg><g>'), /<g> is never closed/);
    assert.throws(() => parseXml('just text'), /no root element/);
  });
});

describe('paints, transforms and path data', () => {
  it('parses colour keywords, hex forms and rgb()', () => {
    assert.deepEqual(parseColor('orange'), { r: 255, g: 165, b: 0, a: 1 });
    assert.deepEqual(parseColor('lightblue'), { r: 173, g: 216, b: 230, a: 1 });
    assert.deepEqual(parseColor('#ABC'), { r: 170, g: 187, b: 204, a: 1 });
    assert.deepEqual(parseColor('#ff000080'), { r: 255, g: 0, b: 0, a: 128 / 255 });
    assert.deepEqual(parseColor('rgb(10, 20%, 300)'), { r: 10, g: 51, b: 255, a: 1 });
    assert.equal(parseColor('none'), null);
    assert.equal(parseColor('transparent'), null);
    assert.equal(parseColor('notacolour'), null);
  });

  it("composes Graphviz's root transform and the other SVG functions", () => {
    assert.deepEqual(parseTransform('scale(1 1) rotate(0) translate(4 760)'), [1, 0, 0, 1, 4, 760]);
    assert.ok(near(parseTransform('scale(0.5) translate(10,20)'), [0.5, 0, 0, 0.5, 5, 10]));
    assert.ok(near(parseTransform('rotate(90)'), [0, 1, -1, 0, 0, 0]));
    assert.ok(near(parseTransform('rotate(180 5 5)'), [-1, 0, 0, -1, 10, 10]));
    assert.ok(near(parseTransform('matrix(1 2 3 4 5 6)'), [1, 2, 3, 4, 5, 6]));
    assert.deepEqual(parseTransform('scale(2) bogus'), [1, 0, 0, 1, 0, 0]);
  });

  it('reads absolute and relative commands into M/L/C/Z', () => {
    const p = parsePathData('M204.24,-71.7C204.24,-64.41 204.24,-55.73 204.24,-47.54');
    assert.deepEqual(p.ops, ['M', 'C']);
    assert.deepEqual(p.pts, [204.24, -71.7, 204.24, -64.41, 204.24, -55.73, 204.24, -47.54]);
    const r = parsePathData('m10 10 5 0 h5 v5 l-1-1 c1,1 2,2 3,3 s1 1 2 2 q1 0 2 2 t2 2 z L1.5.5');
    assert.deepEqual(r.ops, ['M', 'L', 'L', 'L', 'L', 'C', 'C', 'C', 'C', 'Z', 'L']);
    assert.deepEqual(r.pts.slice(0, 10), [10, 10, 15, 10, 20, 10, 20, 15, 19, 14]);
    // s reflects the previous second control point (21, 16) about the current point (22, 17).
    assert.deepEqual(r.pts.slice(10, 22), [20, 15, 21, 16, 22, 17, 23, 18, 23, 18, 24, 19]);
    assert.deepEqual(r.pts.slice(-2), [1.5, 0.5]);
    assert.deepEqual(parsePathData('M0,0 L5,5 X 9,9').ops, ['M', 'L'], 'stops at a bad command');
  });
});

describe('parseSvg on Graphviz output', () => {
  let gv: Graphviz;
  before(async () => { gv = await Graphviz.load(); });

  it("reads a DeZero graph: size at 96 dpi, the white background, nodes, edges and labels", () => {
    const svg = gv.layout(utils.getDotGraph(tanhSecondDerivative()), 'svg', 'dot');
    const [, wPt, hPt] = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg)!.map(Number);
    const doc = parseSvg(svg);
    assert.ok(Math.abs(doc.width - (wPt * 96) / 72) < 1e-9 && Math.abs(doc.height - (hPt * 96) / 72) < 1e-9);
    const shapes = doc.items.filter((i): i is ShapeItem => i.kind === 'shape');
    const texts = doc.items.filter((i): i is TextItem => i.kind === 'text');
    const bg = shapes[0];
    assert.deepEqual([bg.fill, bg.stroke], [{ r: 255, g: 255, b: 255, a: 1 }, null]);
    const fills = (name: string) => shapes.filter((s) => JSON.stringify(s.fill) === JSON.stringify(parseColor(name))).length;
    const variables = (svg.match(/<ellipse/g) ?? []).length, functions = (svg.match(/fill="lightblue"/g) ?? []).length;
    assert.equal(fills('orange'), variables);
    assert.equal(fills('lightblue'), functions);
    assert.equal(shapes.filter((s) => s.fill === null && s.stroke && s.path.ops.includes('C')).length, (svg.match(/class="edge"/g) ?? []).length);
    assert.equal(texts.length, variables + functions);
    assert.ok(texts.some((t) => t.text === 'gx2: () float64' && t.anchor === 'middle' && t.font.size === 14 && t.font.family === 'Times,serif'));
    // The root group's translate(4 H−4) moves Graphviz's negative y onto the page.
    const m = bg.matrix;
    assert.ok(near([m[0], m[3], m[4], m[5]], [96 / 72, 96 / 72, (4 * 96) / 72, ((hPt - 4) * 96) / 72]));
  });

  it('keeps cluster dashes, pen widths, gradients, fonts, anchors and decoded label text', () => {
    const svg = gv.layout(`digraph { label="a<b & c"; subgraph cluster_0 { style=dashed; x -> y [style=dotted, penwidth=2]; }
      z [fontname=Courier, fontsize=10, label="left\\l", style=filled, fillcolor="orange:lightblue"]; w [fontname="Times-Bold"]; y -> z; }`, 'svg', 'dot');
    const doc = parseSvg(svg);
    const shapes = doc.items.filter((i): i is ShapeItem => i.kind === 'shape');
    const texts = doc.items.filter((i): i is TextItem => i.kind === 'text');
    assert.ok(shapes.some((s) => s.dash?.join(',') === '5,2'), 'dashed cluster');
    assert.ok(shapes.some((s) => s.dash?.join(',') === '1,5' && s.strokeWidth === 2), 'dotted edge, penwidth 2');
    assert.ok(shapes.some((s) => s.fill?.r === 255 && s.fill.g === 165), 'gradient fill falls back to its first stop');
    assert.ok(texts.some((t) => t.text === 'a<b & c'));
    const left = texts.find((t) => t.text === 'left')!;
    assert.deepEqual([left.anchor, left.font.size, left.font.family], ['start', 10, 'Courier,monospace']);
    assert.equal(texts.find((t) => t.text === 'w')!.font.bold, true);
  });

  it('maps a viewBox and units onto the page, inherits group styles, and rejects non-SVG roots', () => {
    const doc = parseSvg(`<svg width="2in" height="1in" viewBox="0 0 20 10"><g fill="red" stroke="blue" style="stroke-width: 3">
      <rect x="1" y="1" width="2" height="2"/><circle cx="5" cy="5" r="1" fill="none"/><line x1="0" y1="0" x2="1" y2="1"/></g></svg>`);
    assert.deepEqual([doc.width, doc.height], [192, 96]);
    const [r, c, l] = doc.items as ShapeItem[];
    assert.deepEqual(r.matrix, [9.6, 0, 0, 9.6, 0, 0]);
    assert.deepEqual([r.fill?.r, r.stroke?.b, r.strokeWidth], [255, 255, 3]);
    assert.equal(c.fill, null);
    assert.deepEqual(l.path.pts, [0, 0, 1, 1]);
    assert.throws(() => parseSvg('<html/>'), (e: unknown) => e instanceof SvgError && /expected an <svg> root/.test(e.message));
  });
});
