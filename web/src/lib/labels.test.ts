import { describe, expect, it } from 'vitest';
import {
  consentStatusLabel,
  costBasisLabel,
  costCategoryLabel,
  domainLabel,
  householdStatusLabel,
  memberRoleLabel,
  referralSourceLabel,
  userRoleLabel,
} from './labels';

describe('Dutch labels', () => {
  it('household status', () => {
    expect(householdStatusLabel('referred')).toBe('Aangemeld');
    expect(householdStatusLabel('intake')).toBe('Intake');
    expect(householdStatusLabel('active')).toBe('Actief');
    expect(householdStatusLabel('aftercare')).toBe('Nazorg');
    expect(householdStatusLabel('closed')).toBe('Afgesloten');
    expect(householdStatusLabel('dropped')).toBe('Uitgevallen');
  });

  it('domains', () => {
    expect(domainLabel('jeugd')).toBe('Jeugd');
    expect(domainLabel('wmo')).toBe('Wmo');
    expect(domainLabel('participatie')).toBe('Participatie');
    expect(domainLabel('schuldhulp')).toBe('Schuldhulp');
    expect(domainLabel('bijstand')).toBe('Bijstand');
    expect(domainLabel('bijzondere_bijstand')).toBe('Bijzondere bijstand');
    expect(domainLabel('beschermd_wonen')).toBe('Beschermd wonen');
    expect(domainLabel('zvw_ggz')).toBe('GGZ (zorgverzekering)');
    expect(domainLabel('uwv')).toBe('UWV');
    expect(domainLabel('niet_geindiceerd')).toBe('Niet-geïndiceerd');
    expect(domainLabel('wlz')).toBe('Wlz');
    expect(domainLabel('maatschappelijke_opvang')).toBe('Maatschappelijke opvang');
  });

  it('cost categories and bases', () => {
    expect(costCategoryLabel('gemeente')).toBe('Gemeente (geïndiceerd)');
    expect(costCategoryLabel('niet_geindiceerd')).toBe('Niet-geïndiceerd');
    expect(costCategoryLabel('uwv')).toBe('UWV');
    expect(costCategoryLabel('zvw_ggz')).toBe('GGZ (zorgverzekering)');
    expect(costBasisLabel('declared')).toBe('Gedeclareerd');
    expect(costBasisLabel('price_list')).toBe('Prijslijst');
    expect(costBasisLabel('estimate')).toBe('Schatting');
  });

  it('referral sources', () => {
    expect(referralSourceLabel('gp')).toBe('Huisarts');
    expect(referralSourceLabel('practice_nurse')).toBe('Praktijkondersteuner');
    expect(referralSourceLabel('wmo')).toBe('Wmo-loket');
    expect(referralSourceLabel('social_team')).toBe('Sociaal team');
    expect(referralSourceLabel('youth_doctor')).toBe('Jeugdarts');
    expect(referralSourceLabel('social_work')).toBe('Maatschappelijk werk');
    expect(referralSourceLabel('other')).toBe('Andere hulpverlening');
    // Referrals made together count apart, as in the report's table 1.
    expect(referralSourceLabel('gp_with_practice_nurse')).toBe('Huisarts samen met POH');
    expect(referralSourceLabel('gp_with_safety_house')).toBe('Huisarts samen met Veiligheidshuis');
  });

  it('roles and consent', () => {
    expect(userRoleLabel('director')).toBe('Gezinsregisseur');
    expect(memberRoleLabel('child')).toBe('Kind');
    expect(consentStatusLabel('withdrawn')).toBe('Ingetrokken');
  });

  it('shows an unknown code as is, and a dash for nothing', () => {
    expect(domainLabel('iets_nieuws')).toBe('iets_nieuws');
    expect(domainLabel('toString')).toBe('toString');
    expect(domainLabel(null)).toBe('—');
  });
});
