import type { Measurement, Questionnaire } from '../lib/types';

const scale = (key: string, label: string) => ({ key, label, min: 0, max: 10, choices: [] });

/** A small Positive Health: three dimensions of two 0–10 items. */
export const adultPH: Questionnaire = {
  key: 'positive_health',
  version: '1.0',
  title: 'Positieve Gezondheid',
  audience: 'adult',
  scoring: 'group-mean',
  scores: [
    { key: 'body', label: 'Lichaamsfuncties' },
    { key: 'mind', label: 'Mentaal welbevinden' },
    { key: 'meaning', label: 'Zingeving' },
  ],
  groups: [
    { key: 'body', label: 'Lichaamsfuncties', items: [scale('body_1', 'Ik voel me fit'), scale('body_2', 'Ik slaap goed')] },
    { key: 'mind', label: 'Mentaal welbevinden', items: [scale('mind_1', 'Ik kan dingen onthouden'), scale('mind_2', 'Ik voel me vrolijk')] },
    { key: 'meaning', label: 'Zingeving', items: [scale('meaning_1', 'Mijn leven heeft zin'), scale('meaning_2', 'Ik heb idealen')] },
  ],
};

const faces = [
  { value: 1, label: 'Heel slecht' },
  { value: 2, label: 'Slecht' },
  { value: 3, label: 'Gaat wel' },
  { value: 4, label: 'Goed' },
  { value: 5, label: 'Heel goed' },
];

export const childPH: Questionnaire = {
  key: 'positive_health_child',
  version: '1.0',
  title: 'Positieve Gezondheid kind',
  audience: 'child',
  scoring: 'group-mean',
  scores: [
    { key: 'body', label: 'Mijn lichaam' },
    { key: 'feelings', label: 'Mijn gevoel' },
    { key: 'meaning', label: 'Meedoen' },
  ],
  groups: [
    { key: 'body', label: 'Mijn lichaam', items: [{ key: 'c_body_1', label: 'Ik voel me fit', min: 1, max: 5, choices: faces }] },
    { key: 'feelings', label: 'Mijn gevoel', items: [{ key: 'c_feel_1', label: 'Ik ben blij', min: 1, max: 5, choices: faces }] },
    { key: 'meaning', label: 'Meedoen', items: [{ key: 'c_mean_1', label: 'Ik doe mee', min: 1, max: 5, choices: faces }] },
  ],
};

export const icecap: Questionnaire = {
  key: 'icecap_a',
  version: '1.0',
  title: 'ICECAP-A',
  audience: 'adult',
  scoring: 'item',
  scores: [{ key: 'stability', label: 'Zekerheid' }],
  groups: [
    {
      key: 'icecap',
      label: 'ICECAP-A',
      items: [
        {
          key: 'stability',
          label: 'Zekerheid',
          min: 1,
          max: 4,
          choices: [
            { value: 1, label: 'Ik voel me nooit zeker' },
            { value: 2, label: 'Ik voel me soms zeker' },
            { value: 3, label: 'Ik voel me vaak zeker' },
            { value: 4, label: 'Ik voel me altijd zeker' },
          ],
        },
      ],
    },
  ],
};

export const questionnaires = [adultPH, childPH, icecap];

export function measurement(over: Partial<Measurement> = {}): Measurement {
  return {
    id: 'm1',
    household_id: 'BZHH01',
    member_id: 'BZHH01-M1',
    instrument: 'positive_health',
    instrument_version: '1.0',
    moment: 'T1',
    measured_on: '2018-11-01',
    filled_by: 'with_director',
    status: 'in_progress',
    version: 3,
    recorded_by: 'r.dekker',
    answers: { body_1: 7, body_2: 5 },
    missing: ['mind_1', 'mind_2', 'meaning_1', 'meaning_2'],
    scores: { body: 6, mind: null, meaning: null },
    index: null,
    ...over,
  };
}
