import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Caseload } from '../lib/plan';
import { Router } from '../lib/router';
import { SessionProvider } from '../lib/session';
import { installFakeFetch } from '../test/fakeFetch';
import { CaseloadPage } from './CaseloadPage';

afterEach(() => vi.unstubAllGlobals());

const load: Caseload = {
  director: 'r.dekker',
  households_per_status: { active: 5, aftercare: 2 },
  minutes_this_month: { direct: 120, indirect: 45, travel: 30, project: 60 },
  households: [
    { id: 'BZHH01', family_name: 'Van den Berg', status: 'aftercare', plan_active: true, plan_agreed: true, aftercare: { next_due: '2026-10-01', missed: 2, overdue: true } },
    { id: 'BZHH03', family_name: 'Janssen', status: 'active', plan_active: true, plan_agreed: false, aftercare: null },
  ],
  aftercare_due: [
    { id: 'BZHH01', family_name: 'Van den Berg', status: 'aftercare', plan_active: true, plan_agreed: true, aftercare: { next_due: '2026-10-01', missed: 2, overdue: true } },
  ],
  decided_annual_effect_cents: -925_300,
  decisions: [
    {
      id: 1, kind: 'replace', reason: 'Eén aanbieder', effective_date: '2026-12-01', stopped: ['p1', 'p3'], started: ['p9'], scaled: [],
      annual_effect_cents: { gemeente: -925_300 }, total_annual_effect_cents: -925_300, round_table_id: null, decided_by: 'r.dekker',
      created_at: '2026-11-23T10:00:00Z', household: { id: 'BZHH01', family_name: 'Van den Berg' },
    },
  ],
};

const summary = {
  neighbourhood: 'Malberg',
  director: { username: 'r.dekker', display_name: 'Ria Dekker' },
  member_count: 3,
  provision_count: 2,
  annual_cost_cents: 0,
};
const summaries = [
  {
    ...summary,
    id: 'BZHH01',
    family_name: 'Van den Berg',
    status: 'aftercare',
    intervention: { start: '2025-09-01', end: null, days: 450, status: 'aftercare', status_since: '2026-09-01', days_in_status: 95, },
    t2: { date: '2026-09-01', reminder: 'overdue' },
  },
  { ...summary, id: 'BZHH03', family_name: 'Janssen', status: 'active', intervention: null, t2: { date: null, reminder: 'none' } },
  { ...summary, id: 'BZHH09', family_name: 'Elders', status: 'active', director: { username: 'm.bakker', display_name: 'M' } },
];

function serve(role: string) {
  installFakeFetch((call) =>
    call.path === '/api/v1/session'
      ? { status: 200, body: { user: { username: 'u', display_name: 'U', role }, csrf_token: 't' } }
      : call.path === '/api/v1/caseload'
        ? { status: 200, body: { caseloads: [load] } }
        : call.path === '/api/v1/households'
          ? { status: 200, body: { households: summaries } }
          : undefined,
  );
}

describe('caseload', () => {
  it('gives a team lead the figures without links to plans that would refuse them', async () => {
    serve('team_lead');
    render(
      <Router>
        <SessionProvider>
          <CaseloadPage />
        </SessionProvider>
      </Router>,
    );
    const households = await screen.findByTestId('caseload-households');
    expect(households.textContent).toContain('Van den Berg');
    expect(within(households).queryAllByRole('link')).toHaveLength(0);
    expect(within(screen.getByTestId('caseload-aftercare')).queryAllByRole('link')).toHaveLength(0);
  });

  it('shows households per status, hours, overdue aftercare and the saving per decision', async () => {
    serve('director');
    render(
      <Router>
        <SessionProvider>
          <CaseloadPage />
        </SessionProvider>
      </Router>,
    );
    const status = await screen.findByTestId('caseload-status');
    expect(within(status).getByText('Nazorg').closest('tr')?.textContent).toContain('2');
    expect(screen.getByTestId('caseload-hours').textContent).toMatch(/3 uur 15 min/);
    expect(within(await screen.findByTestId('caseload-households')).getAllByRole('link')).toHaveLength(2);
    const due = screen.getByTestId('caseload-aftercare');
    expect(due.textContent).toContain('Van den Berg');
    expect(due.textContent).toContain('Te laat');
    expect(screen.getByTestId('caseload-decisions').textContent).toMatch(/besparing €\s?9\.253/);
    expect(screen.getByTestId('caseload-decided').textContent).toMatch(/besparing €\s?9\.253/);
  });

  it('shows how long each family has been in its status and in the intervention, and a late T2', async () => {
    serve('director');
    render(
      <Router>
        <SessionProvider>
          <CaseloadPage />
        </SessionProvider>
      </Router>,
    );
    const table = await screen.findByTestId('caseload-durations');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header, and this director's two families only
    expect(rows[1]?.textContent).toContain('3 maanden');
    expect(rows[1]?.textContent).toContain('1 jaar en 3 maanden');
    expect(rows[1]?.textContent).toContain('te laat');
    expect(rows[2]?.textContent).toContain('onbekend');
  });
});
