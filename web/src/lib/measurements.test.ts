import { describe, expect, it } from 'vitest';
import { adultPH, childPH, icecap, measurement, questionnaires } from '../test/measurementFixtures';
import {
  answerText,
  answerValue,
  compareMoments,
  displayGroups,
  faceMood,
  firstOpenGroup,
  formatChange,
  formatScore,
  groupProgress,
  icecapLevels,
  indexText,
  instrumentsFor,
  isMinor,
  itemControl,
  itemErrors,
  missingCount,
  momentOptions,
  nextMoment,
  outcomeItemLabel,
  outcomeRows,
  scoreRange,
  totalProgress,
  wishDimensions,
} from './measurements';

describe('answers and missing items', () => {
  it('treats an absent or null answer as missing, never as 0', () => {
    const x = measurement({ answers: { body_1: 0, body_2: null } });
    expect(answerValue(x, 'body_1')).toBe(0);
    expect(answerValue(x, 'body_2')).toBeNull();
    expect(answerValue(x, 'mind_1')).toBeNull();
    expect(answerText(adultPH.groups[0]!.items[0]!, null)).toBe('nog niet ingevuld');
    expect(answerText(adultPH.groups[0]!.items[0]!, 0)).toBe('0');
  });

  it('shows a choice by its label', () => {
    expect(answerText(childPH.groups[0]!.items[0]!, 4)).toBe('Goed');
  });

  it('shows scores with one decimal and a missing score as not filled in', () => {
    expect(formatScore(6)).toBe('6,0');
    expect(formatScore(7.25)).toBe('7,3');
    expect(formatScore(null)).toBe('nog niet ingevuld');
    expect(formatScore(undefined)).toBe('nog niet ingevuld');
  });

  it('counts the missing items from the server list, else from the answers', () => {
    expect(missingCount(measurement())).toBe(4);
    const noList = { answers: { body_1: 3 } } as unknown as Parameters<typeof missingCount>[0];
    expect(missingCount(noList, adultPH)).toBe(5);
  });

  it('gives progress per part and in total, and the first part with open items', () => {
    const x = measurement();
    expect(groupProgress(adultPH.groups[0]!, x)).toEqual({ answered: 2, total: 2 });
    expect(groupProgress(adultPH.groups[1]!, x)).toEqual({ answered: 0, total: 2 });
    expect(totalProgress(adultPH, x)).toEqual({ answered: 2, total: 6 });
    expect(firstOpenGroup(adultPH.groups, x)).toBe(1);
    expect(firstOpenGroup(adultPH.groups, measurement({ answers: {} }))).toBe(0);
  });
});

describe('parts to fill in', () => {
  it('keeps dimensions as parts and joins one-item groups into one part', () => {
    expect(displayGroups(adultPH).map((g) => g.key)).toEqual(['body', 'mind', 'meaning']);
    const flat = { key: 'icecap_a', title: 'ICECAP-A', groups: [
      { key: 'a', label: 'A', items: [adultPH.groups[0]!.items[0]!] },
      { key: 'b', label: 'B', items: [adultPH.groups[0]!.items[1]!] },
    ] };
    const parts = displayGroups(flat);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.label).toBe('ICECAP-A');
    expect(parts[0]?.items).toHaveLength(2);
  });
});

