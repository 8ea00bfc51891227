import { describe, expect, it } from 'vitest';
import { household } from '../test/fixtures';
import { ApiError } from './api';
import {
  buildProvisionBody,
  centsToInput,
  describeSignalProvisions,
  EMPTY_PROVISION,
  groupByProvider,
  isConflictError,
  isValidBsn,
  messageField,
  parseDecimalInput,
  peopleAtTheDoor,
  provisionToForm,
  sortTimeline,
} from './household';
import { SIGNAL_CODES, signalLabel } from './labels';
import type { Provision } from './types';

const { members, provisions } = household;

describe('groupByProvider', () => {
  it('groups active provisions by provider name', () => {
    const groups = groupByProvider(provisions, false);
    expect(groups.map((g) => g.name)).toEqual(['Kredietbank', 'Mondriaan', 'Xonar']);
    expect(groups.every((g) => g.provisions.every((p) => p.active))).toBe(true);
  });

  it('includes ended ones when asked and puts a provision of one provider together', () => {
    const extra: Provision = { ...provisions[0]!, id: 'p9', member_id: 'm2' };
    const groups = groupByProvider([...provisions, extra], true);
    expect(groups.map((g) => g.name)).toEqual(['Kredietbank', 'Mondriaan', 'Podium24', 'Xonar']);
    expect(groups[0]!.provisions.map((p) => p.id)).toEqual(['p1', 'p9']);
  });

  it('puts provisions without a provider last', () => {
    const none: Provision = { ...provisions[0]!, id: 'p8', provider: null };
    const groups = groupByProvider([none, ...provisions], false);
    expect(groups.at(-1)!.name).toBe('Aanbieder onbekend');
  });
});

describe('peopleAtTheDoor', () => {
  it('lists professionals of active provisions with phone, goals and members', () => {
    const visitors = peopleAtTheDoor(members, provisions, [
      { id: 'h1', name: 'M. Hendriks', organisation_id: 'a1', role: 'schuldhulpverlener', phone: '06-11112222' },
    ]);
    expect(visitors.map((v) => v.name)).toEqual(['K. Vos', 'M. Hendriks', null]);
    const hendriks = visitors[1]!;
    expect(hendriks.organisation).toBe('Kredietbank');
    expect(hendriks.phone).toBe('06-11112222');
    expect(hendriks.goals).toEqual(['Schulden in beeld']);
    expect(hendriks.members).toEqual(['Johan van den Berg']);
    // the provision without a professional: the provider, for the whole household
    expect(visitors[2]!.organisation).toBe('Mondriaan');
    expect(visitors[2]!.members).toEqual(['Hele huishouden']);
  });

  it('merges one professional over several members', () => {
    const second: Provision = { ...provisions[0]!, id: 'p7', member_id: 'm2', goal: 'Zakgeld leren beheren' };
    const visitors = peopleAtTheDoor(members, [provisions[0]!, second]);
    expect(visitors).toHaveLength(1);
    expect(visitors[0]!.members).toEqual(['Johan van den Berg', 'Kevin van den Berg']);
    expect(visitors[0]!.goals).toEqual(['Schulden in beeld', 'Zakgeld leren beheren']);
    expect(visitors[0]!.phone).toBeNull();
  });
});

describe('signals', () => {
  it('has a Dutch title for each of the six codes', () => {
    expect(signalLabel('stacking')).toBe('Stapeling: 3 of meer voorzieningen zonder afstemming');
    expect(signalLabel('several_plans')).toBe('Meer dan één gezinsplan');
    expect(signalLabel('one_provider_several_members')).toBe('Eén aanbieder, losse voorzieningen per gezinslid');
    expect(signalLabel('several_ggz_providers')).toBe('Meerdere GGZ-aanbieders voor één persoon');
    expect(signalLabel('many_professionals')).toBe('10 of meer hulpverleners in 12 maanden');
    expect(signalLabel('overlapping_coaching')).toBe('Overlappende coaching naar zelfredzaamheid');
    for (const code of SIGNAL_CODES) expect(signalLabel(code)).not.toBe(code);
    expect(signalLabel('new_code')).toBe('new_code');
  });

  it('describes the provisions a signal names as domain, provider and member', () => {
    expect(describeSignalProvisions(['p1', 'p4', 'nope'], provisions, members)).toEqual([
      { id: 'p1', text: 'Schuldhulp — Kredietbank — Johan van den Berg' },
      { id: 'p4', text: 'GGZ (zorgverzekering) — Mondriaan — Hele huishouden' },
      { id: 'nope', text: 'nope' },
    ]);
  });
});

