// The built-in stroke font: every glyph present and distinct, labels inked inside their box and
// placed by text-anchor, the boxed "?" for unknown characters, and widths that fit the boxes
// Graphviz sizes with its own font metrics.
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { measureText, textStrokes, type FontStyle } from '../../src/render/font';
import { decodePng, svgToPng, type RgbaImage } from '../../src/render/index';
import { sha256, writeResult } from './helpers';

const TIMES: FontStyle = { size: 14, family: 'Times,serif', bold: false, italic: false };
const PX = 96 / 72;

/** One text element on white, rendered at 96 dpi. */
function renderText(text: string, opts: { x?: number; anchor?: string; size?: number; extra?: string } = {}): RgbaImage {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg width="300pt" height="60pt" viewBox="0 0 300 60"><rect width="300" height="60" fill="white"/>
    <text x="${opts.x ?? 150}" y="36" text-anchor="${opts.anchor ?? 'middle'}" font-family="Times,serif" font-size="${opts.size ?? 14}" ${opts.extra ?? ''}>${esc}</text></svg>`;
  return decodePng(svgToPng(svg));
}

/** Pixels darker than mid-grey, and their bounding box. */
function ink(img: RgbaImage): { count: number; x0: number; x1: number; y0: number; y1: number } {
  const r = { count: 0, x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4] >= 128) continue;
      r.count++;
      r.x0 = Math.min(r.x0, x); r.x1 = Math.max(r.x1, x + 1);
      r.y0 = Math.min(r.y0, y); r.y1 = Math.max(r.y1, y + 1);
    }
  }
  return r;
}

/** All the glyphs in rows of 16 at 14 pt, then a DeZero label in each family and style. */
function glyphSheet(chars: string[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows: string[] = [];
  for (let i = 0; i < chars.length; i += 16) rows.push(chars.slice(i, i + 16).join(' '));
  const styles = ['font-family="Times,serif"', 'font-family="Helvetica,sans-Serif"', 'font-family="Courier,monospace"',
    'font-family="Times,serif" font-weight="bold"', 'font-family="Times,serif" font-style="italic"'];
  const lines = [...rows.map((r) => [r, styles[0]]), ...styles.map((st) => ['x: (2, 3) float64 → MatMul', st])];
  const body = lines.map(([t, st], i) => `<text x="8" y="${22 + i * 20}" font-size="14" ${st}>${esc(t)}</text>`).join('');
  return `<svg width="260pt" height="${lines.length * 20 + 12}pt" viewBox="0 0 260 ${lines.length * 20 + 12}"><rect width="260" height="${lines.length * 20 + 12}" fill="white"/>${body}</svg>`;
}

const ASCII = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
const SYMBOLS = ['·', '²', '³', '×', '−', '±', '→', '≤', 'α', 'β', 'θ', 'λ', 'μ', 'σ', 'Σ', '∂', '∇', '…'];

describe('stroke font', () => {
  it('has strokes and an advance for printable ASCII and the extra symbols; space is blank', () => {
    for (const ch of [...ASCII, ...SYMBOLS]) {
      assert.ok(textStrokes(ch, TIMES, 0, 0, 'start').length > 0, `glyph for ${JSON.stringify(ch)}`);
      assert.ok(measureText(ch, TIMES) > 0);
    }
    assert.equal(textStrokes(' ', TIMES, 0, 0, 'start').length, 0);
    assert.equal(measureText(' ', TIMES), 3.5);
    writeResult('glyphs.png', svgToPng(glyphSheet([...ASCII, ...SYMBOLS, '★']), { scale: 2 }));
  });

  it('draws every glyph differently (so l, I, 1 and |, or O and 0, stay apart)', () => {
    const seen = new Map<string, string>();
    for (const ch of [...ASCII, ...SYMBOLS]) {
      const h = sha256(renderText(ch, { size: 24 }).data);
      assert.equal(seen.get(h), undefined, `${JSON.stringify(ch)} looks like ${JSON.stringify(seen.get(h))}`);
      seen.set(h, ch);
    }
  });

  it("inks a label inside its box: advance wide, ascender to descender tall", () => {
    const label = 'x: (2, 3) float64';
    const img = renderText(label);
    const box = { x0: (150 - measureText(label, TIMES) / 2) * PX, x1: (150 + measureText(label, TIMES) / 2) * PX, y0: (36 - 14 * 0.7) * PX, y1: (36 + 14 * 0.2) * PX };
    const pen = 14 * 0.0675 * PX;
    const found = ink(img);
    assert.ok(found.x0 >= box.x0 - pen && found.x1 <= box.x1 + pen && found.y0 >= box.y0 - pen && found.y1 <= box.y1 + pen, JSON.stringify({ found, box }));
    const area = (box.x1 - box.x0) * (box.y1 - box.y0);
    assert.ok(found.count > 0.08 * area && found.count < 0.4 * area, `${found.count} dark pixels in ${area.toFixed(0)}`);
  });

  it('places text by text-anchor start, middle and end', () => {
    const label = 'MatMul';
    const w = measureText(label, TIMES) * PX;
    const start = ink(renderText(label, { anchor: 'start', x: 100 }));
    const middle = ink(renderText(label, { anchor: 'middle', x: 100 }));
    const end = ink(renderText(label, { anchor: 'end', x: 100 }));
    const x = 100 * PX;
    assert.ok(start.x0 >= x && start.x0 < x + 4, `start ${start.x0} vs ${x}`);
    assert.ok(Math.abs((middle.x0 + middle.x1) / 2 - x) < 2.5, `middle ${middle.x0}..${middle.x1} vs ${x}`);
    assert.ok(end.x1 <= x + 1 && end.x1 > x - 4, `end ${end.x1} vs ${x}`);
    assert.ok(Math.abs(end.x0 - (start.x0 - w)) < 1.5);
  });

  it('draws unknown characters as a boxed question mark', () => {
    const star = renderText('★');
    const other = renderText('\u4e2d');
    assert.deepEqual(star.data, other.data, 'every unknown character gets the same fallback');
    assert.notDeepEqual(star.data, renderText('?').data);
    const found = ink(star);
    assert.ok(found.count > 40, `${found.count} dark pixels`);
    assert.ok(found.y1 - found.y0 >= 13 * 0.7 * PX, 'box spans the cap height');
    assert.equal(measureText('a★b', TIMES), measureText('a', TIMES) + measureText('\u4e2d', TIMES) + measureText('b', TIMES));
  });

  it('bold inks more and italic leans right', () => {
    const regular = ink(renderText('Tanh'));
    const bold = ink(renderText('Tanh', { extra: 'font-weight="bold"' }));
    assert.ok(bold.count > regular.count * 1.3, `bold ${bold.count} vs regular ${regular.count} dark pixels`);
    // An upright l is one stem wide; slanted by 0.2 over its 14-unit height it spreads ≈ 2.6 px more.
    const italic = ink(renderText('l', { extra: 'font-style="italic"' })), upright = ink(renderText('l'));
    assert.ok(italic.x1 - italic.x0 >= upright.x1 - upright.x0 + 2, `italic ${italic.x1 - italic.x0} px wide, upright ${upright.x1 - upright.x0}`);
  });
});

describe('label widths against Graphviz metrics', () => {
  let gv: Graphviz;
  before(async () => { gv = await Graphviz.load(); });

  it("fit inside the boxes Graphviz sizes for DeZero labels in Times, Helvetica and Courier", () => {
    const labels = ['x: (2, 3) float64', '(2, 3) float64', 'y: () float64', 'Tanh', 'MatMul', 'Linear', 'Sigmoid', 'SoftmaxCrossEntropy',
      'BroadcastTo', 'W: (1000, 784) float32', 'MeanSquaredError', 'GetItemGrad', 'Transpose', 'SumTo', 'loss: () float64', '0123456789'];
    for (const family of ['Times', 'Helvetica', 'Courier']) {
      for (const label of labels) {
        const svg = gv.layout(`digraph { node [fontname="${family}", margin=0, width=0, height=0, shape=box]; a [label="${label}"] }`, 'svg', 'dot');
        const xs = /<polygon fill="none"[^>]* points="([^"]+)"/.exec(svg)![1].split(' ').map((p) => Number(p.split(',')[0]));
        const boxWidth = Math.max(...xs) - Math.min(...xs);
        const fontFamily = /font-family="([^"]+)"/.exec(svg)![1];
        const mine = measureText(label, { ...TIMES, family: fontFamily });
        assert.ok(mine <= boxWidth + 1.5 && mine > 0.85 * boxWidth, `${family} '${label}': ours ${mine.toFixed(1)}pt, Graphviz's ${boxWidth.toFixed(1)}pt`);
      }
    }
  });
});