describe('ICECAP-A index', () => {
  it('shows the index when the server sent one; other instruments have none', () => {
    expect(indexText({ instrument: 'icecap_a', index: 0.8123 })).toBe('Capability-index: 0,812');
    expect(indexText({ instrument: 'icecap_a', index: null })).toBeNull();
    expect(indexText({ instrument: 'positive_health', index: null })).toBeNull();
  });

  const level = (key: string, label: string) => ({
    key,
    label,
    min: 1,
    max: 4,
    choices: [1, 2, 3, 4].map((value) => ({ value, label: `${label} ${value}` })),
  });
  const five = {
    groups: [
      ['stability', 'Stabiliteit'],
      ['attachment', 'Verbondenheid'],
      ['autonomy', 'Zelfstandigheid'],
      ['achievement', 'Iets bereiken'],
      ['enjoyment', 'Plezier'],
    ].map(([key, label]) => ({ key: key!, label: label!, items: [level(key!, label!)] })),
  };

  it('without the tariff file shows each attribute with its level and the sum of the levels', () => {
    const answers = { stability: 4, attachment: 3, autonomy: 4, achievement: 2, enjoyment: 3 };
    const x = icecapLevels({ instrument: 'icecap_a', index: null, answers }, five);
    expect(x?.levels).toBe('Stabiliteit: 4, Verbondenheid: 3, Zelfstandigheid: 4, Iets bereiken: 2, Plezier: 3');
    expect(x?.sum).toBe('Som van de niveaus: 16 (kan 5 tot 20 zijn)');
    expect(x?.note).toContain('tarievenbestand');
    expect(x?.note).toContain('1 = niet, 4 = volledig');
    expect(x?.note).not.toMatch(/niet beschikbaar/);
  });

  it('gives no sum while an attribute is open, and nothing when the index is there or for other instruments', () => {
    const x = icecapLevels({ instrument: 'icecap_a', index: null, answers: { stability: 2, attachment: null } }, five);
    expect(x?.levels).toBe(
      'Stabiliteit: 2, Verbondenheid: nog niet ingevuld, Zelfstandigheid: nog niet ingevuld, Iets bereiken: nog niet ingevuld, Plezier: nog niet ingevuld',
    );
    expect(x?.sum).toBeNull();
    const waiting = icecapLevels({ instrument: 'icecap_a', index: null, answers: { stability: 2 } }, { ...five, index_tariff: true });
    expect(waiting?.note).toBe('De capability-index volgt als alle kenmerken zijn ingevuld.');
    expect(waiting?.sum).toBeNull();
    expect(icecapLevels({ instrument: 'icecap_a', index: 0.5, answers: {} }, five)).toBeNull();
    expect(icecapLevels({ instrument: 'positive_health', index: null, answers: {} }, adultPH)).toBeNull();
    expect(icecapLevels({ instrument: 'icecap_a', index: null, answers: {} }, undefined)).toBeNull();
  });
});

describe('moments', () => {
  it('sorts T2 before T10 and suggests the next free moment', () => {
    expect(['T10', 'T2', 'T1'].sort(compareMoments)).toEqual(['T1', 'T2', 'T10']);
    const list = [measurement({ moment: 'T1' }), measurement({ moment: 'T2' }), measurement({ moment: 'T1', instrument: 'icecap_a' })];
    expect(nextMoment(list, 'positive_health')).toBe('T3');
    expect(nextMoment(list, 'icecap_a')).toBe('T2');
    expect(nextMoment([], 'general')).toBe('T1');
    expect(momentOptions(list, 'positive_health')).toEqual(['T1', 'T2', 'T3']);
    expect(momentOptions([measurement({ moment: 'T3' })], 'positive_health')).toEqual(['T1', 'T2', 'T3', 'T4']);
  });
});

