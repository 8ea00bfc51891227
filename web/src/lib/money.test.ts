import { describe, expect, it } from 'vitest';
import {
  centsToDecimal,
  centsToWholeEuros,
  divideCents,
  formatEuros,
  formatEurosCompact,
  formatEurosExact,
  formatWholeEuros,
  parseEuroInput,
  sumCents,
} from './money';

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


describe('formatWholeEuros', () => {
  it('formats the server table amounts (already whole euros)', () => {
    expect(formatWholeEuros(-49416)).toBe(`€${NBSP}-49.416`);
    expect(formatWholeEuros(657735)).toBe(`€${NBSP}657.735`);
    expect(formatWholeEuros(0)).toBe(`€${NBSP}0`);
  });

  it('refuses fractions', () => {
    expect(() => formatWholeEuros(1.5)).toThrow(TypeError);
  });
});

describe('formatEurosCompact', () => {
  it('drops ",00" only for whole euros', () => {
    expect(formatEurosCompact(7000)).toBe(`€${NBSP}70`);
    expect(formatEurosCompact(7050)).toBe(`€${NBSP}70,50`);
  });
});

describe('parseEuroInput', () => {
  it('reads Dutch and plain notations into cents', () => {
    expect(parseEuroInput('8000')).toBe(800000);
    expect(parseEuroInput('8.000')).toBe(800000);
    expect(parseEuroInput('8.000,50')).toBe(800050);
    expect(parseEuroInput('8000,5')).toBe(800050);
    expect(parseEuroInput('8000,')).toBe(800000);
    expect(parseEuroInput('8000.50')).toBe(800050);
    expect(parseEuroInput(' € 15.000 ')).toBe(1500000);
    expect(parseEuroInput('1.234.567,89')).toBe(123456789);
    expect(parseEuroInput('0')).toBe(0);
  });

  it('rejects what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '8,000.50', '80.00.0', '1,234', '12.5.6', '8.0000', '1e3']) {
      expect(parseEuroInput(bad), bad).toBeNull();
    }
  });
});

describe('centsToDecimal', () => {
  it('writes amounts for the URL', () => {
    expect(centsToDecimal(800000)).toBe('8000');
    expect(centsToDecimal(7050)).toBe('70.50');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-150)).toBe('-1.50');
  });
});

describe('divideCents', () => {
  it('divides with integer rounding, half away from zero', () => {
    expect(divideCents(4800000, 6)).toBe(800000);
    expect(divideCents(10, 4)).toBe(3);
    expect(divideCents(9, 4)).toBe(2);
    expect(divideCents(-10, 4)).toBe(-3);
  });

  it('refuses a zero count', () => {
    expect(() => divideCents(1, 0)).toThrow(RangeError);
  });
});
