import { describe, expect, it } from 'vitest';
import { funderOfDomain } from './decision';
import { costCategoryLabel, domainLabel, PROVISION_DOMAINS } from './labels';
import { externalPlanRuns } from './mandate';

describe('the care map beyond the indicated domains', () => {
  it('puts first-line care, education and informal support with their own funders, as the server does', () => {
    expect(funderOfDomain('zvw_huisarts')).toBe('zvw_eerstelijn');
    expect(funderOfDomain('zvw_wijkverpleging')).toBe('zvw_eerstelijn');
    expect(funderOfDomain('passend_onderwijs')).toBe('onderwijs');
    expect(funderOfDomain('leerplicht')).toBe('gemeente');
    expect(funderOfDomain('mantelzorg')).toBe('informeel');
    expect(funderOfDomain('zvw_ggz')).toBe('zvw_ggz');
  });

  it('names every domain offered and every funder in Dutch', () => {
    for (const d of PROVISION_DOMAINS) {
      expect(domainLabel(d)).not.toBe(d);
      expect(costCategoryLabel(funderOfDomain(d))).not.toBe(funderOfDomain(d));
    }
  });
});

describe('another organisation\'s plan', () => {
  it('runs from its first day through its last, and on without an end', () => {
    const p = { starts_on: '2026-01-01', ends_on: '2026-06-30' };
    expect(externalPlanRuns(p, '2025-12-31')).toBe(false);
    expect(externalPlanRuns(p, '2026-01-01')).toBe(true);
    expect(externalPlanRuns(p, '2026-06-30')).toBe(true);
    expect(externalPlanRuns(p, '2026-07-01')).toBe(false);
    expect(externalPlanRuns({ starts_on: '2026-01-01', ends_on: null }, '2030-01-01')).toBe(true);
  });
});
