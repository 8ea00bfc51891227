import { describe, expect, it } from 'vitest';
import { pathForRole, startPage } from './startPage';

describe('startPage', () => {
  it.each([
    ['director', '/mijn-werk'],
    ['team_lead', '/team'],
    ['analyst', '/analyse'],
    ['administrator', '/accounts'],
    ['member', '/mijn'],
    ['professional', '/huishoudens'],
  ])('%s lands on %s', (role, path) => {
    expect(startPage(role)).toBe(path);
  });

  it('sends an unknown or missing role to a page that refuses nobody', () => {
    expect(startPage('someone')).toBe('/mijn');
    expect(startPage(null)).toBe('/mijn');
    expect(startPage(undefined)).toBe('/mijn');
  });

  it('keeps a household member off the household list', () => {
    expect(pathForRole('member', '/huishoudens')).toBe('/mijn');
    expect(pathForRole('director', '/huishoudens')).toBeNull();
    expect(pathForRole('member', '/mijn')).toBeNull();
  });
});
