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
    count,
  });

  it('names who changed the care map', () => {
    expect(timelineText(edit(1), provisions, members)).toMatch(/\(door r\.dekker\)$/);
    expect(timelineText(edit(), provisions, members)).toMatch(/\(door r\.dekker\)$/);
  });

  it('says how often when one line stands for several changes that day', () => {
    expect(timelineText(edit(4), provisions, members)).toMatch(/\(door r\.dekker, 4 keer die dag\)$/);
  });
});
