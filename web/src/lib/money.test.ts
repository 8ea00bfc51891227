import { describe, expect, it } from 'vitest';
import { centsToWholeEuros, formatEuros, formatEurosExact, sumCents } from './money';

const NBSP = '\u00a0';

describe('centsToWholeEuros', () => {
  it('rounds half away from zero with integer arithmetic', () => {
    expect(centsToWholeEuros(0)).toBe(0);
    expect(centsToWholeEuros(49)).toBe(0);
    expect(centsToWholeEuros(50)).toBe(1);
    expect(centsToWholeEuros(1234549)).toBe(12345);
    expect(centsToWholeEuros(1234550)).toBe(12346);
    expect(centsToWholeEuros(-150)).toBe(-2);
    expect(centsToWholeEuros(-149)).toBe(-1);
  });

  it('refuses non-integer cents', () => {
    expect(() => centsToWholeEuros(12.5)).toThrow(TypeError);
    expect(() => centsToWholeEuros(Number.NaN)).toThrow(TypeError);
    expect(() => centsToWholeEuros(2 ** 60)).toThrow(TypeError);
  });
});

describe('formatEuros', () => {
  it('formats whole euros in Dutch notation', () => {
    expect(formatEuros(1234500)).toBe(`€${NBSP}12.345`);
    expect(formatEuros(6860300)).toBe(`€${NBSP}68.603`);
    expect(formatEuros(0)).toBe(`€${NBSP}0`);
    expect(formatEuros(99)).toBe(`€${NBSP}1`);
    expect(formatEuros(107000000)).toBe(`€${NBSP}1.070.000`);
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatEuros(-3000000)).toBe(`€${NBSP}-30.000`);
  });
});

describe('formatEurosExact', () => {
  it('formats euros and cents without floating point', () => {
    expect(formatEurosExact(1234567)).toBe(`€${NBSP}12.345,67`);
    expect(formatEurosExact(5)).toBe(`€${NBSP}0,05`);
    expect(formatEurosExact(100)).toBe(`€${NBSP}1,00`);
    expect(formatEurosExact(-1234567)).toBe(`€${NBSP}-12.345,67`);
    expect(formatEurosExact(-5)).toBe(`€${NBSP}-0,05`);
  });

  it('is exact where floating point would not be', () => {
    // 0.1 + 0.2 style errors cannot occur: 2^53 - 1 cents stays exact.
    expect(formatEurosExact(9007199254740991)).toBe(`€${NBSP}90.071.992.547.409,91`);
  });
});

describe('sumCents', () => {
  it('adds integer cents', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([10, 20, 30])).toBe(60);
  });

  it('throws on fractional input', () => {
    expect(() => sumCents([1, 0.5])).toThrow(TypeError);
  });
});