describe('isValidBsn (eleven-check)', () => {
  it('accepts valid numbers', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn(' 1112.22.333 ')).toBe(true);
  });
  it('refuses wrong ones', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('11122233')).toBe(false);
    expect(isValidBsn('1112223334')).toBe(false);
    expect(isValidBsn('11122233a')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });
});

describe('conflicts and server messages', () => {
  it('knows a 409', () => {
    expect(isConflictError(new ApiError(409, 'conflict', 'changed by someone else (now version 3)'))).toBe(true);
    expect(isConflictError(new ApiError(400, 'invalid_input', 'end_date: before start_date'))).toBe(false);
    expect(isConflictError(new Error('x'))).toBe(false);
  });
  it('finds the field a 400 names', () => {
    const fields = ['end_date', 'start_date'];
    expect(messageField('end_date: before start_date', fields)).toBe('end_date');
    expect(messageField('price_code: not on the price list', fields)).toBeNull();
    expect(messageField('something else', fields)).toBeNull();
  });
});

describe('the provision form', () => {
  it('requires domain, provider, start date and a cost', () => {
    const { errors } = buildProvisionBody(EMPTY_PROVISION);
    expect(Object.keys(errors).sort()).toEqual(['annual_cost_cents', 'domain', 'provider_id', 'start_date']);
  });

  it('builds an annual-cost body in cents with "2.5" hours', () => {
    const { body, errors } = buildProvisionBody({
      ...EMPTY_PROVISION,
      member_id: 'm1',
      domain: 'wmo',
      provider_id: 'a1',
      start_date: '2025-01-06',
      hours: '2,5',
      annual_cost: '1.200,50',
      cost_basis: 'estimate',
      coaching: true,
    });
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      member_id: 'm1',
      domain: 'wmo',
      provider_id: 'a1',
      professional_id: null,
      start_date: '2025-01-06',
      end_date: null,
      hours_per_week: '2.5',
      annual_cost_cents: 120050,
      cost_basis: 'estimate',
      coaching: true,
    });
  });

  it('builds a price-list body and checks the end date', () => {
    const { body, errors } = buildProvisionBody({
      ...EMPTY_PROVISION,
      domain: 'niet_geindiceerd',
      provider_id: 'a1',
      start_date: '2025-01-06',
      end_date: '2024-12-31',
      cost_mode: 'price',
      price_code: 'MW-01',
      units_per_year: '24',
    });
    expect(body).toMatchObject({ member_id: null, price_code: 'MW-01', units_per_year: '24', cost_basis: 'price_list' });
    expect(body.annual_cost_cents).toBeUndefined();
    expect(Object.keys(errors)).toEqual(['end_date']);
  });

  it('fills the form from a provision and converts amounts and hours', () => {
    const v = provisionToForm(provisions[0]!);
    expect(v).toMatchObject({ member_id: 'm1', provider_id: 'a1', professional_id: 'h1', hours: '1,5', annual_cost: '3450' });
    expect(centsToInput(120050)).toBe('1200,50');
    expect(parseDecimalInput('2,5')).toBe('2.5');
    expect(parseDecimalInput('abc')).toBeNull();
  });
});

describe('sortTimeline', () => {
  it('puts the newest first and keeps the order on one date', () => {
    const events = [
      { date: '2019-01-01', kind: 'provision_started', provision_id: 'a', detail: 'wmo' },
      { date: '2020-01-01', kind: 'care_map_added', provision_id: 'b', detail: 'r.dekker' },
      { date: '2020-01-01', kind: 'care_map_edited', provision_id: 'b', detail: 'r.dekker' },
    ];
    expect(sortTimeline(events).map((e) => e.kind)).toEqual(['care_map_added', 'care_map_edited', 'provision_started']);
  });
});
