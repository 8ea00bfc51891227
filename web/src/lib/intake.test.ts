import { describe, expect, it } from 'vitest';
import { duplicateText, memberErrors, referralErrors, REFERRAL_SOURCES, todayIso, type ReferralInput } from './intake';

const referral: ReferralInput = {
  family_name: 'Claes',
  address: 'Markt 3',
  postcode: '',
  city: '',
  neighbourhood: '',
  referral_source: 'gp_with_practice_nurse',
  referral_reason: 'veel hulp',
  referral_date: '2026-01-10',
  referral_referrer: '',
};

describe('intake', () => {
  it('offers the combined sources of the report', () => {
    expect(REFERRAL_SOURCES).toContain('gp_with_practice_nurse');
    expect(REFERRAL_SOURCES).toContain('gp_with_safety_house');
  });

  it('checks a referral before it is sent', () => {
    expect(referralErrors(referral, '2026-02-01')).toEqual({});
    const wrong = referralErrors({ ...referral, family_name: ' ', referral_source: '', referral_date: '2026-03-01' }, '2026-02-01');
    expect(Object.keys(wrong).sort()).toEqual(['family_name', 'referral_date', 'referral_source']);
    expect(wrong.referral_date).toContain('toekomst');
  });

  it('checks a member and the BSN eleven-check in the browser', () => {
    const m = { given_name: 'Lotte', family_name: 'Claes', role: 'child', birth_date: '2012-05-17' };
    expect(memberErrors(m, '', '2026-02-01')).toEqual({});
    expect(memberErrors(m, '111222333', '2026-02-01')).toEqual({});
    expect(memberErrors(m, '111222334', '2026-02-01').bsn).toContain('elfproef');
    expect(memberErrors({ ...m, birth_date: '2027-01-01' }, '', '2026-02-01').birth_date).toBeTruthy();
    expect(Object.keys(memberErrors({ ...m, given_name: '', role: '' }, '', '2026-02-01')).sort()).toEqual(['given_name', 'role']);
  });

  it('says only what the answer holds about a known household', () => {
    const hidden = duplicateText({ visible: false, director: 'Sanne de Wit', same_address: false, bsn_indexes: [0] });
    expect(hidden).toContain('Sanne de Wit');
    expect(hidden).toContain('niet inzien');
    const own = duplicateText({
      visible: true,
      director: 'Mieke',
      same_address: true,
      bsn_indexes: [],
      household_id: 'HH-1',
      family_name: 'Claes',
      member_names: [],
    });
    expect(own).toContain('Gezin Claes heeft hetzelfde adres');
    expect(duplicateText({ visible: false, director: '', same_address: true, bsn_indexes: [0] })).toContain(
      'nog geen gezinsregisseur',
    );
  });

  it('gives today as a date in the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
