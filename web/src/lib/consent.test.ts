import { describe, expect, it } from 'vitest';
import { consentBody, consentErrors, consentState, needsGuardian, type Consent } from './consent';

const base: Consent = {
  id: '1',
  member_id: 'M1',
  guardian_member_id: null,
  purpose: 'care_coordination',
  organisation_id: 'O1',
  method: 'signed_form',
  witness: '',
  given_on: '2026-01-10',
  expires_on: '2026-06-30',
  withdrawn_on: null,
  recorded_by: 'regisseur',
  version: 1,
};

describe('consent', () => {
  it('counts from the day given through the expiry, and no longer from the withdrawal day', () => {
    expect(consentState(base, '2026-01-09')).toBe('not_yet');
    expect(consentState(base, '2026-01-10')).toBe('in_force');
    expect(consentState(base, '2026-06-30')).toBe('in_force');
    expect(consentState(base, '2026-07-01')).toBe('expired');
    expect(consentState({ ...base, withdrawn_on: '2026-02-01' }, '2026-02-01')).toBe('withdrawn');
    expect(consentState({ ...base, withdrawn_on: '2026-02-01' }, '2026-01-31')).toBe('in_force');
  });

  it('asks a parent below the guardian age, counted by birth year', () => {
    expect(needsGuardian({ birth_year: 2011 }, 16, '2026-03-01')).toBe(true);
    expect(needsGuardian({ birth_year: 2010 }, 16, '2026-03-01')).toBe(false);
    expect(needsGuardian({ birth_year: 2010 }, 18, '2026-03-01')).toBe(true);
  });

  it('needs a witness for verbal consent and a parent when the member is young', () => {
    const v = { member_id: 'M1', organisation_id: 'O1', purpose: 'business_case', method: 'verbal_witnessed', witness: ' ' };
    expect(Object.keys(consentErrors(v, true)).sort()).toEqual(['guardian_member_id', 'witness']);
    expect(consentErrors({ ...v, witness: 'Anna', guardian_member_id: 'M2' }, true)).toEqual({});
    expect(consentErrors({ ...v, witness: 'Anna', given_on: '2026-02-01', expires_on: '2026-01-01' }, false).expires_on).toBeTruthy();
  });

  it('sends a witness only with verbal consent and leaves out empty fields', () => {
    expect(
      consentBody({ member_id: 'M1', organisation_id: 'O1', purpose: 'care_coordination', method: 'signed_form', witness: 'X', expires_on: '' }),
    ).toEqual({ member_id: 'M1', organisation_id: 'O1', purpose: 'care_coordination', method: 'signed_form' });
  });
});
