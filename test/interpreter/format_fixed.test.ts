// '%.Nf' / format(x, '.Nf') rounding: half to even on the exact binary value, as CPython does.
// fixed() takes Number#toFixed wherever no tie can occur and its exact digit path otherwise;
// both are checked here against a BigInt reference on the exact value of each double.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fixed } from '../../src/interpreter/format';

/** x (finite, ≥ 0) rounded half-even to `frac` fraction digits, from its exact value m·2^e. */
function reference(x: number, frac: number): string {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0), lo = bits.getUint32(4), bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo), e = -1074;
  if (bexp !== 0) { m |= 1n << 52n; e = bexp - 1075; }
  // x·10^frac = N / D exactly
  let N = m * 10n ** BigInt(frac), D = 1n;
  if (e >= 0) N <<= BigInt(e); else D <<= BigInt(-e);
  let q = N / D;
  const r2 = 2n * (N % D);
  if (r2 > D || (r2 === D && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(frac + 1, '0');
  return frac ? `${s.slice(0, -frac)}.${s.slice(-frac)}` : s;
}

const show = (x: number, frac: number) => { const [i, f] = fixed(x, frac); return f ? `${i}.${f}` : i; };

describe('%-format and format spec: fixed-point rounding', () => {
  it('ties go to even on the exact value (the cases toFixed would round up)', () => {
    assert.equal(show(0.125, 2), '0.12');
    assert.equal(show(0.375, 2), '0.38');
    assert.equal(show(2.5, 0), '2');
    assert.equal(show(3.5, 0), '4');
    assert.equal(show(1.5, 0), '2');
    assert.equal(show(0.5, 0), '0');
    assert.equal(show(1e22, 1), '10000000000000000000000.0');
  });

  it('values that only look like ties round by their binary value (2.675 → 2.67, 1.005 → 1.00)', () => {
    assert.equal(show(2.675, 2), '2.67');
    assert.equal(show(1.005, 2), '1.00');
    assert.equal(show(0.045, 2), '0.04');
  });

  it('agrees with the exact reference on random doubles, dyadic values and precisions', () => {
    const dyadic = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 30 })).map(([m, k]) => m / 2 ** k);
    const wide = fc.double({ min: 0, max: 1e25, noNaN: true });
    fc.assert(fc.property(fc.oneof(dyadic, wide, fc.double({ min: 0, max: 1e-3, noNaN: true })), fc.integer({ min: 0, max: 30 }), (x, frac) => {
      assert.equal(show(x, frac), reference(x, frac), `${x} to ${frac} digits`);
    }), { numRuns: 3000 });
  });
});
