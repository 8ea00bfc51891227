import { describe, expect, it } from 'vitest';
import type { RoundTable } from './plan';
import { dueItems } from './startWork';

const rt = (over: Partial<RoundTable>): RoundTable => ({
  id: 1,
  title: 'Rondetafel',
  status: 'planning',
  duration_minutes: 60,
  window_from: '2024-05-01',
  window_to: '2024-05-10',
  time_zone: 'Europe/Amsterdam',
  scheduled_at: null,
  location: '',
  agenda: '',
  minutes: '',
  participants: [],
  version: 1,
  ...over,
});

const household = (id: string, status: string, plan_active = false, plan_agreed = false) => ({
  id,
  family_name: `Gezin ${id}`,
  status,
  plan_active,
  plan_agreed,
  aftercare: null,
});

describe('dueItems', () => {
  const now = new Date('2024-04-15T10:00:00Z');

  it('puts overdue aftercare first, then by date, and plans to agree last', () => {
    const caseload = {
      households: [household('A', 'aftercare', true, true), household('B', 'active'), household('C', 'active', true, true)],
      aftercare_due: [
        { ...household('A', 'aftercare', true, true), aftercare: { next_due: '2024-05-01', missed: 0, overdue: false } },
        { ...household('C', 'aftercare', true, true), aftercare: { next_due: '2024-03-01', missed: 1, overdue: true } },
      ],
    };
    const tables = new Map([['C', [rt({ status: 'scheduled', scheduled_at: '2024-04-20T08:00:00Z', title: 'Overleg' })]]]);
    const items = dueItems(caseload, tables, now);
    expect(items.map((i) => [i.kind, i.household.id])).toEqual([
      ['aftercare', 'C'],
      ['roundTable', 'C'],
      ['aftercare', 'A'],
      ['plan', 'B'],
    ]);
    expect(items[1]?.title).toBe('Overleg');
    expect(items[1]?.household.family_name).toBe('Gezin C');
  });

  it('leaves out round tables that were held, cancelled or lie in the past', () => {
    const tables = new Map([
      [
        'A',
        [
          rt({ status: 'held', scheduled_at: '2024-04-20T08:00:00Z' }),
          rt({ status: 'cancelled' }),
          rt({ status: 'scheduled', scheduled_at: '2024-04-01T08:00:00Z' }),
          rt({ status: 'planning', window_to: '2024-05-10' }),
        ],
      ],
    ]);
    const items = dueItems({ households: [household('A', 'closed', true, true)], aftercare_due: [] }, tables, now);
    expect(items.map((i) => i.kind)).toEqual(['roundTablePlanning']);
  });

  it('asks for a plan only in intake and active', () => {
    const caseload = {
      households: [household('R', 'referred'), household('I', 'intake'), household('D', 'dropped'), household('P', 'active', true, false)],
      aftercare_due: [],
    };
    expect(dueItems(caseload, new Map(), now).map((i) => i.household.id)).toEqual(['I', 'P']);
  });
});
