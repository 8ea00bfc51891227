import { describe, expect, it } from 'vitest';
import { adultPH, childPH, measurement } from '../test/measurementFixtures';
import { radarMeasurements, radarOption, seriesName, wrapAxisName } from './radarOptions';

const t1 = measurement({ id: 'a', moment: 'T1', status: 'completed', scores: { body: 6, mind: 5.5, meaning: 7 } });
const t2 = measurement({ id: 'b', moment: 'T2', status: 'completed', scores: { body: 7, mind: 6, meaning: 8.5 } });
const t3 = measurement({ id: 'c', moment: 'T3', status: 'in_progress', scores: { body: 7, mind: null, meaning: 8 } });

type Radar = {
  legend: { data: string[] };
  radar: { indicator: { name: string; min: number; max: number }[] };
  series: { type: string; data: { name: string; value: number[]; lineStyle: { type: string } }[] }[];
};

describe('radar option', () => {
  it('has one axis per score with the range of its items', () => {
    const option = radarOption(adultPH, [t1], 'Noto', 'nog bezig') as unknown as Radar;
    expect(option.radar.indicator).toEqual([
      { name: 'Lichaamsfuncties', min: 0, max: 10 },
      { name: 'Mentaal\nwelbevinden', min: 0, max: 10 },
      { name: 'Zingeving', min: 0, max: 10 },
    ]);
  });

  it('overlays T1 and T2 in moment order, with a legend and different line types', () => {
    const option = radarOption(adultPH, [t2, t1], 'Noto', 'nog bezig') as unknown as Radar;
    expect(option.legend.data).toEqual(['T1', 'T2']);
    const data = option.series[0]!.data;
    expect(option.series[0]!.type).toBe('radar');
    expect(data.map((d) => d.value)).toEqual([
      [6, 5.5, 7],
      [7, 6, 8.5],
    ]);
    expect(data[0]!.lineStyle.type).not.toBe(data[1]!.lineStyle.type);
  });

  it('leaves out a moment with a missing score instead of drawing it as 0', () => {
    const { shown, hidden } = radarMeasurements(adultPH, [t3, t1, t2]);
    expect(shown.map((x) => x.moment)).toEqual(['T1', 'T2']);
    expect(hidden.map((x) => x.moment)).toEqual(['T3']);
    const option = radarOption(adultPH, [t1, t3], 'Noto', 'nog bezig') as unknown as Radar;
    expect(option.series[0]!.data.flatMap((d) => d.value)).not.toContain(0);
    expect(option.legend.data).toEqual(['T1']);
  });

  it('uses the child scale 1–5 and only the measurements of its own instrument', () => {
    const child = measurement({
      id: 'k',
      instrument: 'positive_health_child',
      scores: { body: 4, feelings: 3, meaning: 5 },
    });
    const option = radarOption(childPH, [child, t1], 'Noto', 'nog bezig') as unknown as Radar;
    expect(option.radar.indicator.map((i) => [i.min, i.max])).toEqual([
      [1, 5],
      [1, 5],
      [1, 5],
    ]);
    expect(option.series[0]!.data).toHaveLength(1);
  });

  it('marks a moment still being filled in and returns null when nothing can be drawn', () => {
    expect(seriesName({ moment: 'T2', status: 'in_progress' }, 'nog bezig')).toBe('T2 (nog bezig)');
    expect(radarOption(adultPH, [t3], 'Noto', 'nog bezig')).toBeNull();
    expect(radarOption(adultPH, [], 'Noto', 'nog bezig')).toBeNull();
  });

  it('puts long axis names on two lines', () => {
    expect(wrapAxisName('Zingeving')).toBe('Zingeving');
    expect(wrapAxisName('Kwaliteit van leven')).toBe('Kwaliteit\nvan leven');
    expect(wrapAxisName('Dagelijks functioneren')).toBe('Dagelijks\nfunctioneren');
  });
});
