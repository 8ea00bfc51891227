import { describe, expect, it } from 'vitest';
import { annualCostOn, lastEffectiveDate, parseAvailability, runsOn, type Decision } from './plan';
import { effectText } from './planText';
import type { Provision } from './types';

const provision = (start: string, end: string | null, cents: number) =>
  ({ start_date: start, end_date: end, annual_cost_cents: cents }) as Provision;

describe('projection of decisions on the care map', () => {
  const care = [provision('2025-01-01', '2026-02-28', 1_000_000), provision('2025-01-01', null, 500_000), provision('2026-03-01', null, 900_000)];

  it('counts a provision from its start to its end, both included', () => {
    expect(runsOn(care[0]!, '2026-02-28')).toBe(true);
    expect(runsOn(care[0]!, '2026-03-01')).toBe(false);
    expect(runsOn(care[2]!, '2026-02-28')).toBe(false);
  });

  it('sums the annual cost before and after the effective date', () => {
    expect(annualCostOn(care, '2026-02-01')).toBe(1_500_000);
    expect(annualCostOn(care, '2026-03-01')).toBe(1_400_000);
  });

  it('takes the latest effective date', () => {
    const d = (effective_date: string) => ({ effective_date }) as Decision;
    expect(lastEffectiveDate([])).toBeNull();
    expect(lastEffectiveDate([d('2026-03-01'), d('2026-05-01'), d('2026-04-01')])).toBe('2026-05-01');
  });

  it('says a negative effect is a saving', () => {
    expect(effectText(-600_000)).toMatch(/^besparing €\s?6\.000$/);
    expect(effectText(250_000)).toMatch(/^extra €\s?2\.500$/);
  });
});

describe('availability as typed', () => {
  it('reads one period per line', () => {
    expect(parseAvailability('2026-12-01 09:00-12:00\n\n2026-12-02T13:00 - 15:30')).toEqual({
      periods: [
        { from: '2026-12-01T09:00', to: '2026-12-01T12:00' },
        { from: '2026-12-02T13:00', to: '2026-12-02T15:30' },
      ],
    });
  });

  it('names the first line that is not a period', () => {
    expect(parseAvailability('2026-12-01 09:00-12:00\ndinsdagochtend')).toEqual({ bad: 'dinsdagochtend' });
    expect(parseAvailability('2026-12-01 12:00-09:00')).toEqual({ bad: '2026-12-01 12:00-09:00' });
  });
});

describe('plan events in the household timeline', () => {
  it('reads decisions, plan versions and aftercare in Dutch', async () => {
    const { timelineText } = await import('../pages/household/Timeline');
    const ev = (kind: string, detail: string) => ({ date: '2026-12-01', kind, provision_id: '', detail });
    expect(timelineText(ev('decision', 'replace: Eén aanbieder'), [], [])).toBe('Vervangen door systemische aanpak: Eén aanbieder');
    expect(timelineText(ev('plan_agreed', 'v2'), [], [])).toBe('Versie 2');
    expect(timelineText(ev('aftercare_started', '1'), [], [])).toBe('Contact elke maand');
    expect(timelineText(ev('round_table', 'Eerste ronde tafel'), [], [])).toBe('Eerste ronde tafel');
  });
});
