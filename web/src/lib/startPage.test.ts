import { describe, expect, it } from 'vitest';
import { pathForRole, startPage } from './startPage';

describe('startPage', () => {
  it.each([
    ['director', '/mijn-werk'],
    ['team_lead', '/team'],
    ['analyst', '/analyse'],
    ['administrator', '/accounts'],
    ['member', '/mijn'],
    ['professional', '/werk'],
  ])('%s lands on %s', (role, path) => {
    expect(startPage(role)).toBe(path);
  });

  it('sends an unknown or missing role to a page that refuses nobody', () => {
    expect(startPage('someone')).toBe('/mijn');
    expect(startPage(null)).toBe('/mijn');
    expect(startPage(undefined)).toBe('/mijn');
  });

  it('sends a role from a page that would refuse it to its start page', () => {
    expect(pathForRole('member', '/huishoudens')).toBe('/mijn');
    expect(pathForRole('analyst', '/huishoudens')).toBe('/analyse');
    expect(pathForRole('analyst', '/caseload')).toBe('/analyse');
    expect(pathForRole('director', '/accounts')).toBe('/mijn-werk');
    expect(pathForRole('team_lead', '/mijn-werk')).toBe('/team');
    expect(pathForRole('administrator', '/team')).toBe('/accounts');
  });

  it('leaves pages the role may use, and paths it does not govern, alone', () => {
    expect(pathForRole('director', '/huishoudens')).toBeNull();
    expect(pathForRole('member', '/mijn')).toBeNull();
    expect(pathForRole('analyst', '/uitkomsten')).toBeNull();
    expect(pathForRole('administrator', '/berichten')).toBeNull();
    expect(pathForRole('director', '/huishoudens/BZHH01')).toBeNull();
    expect(pathForRole('analyst', '/businesscase')).toBeNull();
    expect(pathForRole('member', '/prijslijst')).toBeNull();
  });

  it('never redirects a role without a page of its own to where it already is', () => {
    expect(pathForRole('someone', '/mijn')).toBeNull();
  });
});
