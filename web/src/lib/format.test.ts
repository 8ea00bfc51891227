import { describe, expect, it } from 'vitest';
import { formatDate, formatDateShort, formatHours, pageTitle } from './format';

describe('formatDate', () => {
  it('writes ISO dates in Dutch without time-zone effects', () => {
    expect(formatDate('2018-09-14')).toBe('14 september 2018');
    expect(formatDate('2020-01-01')).toBe('1 januari 2020');
    expect(formatDate('2019-12-31')).toBe('31 december 2019');
  });

  it('handles missing and odd values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('morgen')).toBe('morgen');
    expect(formatDate('2018-13-01')).toBe('2018-13-01');
  });
});

describe('formatDateShort', () => {
  it('writes dd-mm-jjjj', () => {
    expect(formatDateShort('2018-09-04')).toBe('04-09-2018');
    expect(formatDateShort(null)).toBe('—');
  });
});

describe('formatHours', () => {
  it('uses a decimal comma and drops trailing zeros', () => {
    expect(formatHours('2.5')).toBe('2,5');
    expect(formatHours('2.50')).toBe('2,5');
    expect(formatHours('3.0')).toBe('3');
    expect(formatHours('12')).toBe('12');
    expect(formatHours(1)).toBe('1');
    expect(formatHours(null)).toBe('—');
    expect(formatHours('')).toBe('—');
  });
});

describe('pageTitle', () => {
  it('adds the application name', () => {
    expect(pageTitle('Huishoudens')).toBe('Huishoudens — Regie');
  });
});
