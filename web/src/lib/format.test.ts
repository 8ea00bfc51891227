import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateShort,
  formatHours,
  formatMinutes,
  formatPercent,
  pageTitle,
  todayIso,
} from './format';

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


describe('formatPercent', () => {
  it('shows whole percentages like the report', () => {
    expect(formatPercent(-72)).toBe('-72%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(57)).toBe('57%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatMinutes', () => {
  it('shows hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 uur');
    expect(formatMinutes(90)).toBe('1 uur 30 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(1440)).toBe('24 uur');
  });
});

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    expect(todayIso(new Date(2019, 0, 5, 23, 59))).toBe('2019-01-05');
  });
});
