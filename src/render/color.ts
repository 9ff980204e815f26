// SVG paint values: the CSS colour keywords Graphviz writes by name, #rgb/#rrggbb(aa), rgb()/rgba().

/** A straight (not premultiplied) colour: channels 0..255, alpha 0..1. */
export interface Rgba { r: number; g: number; b: number; a: number }

/** The CSS Color 3 / SVG 1.1 keywords, `name` then six hex digits, space separated. */
const NAMED = `aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff
beige f5f5dc bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2
brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50
cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b
darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b
darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000
darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f
darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff
dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0
forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700
goldenrod daa520 gray 808080 grey 808080 green 008000 greenyellow adff2f honeydew f0fff0
hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa
lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080
lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3
lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa
lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0
lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000
mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db
mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc
mediumvioletred c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5
navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500
orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee
palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd
powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f
royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57
seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090
slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080
thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff
whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32`;

const TABLE = new Map<string, number>();
{
  const words = NAMED.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i += 2) TABLE.set(words[i], parseInt(words[i + 1], 16));
}

function fromHex(h: string): Rgba | null {
  if (!/^[0-9a-f]+$/i.test(h)) return null;
  // #rgb and #rgba double each digit (#abc = #aabbcc).
  const long = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  if (long.length !== 6 && long.length !== 8) return null;
  const v = (i: number) => parseInt(long.slice(i, i + 2), 16);
  return { r: v(0), g: v(2), b: v(4), a: long.length === 8 ? v(6) / 255 : 1 };
}

function fromFunction(s: string): Rgba | null {
  const m = /^rgba?\(([^)]*)\)$/.exec(s);
  if (!m) return null;
  const parts = m[1].split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length < 3) return null;
  const chan = (p: string) => (p.endsWith('%') ? parseFloat(p) * 2.55 : parseFloat(p));
  const alpha = parts.length > 3 ? (parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3])) : 1;
  const c = [chan(parts[0]), chan(parts[1]), chan(parts[2]), alpha];
  if (c.some((x) => Number.isNaN(x))) return null;
  const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));
  return { r: Math.round(clamp(c[0], 255)), g: Math.round(clamp(c[1], 255)), b: Math.round(clamp(c[2], 255)), a: clamp(c[3], 1) };
}

/**
 * Parses an SVG paint. `none` and `transparent` give null (nothing painted); so does an unknown
 * value, as SVG renderers treat an invalid paint as none.
 */
export function parseColor(value: string): Rgba | null {
  const s = value.trim().toLowerCase();
  if (s === '' || s === 'none' || s === 'transparent') return null;
  if (s.startsWith('#')) return fromHex(s.slice(1));
  const named = TABLE.get(s);
  if (named !== undefined) return { r: named >>> 16, g: (named >>> 8) & 255, b: named & 255, a: 1 };
  return fromFunction(s);
}
