import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from '../lib/router';
import { households } from '../test/fixtures';
import { HouseholdTable } from './HouseholdsPage';

describe('HouseholdTable', () => {
  it('lists households with Dutch status labels and euro amounts', () => {
    render(
      <Router>
        <HouseholdTable households={households} />
      </Router>,
    );
    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Gezin', 'Wijk', 'Status', 'Signalen', 'Gezinsleden', 'Voorzieningen', 'Jaarkosten']);
    expect(within(table).getByText('Aangemeld')).toBeTruthy();
    expect(within(table).getByText('Nazorg')).toBeTruthy();
    expect(within(table).getByText('€ 12.346')).toBeTruthy();
    expect(screen.getByText('6 huishoudens')).toBeTruthy();
  });

  it('shows the director column when asked', () => {
    render(
      <Router>
        <HouseholdTable households={households.slice(0, 1)} showDirector />
      </Router>,
    );
    expect(screen.getByRole('columnheader', { name: 'Gezinsregisseur' })).toBeTruthy();
    expect(screen.getByText('Ria Dekker')).toBeTruthy();
    expect(screen.getByText('1 huishouden')).toBeTruthy();
  });

  it('links a household only where its file opens for the signed-in user', () => {
    const [first, second] = households;
    render(
      <Router>
        <HouseholdTable households={[{ ...first!, may_open: true }, { ...second!, may_open: false }]} showDirector />
      </Router>,
    );
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: first!.family_name })).toBeTruthy();
    expect(within(table).queryByRole('link', { name: second!.family_name })).toBeNull();
    expect(within(table).getByText(second!.family_name)).toBeTruthy();
  });

  it('says so when there are no households', () => {
    render(
      <Router>
        <HouseholdTable households={[]} />
      </Router>,
    );
    expect(screen.getByText('Er zijn geen huishoudens.')).toBeTruthy();
  });
});

describe('household filters', () => {
  it('reads and writes the URL query and filters by status, director and signal', async () => {
    const { applyFilters, filtersToQuery, readFilters } = await import('./HouseholdsPage');
    const list = households.map((h, i) => ({ ...h, signals: i === 0 ? ['stacking'] : i === 1 ? ['many_professionals'] : [] }));
    expect(readFilters('?status=active&signal=stacking')).toEqual({ status: 'active', director: '', signal: 'stacking' });
    expect(filtersToQuery({ status: '', director: 'r.dekker', signal: 'any' })).toBe('director=r.dekker&signal=any');
    expect(applyFilters(list, readFilters('?signal=stacking')).map((h) => h.id)).toEqual(['BZHH01']);
    expect(applyFilters(list, readFilters('?signal=any')).map((h) => h.id)).toEqual(['BZHH01', 'BZHH02']);
    expect(applyFilters(list, readFilters('?status=intake')).map((h) => h.id)).toEqual(['BZHH02']);
    expect(applyFilters(list, readFilters('?director=someone')).length).toBe(0);
  });
});
