// PNG encoder and decoder: round trips, per-row filter choice, zlib framing, and an independent
// reading by python3's zlib (CRCs, inflate, unfiltering) that must give the same pixels.
import assert from 'node:assert/strict';
import { PngError, decodePng, encodePng, type RgbaImage } from '../../src/render/index';
import { adler32, zlibCompress } from '../../src/render/png';
import { inflateRaw } from '../../src/engine/inflate';
import { pythonCheck, sha256 } from './helpers';

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; out[i] = s & 255; }
  return out;
}

/** Bands that favour different filters: flat, horizontal ramp, vertical ramp, diagonal, noise with alpha. */
function mixedImage(w: number, h: number): RgbaImage {
  const data = new Uint8Array(w * h * 4);
  const rnd = noise(w * h * 4, 7);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4, band = Math.floor((5 * y) / h);
      const v = [200, x * 3, y * 5, x * 2 + y * 3, rnd[i]][band] & 255;
      data.set([v, (v * 7) & 255, 255 - v, band === 4 ? rnd[i + 3] : 255], i);
    }
  }
  return { width: w, height: h, data };
}

describe('PNG encoder', () => {
  it('Adler-32 and the zlib wrapper follow RFC 1950', () => {
    assert.equal(adler32(new TextEncoder().encode('Wikipedia')), 0x11e60398);
    assert.equal(adler32(new Uint8Array(0)), 1);
    // Beyond 5552 bytes the sums are reduced; compare with the definition on 100,000 bytes of 255.
    const big = new Uint8Array(100000).fill(255);
    let a = 1, b = 0;
    for (const v of big) { a = (a + v) % 65521; b = (b + a) % 65521; }
    assert.equal(adler32(big), ((b << 16) | a) >>> 0);
    const z = zlibCompress(big);
    assert.equal(((z[0] << 8) | z[1]) % 31, 0, 'FCHECK makes the header a multiple of 31');
    assert.equal(z[0] & 15, 8, 'CM = 8 (deflate)');
    assert.deepEqual(inflateRaw(z.subarray(2, z.length - 4)), big);
  });

  it('round-trips mixed content through the decoder, using all five filter types', () => {
    const img = mixedImage(97, 60);
    const png = encodePng(img);
    const back = decodePng(png);
    assert.equal(back.width, 97);
    assert.equal(back.height, 60);
    assert.deepEqual(back.data, img.data);
    const report = pythonCheck(png);
    assert.deepEqual(report.chunks.slice(0, 1), ['IHDR']);
    assert.equal(report.chunks[report.chunks.length - 1], 'IEND');
    // Flat rows go to Up, ramps to Sub/Up/Average/Paeth, noise to None.
    assert.deepEqual(report.filters, [0, 1, 2, 3, 4]);
  });

  it('python3 reads the same pixels (CRCs, zlib.decompress, its own unfiltering)', () => {
    for (const [w, h, seed] of [[1, 1, 1], [3, 200, 2], [64, 64, 3], [150, 9, 4]]) {
      const img = { width: w, height: h, data: noise(w * h * 4, seed) };
      const png = encodePng(img);
      const report = pythonCheck(png);
      assert.equal(report.width, w);
      assert.equal(report.height, h);
      assert.equal(report.sha256, sha256(img.data), `${w}×${h}`);
      assert.deepEqual(decodePng(png).data, img.data);
    }
    const mixed = mixedImage(120, 80);
    assert.equal(pythonCheck(encodePng(mixed)).sha256, sha256(mixed.data));
  });

  it('splits large data over several IDAT chunks', () => {
    const img = { width: 400, height: 400, data: noise(400 * 400 * 4, 9) };
    const png = encodePng(img);
    const report = pythonCheck(png);
    assert.ok(report.chunks.filter((c) => c === 'IDAT').length > 1, report.chunks.join(','));
    assert.deepEqual(decodePng(png).data, img.data);
  });

  it('rejects sizes that do not match the data', () => {
    assert.throws(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) }), /holds 15 bytes, 2 × 2 RGBA needs 16/);
    assert.throws(() => encodePng({ width: 0, height: 2, data: new Uint8Array(0) }), /positive integers/);
  });
});

describe('PNG decoder', () => {
  const png = encodePng(mixedImage(20, 10));

  it('reports a corrupted chunk by its CRC', () => {
    const bad = png.slice();
    bad[40] ^= 1;
    assert.throws(() => decodePng(bad), (e: unknown) => e instanceof PngError && /CRC mismatch/.test(e.message));
  });

  it('rejects a missing signature and a truncated file', () => {
    assert.throws(() => decodePng(new Uint8Array(8)), /missing signature/);
    assert.throws(() => decodePng(png.subarray(0, png.length - 12)), /truncated before IEND/);
  });
});