describe('instruments', () => {
  it('decides child or adult by birth year, else by family role', () => {
    expect(isMinor({ role: 'child', birth_year: 2006 }, 2018)).toBe(true);
    expect(isMinor({ role: 'child', birth_year: 2000 }, 2019)).toBe(false);
    expect(isMinor({ role: 'child', birth_year: null }, 2019)).toBe(true);
    expect(isMinor({ role: 'parent', birth_year: null }, 2019)).toBe(false);
  });

  it('offers the fitting questionnaires first, the ones already used before all', () => {
    expect(instrumentsFor(questionnaires, true).map((q) => q.key)).toEqual(['positive_health_child', 'positive_health', 'icecap_a']);
    expect(instrumentsFor(questionnaires, false).map((q) => q.key)).toEqual(['positive_health', 'icecap_a', 'positive_health_child']);
    expect(instrumentsFor(questionnaires, false, ['icecap_a'])[0]?.key).toBe('icecap_a');
    expect(wishDimensions(questionnaires, true).map((d) => d.key)).toEqual(['body', 'feelings', 'meaning']);
    expect(wishDimensions(questionnaires, false)[2]?.label).toBe('Zingeving');
    // A grown-up child with adult measurements gets the adult dimensions.
    expect(wishDimensions(questionnaires, true, ['positive_health'])[1]?.label).toBe('Mentaal welbevinden');
  });

  it('takes the axis range from the items of a dimension', () => {
    expect(scoreRange(adultPH, 'mind')).toEqual({ min: 0, max: 10 });
    expect(scoreRange(childPH, 'feelings')).toEqual({ min: 1, max: 5 });
    expect(scoreRange(icecap, 'stability')).toEqual({ min: 1, max: 4 });
  });

  it('picks big number buttons, faces or cards', () => {
    expect(itemControl(adultPH, adultPH.groups[0]!.items[0]!)).toBe('scale');
    expect(itemControl(childPH, childPH.groups[0]!.items[0]!)).toBe('faces');
    expect(itemControl(icecap, icecap.groups[0]!.items[0]!)).toBe('cards');
    expect(itemControl(adultPH, { key: 'x', label: 'x', min: 0, max: 100, choices: [] })).toBe('number');
  });

  it('makes the last face the happiest', () => {
    const item = childPH.groups[0]!.items[0]!;
    expect(faceMood(item, 1)).toBe(-1);
    expect(faceMood(item, 3)).toBe(0);
    expect(faceMood(item, 5)).toBe(1);
  });
});

describe('server errors per item', () => {
  it('gives each named item its own part of the message', () => {
    const keys = ['body_1', 'body_10', 'mind_1'];
    const errors = itemErrors('answers.body_10: 11 is out of range 0-10; answers.mind_1: not a whole number', keys);
    expect(errors).toEqual({
      body_10: 'answers.body_10: 11 is out of range 0-10',
      mind_1: 'answers.mind_1: not a whole number',
    });
    expect(itemErrors('version: stale', keys)).toEqual({});
  });
});

describe('outcome table', () => {
  it('reads rows given as arrays in column order', () => {
    const rows = outcomeRows({
      columns: ['instrument', 'item', 'improved', 'same', 'declined', 'persons', 'mean_change'],
      rows: [['positive_health', 'body', 3, 1, 1, 5, 0.8]],
    });
    expect(rows).toEqual([
      { instrument: 'positive_health', item: 'body', improved: 3, same: 1, declined: 1, persons: 5, mean_change: 0.8 },
    ]);
  });

  it('reads rows given as objects, and keeps a missing mean as null', () => {
    const rows = outcomeRows({
      columns: ['instrument', 'item', 'improved', 'same', 'declined', 'persons', 'mean_change'],
      rows: [{ instrument: 'general', item: 'life_grade', improved: 0, same: 0, declined: 0, persons: 0, mean_change: null }],
    });
    expect(rows[0]?.mean_change).toBeNull();
    expect(rows[0]?.persons).toBe(0);
    expect(outcomeRows(null)).toEqual([]);
  });

  it('shows a change with its sign and the item by its Dutch label', () => {
    expect(formatChange(1.5)).toBe('+1,5');
    expect(formatChange(-0.4)).toBe('-0,4');
    expect(formatChange(0)).toBe('0,0');
    expect(formatChange(0.63)).toBe('+0,63');
    expect(formatChange(null)).toBe('—');
    expect(outcomeItemLabel(questionnaires, 'positive_health', 'meaning')).toBe('Zingeving');
    expect(outcomeItemLabel(questionnaires, 'positive_health', 'body_2')).toBe('Ik slaap goed');
    expect(outcomeItemLabel(questionnaires, 'unknown', 'x')).toBe('x');
  });
});
