import { describe, expect, it } from 'vitest';
import { contactEventText, dropReasonColumns, durationWords, type FunnelRow } from './progress';

const row = (over: Partial<FunnelRow>): FunnelRow => ({
  source: 'gp',
  referred: 0,
  intake: 0,
  guided: 0,
  business_case: 0,
  waiting: 0,
  dropped: {},
  without_business_case: {},
  ...over,
});

describe('durationWords', () => {
  it('says days, weeks, months and years as people do', () => {
    expect(durationWords(1)).toBe('1 dag');
    expect(durationWords(10)).toBe('10 dagen');
    expect(durationWords(21)).toBe('3 weken');
    expect(durationWords(95)).toBe('3 maanden');
    expect(durationWords(365)).toBe('1 jaar');
    expect(durationWords(426)).toBe('1 jaar en 2 maanden');
    expect(durationWords(800)).toBe('2 jaar en 2 maanden');
  });
});

describe('contactEventText', () => {
  it('reads the timeline detail of a contact in Dutch', () => {
    expect(contactEventText('home_visit 90: Spinnenweb ingevuld')).toBe('Huisbezoek, 1 uur 30 min: Spinnenweb ingevuld');
    expect(contactEventText('no_show 30: ')).toBe('Niet thuis of niet gekomen, 30 min');
    expect(contactEventText('phone_call 15: let op: dubbele punt')).toBe('Telefoongesprek, 15 min: let op: dubbele punt');
  });
});

describe('dropReasonColumns', () => {
  it("lists the report's reasons, and others only when a row has them", () => {
    expect(dropReasonColumns([row({})])).toEqual(['not_needed', 'no_consent', 'withdrew', 'outside_area']);
    expect(dropReasonColumns([row({ dropped: { moved_away: 1, unknown: 2 } })])).toEqual([
      'not_needed',
      'no_consent',
      'withdrew',
      'outside_area',
      'moved_away',
      'unknown',
    ]);
  });
});
