import { describe, expect, it } from 'vitest';
import { household } from '../../test/fixtures';
import type { TimelineEvent } from '../../lib/types';
import { timelineText } from './Timeline';

describe('timelineText', () => {
  const { provisions, members } = household;
  const edit = (count?: number): TimelineEvent => ({
    date: '2019-11-02',
    kind: 'care_map_edited',
    provision_id: provisions[0]?.id ?? '',
    detail: 'r.dekker',
    by_name: 'Ria Dekker',
    count,
  });

  it('names who changed the care map by their name, not their user name', () => {
    expect(timelineText(edit(1), provisions, members)).toMatch(/\(door Ria Dekker\)$/);
    expect(timelineText(edit(), provisions, members)).toMatch(/\(door Ria Dekker\)$/);
    expect(timelineText({ ...edit(), by_name: '' }, provisions, members)).toMatch(/\(door iemand\)$/);
  });

  it('names a measurement by questionnaire, moment and member', () => {
    const m = members[0]!;
    const e: TimelineEvent = { date: '2019-11-01', kind: 'measurement', provision_id: '', detail: `positive_health T3 ${m.id}` };
    expect(timelineText(e, provisions, members)).toBe(`Positieve Gezondheid (T3) van ${m.given_name} ${m.family_name}`);
  });

  it('says how often when one line stands for several changes that day', () => {
    expect(timelineText(edit(4), provisions, members)).toMatch(/\(door Ria Dekker, 4 keer die dag\)$/);
  });
});
