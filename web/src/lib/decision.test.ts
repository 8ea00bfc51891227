import { describe, expect, it } from 'vitest';
import { household } from '../test/fixtures';
import { decisionBody, emptyDecision, funderOfDomain, previewDecision, runningBefore, type DecisionValues } from './decision';

const on = (change: Partial<DecisionValues>): DecisionValues => ({ ...emptyDecision('2019-03-01'), ...change });
const running = runningBefore(household.provisions, '2019-03-01');

describe('the decision form values', () => {
  it('start empty: replace, no provider, no provision to scale, no figures', () => {
    expect(emptyDecision('2019-03-01')).toMatchObject({
      kind: 'replace',
      effective: '2019-03-01',
      provider: '',
      scaleId: '',
      hours: '',
      cost: '',
      stop: [],
    });
  });

  it('refuse a replacement without a provider instead of assuming one', () => {
    expect(decisionBody(on({ stop: ['p1'], cost: '18.000' }), running)).toEqual({ problems: ['provider'] });
    expect(decisionBody(on({ stop: ['p1'] }), running)).toEqual({ problems: ['cost', 'provider'] });
  });

  it('refuse a scale without a chosen provision, or with one that no longer runs', () => {
    expect(decisionBody(on({ kind: 'scale_down', cost: '1.000' }), running)).toEqual({ problems: ['scale'] });
    expect(decisionBody(on({ kind: 'scale_down', scaleId: 'p2', cost: '1.000' }), running)).toEqual({ problems: ['scale'] });
  });

  it('send what was chosen', () => {
    const result = decisionBody(on({ stop: ['p1', 'p3'], provider: 'a9', cost: '18.000', hours: '2,5', goal: 'Systeemtherapie' }), running);
    expect(result).toEqual({
      body: {
        kind: 'replace',
        reason: '',
        effective_date: '2019-03-01',
        stop: ['p1', 'p3'],
        start: [{ domain: 'jeugd', provider_id: 'a9', goal: 'Systeemtherapie', annual_cost_cents: 1_800_000, hours_per_week: '2.5' }],
      },
    });
    expect(decisionBody(on({ kind: 'scale_up', scaleId: 'p3', hours: '4' }), running)).toEqual({
      body: { kind: 'scale_up', reason: '', effective_date: '2019-03-01', scale: [{ provision_id: 'p3', hours_per_week: '4' }] },
    });
  });
});

describe('the preview of a decision', () => {
  it('shows the care map lines and the cost per funder without and with a replacement', () => {
    const preview = previewDecision(household, on({ stop: ['p1', 'p3'], provider: 'a9', cost: '18.000' }));
    expect(preview.stopped.map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(preview.started).toEqual({ domain: 'jeugd', providerId: 'a9', memberId: '', cents: 1_800_000 });
    expect(preview.perFunder).toEqual([
      { funder: 'gemeente', before: 345_000 + 2_380_300, after: 1_800_000 },
      { funder: 'zvw_ggz', before: 1_254_000, after: 1_254_000 },
    ]);
    expect(preview.totalBefore).toBe(3_979_300);
    expect(preview.totalAfter).toBe(3_054_000);
  });

  it('puts a scaled provision at its new cost, or its old one when only the hours change', () => {
    const cheaper = previewDecision(household, on({ kind: 'scale_down', scaleId: 'p3', cost: '10.000' }));
    expect(cheaper.scaled?.cents).toBe(1_000_000);
    expect(cheaper.perFunder.find((f) => f.funder === 'gemeente')).toEqual({ funder: 'gemeente', before: 2_725_300, after: 1_345_000 });
    const hoursOnly = previewDecision(household, on({ kind: 'scale_up', scaleId: 'p3', hours: '4' }));
    expect(hoursOnly.totalAfter).toBe(hoursOnly.totalBefore);
  });

  it('changes nothing before anything is chosen', () => {
    const preview = previewDecision(household, on({}));
    expect(preview.stopped).toEqual([]);
    expect(preview.totalAfter - preview.totalBefore).toBe(0);
  });

  it('counts a new provision under the funder of its domain', () => {
    expect(funderOfDomain('jeugd')).toBe('gemeente');
    expect(funderOfDomain('zvw_ggz')).toBe('zvw_ggz');
    const preview = previewDecision(household, on({ kind: 'start', domain: 'uwv', provider: 'a9', cost: '5.000' }));
    expect(preview.perFunder.find((f) => f.funder === 'uwv')).toEqual({ funder: 'uwv', before: 0, after: 500_000 });
  });
});
