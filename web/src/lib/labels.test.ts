import { describe, expect, it } from 'vitest';
import {
  consentStatusLabel,
  costBasisLabel,
  costCategoryLabel,
  domainLabel,
  householdStatusLabel,
  dutchServerMessage,
  fieldServerText,
  instrumentLabel,
  measurementEventText,
  personLabel,
  personName,
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

describe('measurements and people on the timeline', () => {
  const members = [{ id: 'BZHH01-M1', given_name: 'Sanne', family_name: 'de Vries' }];

  it('names the questionnaire in Dutch', () => {
    expect(instrumentLabel('positive_health')).toBe('Positieve Gezondheid');
    expect(instrumentLabel('positive_health_child')).toBe('Positieve Gezondheid voor kinderen');
    expect(instrumentLabel('icecap_a')).toBe('ICECAP-A');
    expect(instrumentLabel('general')).toBe('Algemene vragen');
  });

  it('turns the server detail into a sentence with the member name', () => {
    expect(measurementEventText('positive_health T3 BZHH01-M1', members)).toBe('Positieve Gezondheid (T3) van Sanne de Vries');
    expect(measurementEventText('icecap_a T1 BZHH01-M9', members)).toBe('ICECAP-A (T1)');
  });

  it('shows a display name, never a user name', () => {
    expect(personLabel('Ria Dekker')).toBe('Ria Dekker');
    expect(personLabel('')).toBe('iemand');
    expect(personLabel(undefined)).toBe('iemand');
  });
});

describe('dutchServerMessage', () => {
  it('puts the known server messages in Dutch', () => {
    expect(dutchServerMessage('t2 must be after t1')).toBe('meetmoment 2 (T2) moet na meetmoment 1 (T1) liggen.');
    expect(dutchServerMessage('date: cannot lie in the future')).toBe('de datum mag niet in de toekomst liggen.');
    expect(dutchServerMessage('amount_cents: 0 to 1000000000 cents (EUR 10000000)')).toBe(
      'het bedrag moet van € 0 tot en met € 10.000.000 zijn.',
    );
    expect(dutchServerMessage('hours_per_week: 0 to 168')).toBe('het getal moet van 0 tot en met 168 zijn.');
    expect(dutchServerMessage('answers.mind_1: 8 is out of range 0-7')).toBe('het antwoord 8 kan niet; kies van 0 tot en met 7.');
  });
  it('leaves out what it cannot translate, so no English reaches the screen', () => {
    expect(dutchServerMessage('something unexpected happened')).toBeNull();
    expect(dutchServerMessage('')).toBeNull();
    expect(dutchServerMessage(null)).toBeNull();
  });
});

describe('personName', () => {
  it('shows the display name of a known user and never a user name', () => {
    const known = { 'r.dekker': 'Ria Dekker' };
    expect(personName('r.dekker', known)).toBe('Ria Dekker');
    expect(personName('m.bakker', known)).toBe('een collega');
    expect(personName(null, known)).toBe('—');
  });
});

describe('fieldServerText', () => {
  it('puts a known message under the field in Dutch, else asks to check it', () => {
    expect(fieldServerText('t2 must be after t1')).toBe('Meetmoment 2 (T2) moet na meetmoment 1 (T1) liggen.');
    expect(fieldServerText('year: a year like 2019')).toBe('De server heeft deze waarde niet aangenomen; controleer haar.');
  });
});
