import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Router } from '../lib/router';
import { household } from '../test/fixtures';
import { groupProvisions, orderedCategories } from '../lib/careMap';
import { HouseholdView } from './household/HouseholdView';

vi.mock('../components/CostChart', () => ({ CostChart: () => null }));

const NBSP = '\u00a0';

function renderView() {
  return render(
    <Router>
      <HouseholdView household={household} />
    </Router>,
  );
}

describe('HouseholdView', () => {
  it('shows address, referral and members in Dutch', () => {
    renderView();
    expect(screen.getByText('Populierweg 12, 6216 AB Maastricht')).toBeTruthy();
    expect(screen.getByText('Huisarts')).toBeTruthy();
    expect(screen.getByText('14 september 2018')).toBeTruthy();
    const members = screen.getByTestId('members');
    expect(within(members).getByText('Johan van den Berg')).toBeTruthy();
    expect(within(members).getByText('Ouder')).toBeTruthy();
    expect(within(members).getByText('Kind')).toBeTruthy();
    expect(within(members).getByText('1979')).toBeTruthy();
    expect(within(members).getByText('Nog niet gegeven')).toBeTruthy();
  });

  it('shows what an imported message left to check, and nothing when there is none', () => {
    renderView();
    expect(screen.queryByTestId('import-warnings')).toBeNull();
    render(
      <Router>
        <HouseholdView
          household={{
            ...household,
            import_warnings: [
              {
                member_id: household.members[0]!.id,
                message: 'M1',
                text: 'Een ingelezen bericht van een aanbieder is gekoppeld aan Johan (geboren in 1979), maar noemt als geboortedatum 1 mei 1980. Controleer of dit dezelfde persoon is.',
                at: '2019-06-01T10:00:00Z',
              },
            ],
          }}
        />
      </Router>,
    );
    const box = screen.getByTestId('import-warnings');
    expect(within(box).getByText('Controleren na ingelezen berichten')).toBeTruthy();
    expect(box.textContent).toContain('Controleer of dit dezelfde persoon is.');
    expect(box.textContent).toContain('Ingelezen op 1 juni 2019');
  });

  it('shows only active provisions until ended ones are asked for', async () => {
    const user = userEvent.setup();
    renderView();
    const johan = screen.getByRole('heading', { level: 3, name: 'Johan van den Berg (Ouder)' });
    expect(johan).toBeTruthy();
    expect(screen.getByText('Schuldhulp')).toBeTruthy();
    expect(screen.queryByText('Participatie')).toBeNull();
    expect(screen.getByText('Prijslijst')).toBeTruthy();
    expect(screen.getByText('1,5')).toBeTruthy();
    expect(screen.getAllByText(`€ 3.450`)).toHaveLength(2); // row and member total
    expect(screen.getByText('Hele huishouden')).toBeTruthy();

    await user.click(screen.getByLabelText(/Toon ook beëindigde voorzieningen/));
    expect(screen.getByText('Participatie')).toBeTruthy();
    expect(screen.getByText('(beëindigd)')).toBeTruthy();
    expect(screen.getByText(/t\/m 30-06-2018/)).toBeTruthy();
  });

  it('shows cost per category in a fixed order with the total', () => {
    renderView();
    const table = screen.getByTestId('cost-by-category');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'CategorieJaarkosten',
      `Gemeente (geïndiceerd)€${NBSP}27.253`,
      `GGZ (zorgverzekering)€${NBSP}12.540`,
      `Totaal€${NBSP}39.793`,
    ]);
  });
});

describe('groupProvisions', () => {
  it('groups by member, then the household as a whole', () => {
    const groups = groupProvisions(household.members, household.provisions, false);
    expect(groups.map((g) => [g.title, g.provisions.map((p) => p.id)])).toEqual([
      ['Johan van den Berg (Ouder)', ['p1']],
      ['Kevin van den Berg (Kind)', ['p3']],
      ['Hele huishouden', ['p4']],
    ]);
    const all = groupProvisions(household.members, household.provisions, true);
    expect(all[0]?.provisions.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('keeps provisions of unknown members visible', () => {
    const groups = groupProvisions([], household.provisions, false);
    expect(groups.map((g) => g.title)).toEqual(['Hele huishouden', 'Onbekend gezinslid']);
  });
});

describe('orderedCategories', () => {
  it('puts known categories first in report order', () => {
    const ordered = orderedCategories([
      { category: 'onbekend', annual_cost_cents: 1 },
      { category: 'zvw_ggz', annual_cost_cents: 2 },
      { category: 'uwv', annual_cost_cents: 3 },
      { category: 'gemeente', annual_cost_cents: 4 },
    ]);
    expect(ordered.map((c) => c.category)).toEqual(['gemeente', 'uwv', 'zvw_ggz', 'onbekend']);
  });
});

describe('HouseholdView: the three care-map views, counts and signals', () => {
  it('switches between per member, per provider and who comes to the door', async () => {
    const user = userEvent.setup();
    render(
      <Router>
        <HouseholdView
          household={{
            ...household,
            counts: { providers: 3, professionals: 2, provisions_per_domain: { jeugd: 1, schuldhulp: 1 }, turnover_6_months: 1 },
            signals: [
              { code: 'stacking', detail: 'x', provisions: ['p1', 'p3'], acknowledged: null },
              { code: 'several_plans', detail: 'y', provisions: [], acknowledged: { note: 'Eén plan', by: 'r.dekker', by_name: 'Ria Dekker', at: '2026-02-03T10:00:00Z' } },
            ],
          }}
        />
      </Router>,
    );
    expect(screen.getByTestId('count-providers').textContent).toBe('3');
    expect(screen.getByTestId('count-turnover').textContent).toBe('1');
    expect(within(screen.getByTestId('per-domain')).getByText('Jeugd')).toBeTruthy();
    const stacking = screen.getByTestId('signal-stacking');
    expect(within(stacking).getByText('Stapeling: 3 of meer voorzieningen zonder afstemming')).toBeTruthy();
    expect(within(stacking).getByText('Schuldhulp — Kredietbank — Johan van den Berg')).toBeTruthy();
    expect(within(screen.getByTestId('signal-several_plans')).getByTestId('acknowledged').textContent).toMatch(
      /Afgehandeld door Ria Dekker op 3 februari 2026: Eén plan/,
    );
    // not the director: no forms
    expect(screen.queryByRole('button', { name: 'Afhandelen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Voorziening toevoegen' })).toBeNull();

    await user.click(screen.getByLabelText('Per aanbieder'));
    expect(screen.getAllByTestId('provider-group')).toHaveLength(3);
    expect(screen.getByRole('heading', { level: 3, name: /Kredietbank/ })).toBeTruthy();

    await user.click(screen.getByLabelText('Wie komt er aan de deur'));
    const door = screen.getByTestId('at-the-door');
    expect(within(door).getByRole('heading', { level: 3, name: /M\. Hendriks/ })).toBeTruthy();
    expect(within(door).getByText('Schulden in beeld')).toBeTruthy();
  });
});
