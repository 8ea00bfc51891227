import { describe, expect, it } from 'vitest';
import { isOverdue, openFirst, todayIso } from './sharedPlan';

describe('shared plan helpers', () => {
  it('calls an action overdue only while it is still to do and its date has passed', () => {
    expect(isOverdue({ status: 'open', due: '2026-12-01' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ status: 'in_progress', due: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-12-01' }, '2026-12-05')).toBe(false);
    expect(isOverdue({ status: 'open', due: null }, '2026-12-05')).toBe(false);
  });

  it('puts the actions still to do first and keeps the order within each part', () => {
    const order = openFirst([
      { status: 'done', n: 1 },
      { status: 'open', n: 2 },
      { status: 'dropped', n: 3 },
      { status: 'in_progress', n: 4 },
    ]).map((a) => a.n);
    expect(order).toEqual([2, 4, 1, 3]);
  });

  it('gives today in the Netherlands, also just after midnight there', () => {
    expect(todayIso(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(todayIso(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01');
  });
});
