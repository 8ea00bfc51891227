import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../../lib/router';
import type { SharedPlanResponse, WorkResponse } from '../../lib/sharedPlan';
import { installFakeFetch } from '../../test/fakeFetch';
import { SharedPlanPage } from './SharedPlanPage';
import { WorkPage } from './WorkPage';

afterEach(() => vi.unstubAllGlobals());

const action = { goal: 0, action: 0, text: 'Post doorlopen', status: 'open', responsible: { kind: 'professional', name: 'Joyce van Dijk' }, due: '2026-12-15', mine: true };

const work: WorkResponse = {
  name: 'Joyce van Dijk',
  organisation: 'Maatschappelijk Werk Maasoever',
  households: [
    { id: 'BZHH08', family_name: 'Lemmens', members: ['Ingrid', 'Bart'], has_plan: true },
    { id: 'BZHH09', family_name: 'Smeets', members: ['Wendy'], has_plan: false },
  ],
  actions: [{ ...action, household: { id: 'BZHH08', family_name: 'Lemmens' }, life_domain: 'finances', plan_version: 3 }],
  round_tables: [
    {
      id: 7, title: 'Ronde tafel gezin Lemmens', status: 'planning', window_from: '2026-12-12', window_to: '2027-01-09', scheduled_at: null,
      location: 'Wijkcentrum', agenda: '', minutes: '', invited: true, participants: [], household: { id: 'BZHH08', family_name: 'Lemmens' },
    },
  ],
};

const shared: SharedPlanResponse = {
  household: { id: 'BZHH09', family_name: 'Smeets', members: ['Wendy'] },
  whole_household: false,
  mandate: { holder: 'Ria Dekker', scope: ['stop', 'start', 'scale_up', 'scale_down', 'replace'] },
  plan: {
    plan_version: 1,
    agreed_on: '2026-11-21',
    goals: [
      {
        index: 0, life_domain: 'mental_wellbeing', for_whom: ['Wendy'], household_words: 'Minder piekeren', professional_words: 'Minder zorgen', status: 'open',
        actions: [action, { ...action, action: 1, text: 'Bellen', responsible: { kind: 'director', name: 'Ria Dekker' }, mine: false }],
      },
    ],
  },
  round_tables: [],
};

describe("a professional's pages", () => {
  it('start page: the families with their file and plan, the own actions and the round tables', async () => {
    installFakeFetch((call) => (call.path === '/api/v1/me/work' ? { status: 200, body: work } : undefined));
    render(<Router><WorkPage /></Router>);
    const families = await screen.findByTestId('work-families');
    expect(within(families).getAllByRole('row')).toHaveLength(3);
    expect(within(families).getByRole('link', { name: 'Dossier van gezin Lemmens' }).getAttribute('href')).toBe('/huishoudens/BZHH08');
    expect(within(families).getByRole('link', { name: 'Gezinsplan van gezin Lemmens' }).getAttribute('href')).toBe('/huishoudens/BZHH08/plan');
    expect(families.textContent).toContain('Nog geen gezinsplan');
    const actions = screen.getByTestId('work-actions');
    expect(actions.textContent).toContain('Financiën');
    expect(actions.textContent).toContain('15 december 2026');
    expect(screen.getByTestId('work-round-tables').textContent).toContain('Nog te plannen tussen');
    // No codes or ids on the page.
    expect(document.body.textContent).not.toMatch(/BZHH|finances|planning|professional/);
  });

  it('marks an own action done with the plan version it read, and loads the work again', async () => {
    let status = 'open';
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/me/work')
        return { status: 200, body: { ...work, actions: [{ ...work.actions[0]!, status }] } };
      if (call.method === 'PUT' && call.path === '/api/v1/households/BZHH08/shared-plan/goals/0/actions/0') {
        status = (call.body as { status: string }).status;
        return { status: 200, body: { status } };
      }
      return undefined;
    });
    render(<Router><WorkPage /></Router>);
    fireEvent.click(await screen.findByRole('button', { name: 'Gedaan: Post doorlopen' }));
    await screen.findByRole('button', { name: 'Weer open: Post doorlopen' });
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ plan_version: 3, status: 'done' });
    expect(screen.getByTestId('action-state').textContent).toBe('Gedaan');
  });

  it('shared plan: the mandate, the covered goals, and a button only on the own action', async () => {
    installFakeFetch((call) => (call.path === '/api/v1/households/BZHH09/shared-plan' ? { status: 200, body: shared } : undefined));
    render(<Router><SharedPlanPage id="BZHH09" /></Router>);
    expect((await screen.findByTestId('mandate-holder')).textContent).toContain('Ria Dekker is de gezinsregisseur');
    expect(screen.getByText('vervangen door systemische aanpak')).toBeTruthy();
    expect(screen.getByTestId('shared-plan-scope').textContent).toContain('Wendy');
    const goal = screen.getByTestId('shared-goal');
    expect(goal.textContent).toContain('Voor: Wendy');
    expect(within(goal).getAllByRole('button')).toHaveLength(1);
    expect(goal.textContent).toContain('Ria Dekker (gezinsregisseur)');
    expect(document.body.textContent).not.toMatch(/BZHH|mental_wellbeing|scale_up|director/);
  });

  it('shared plan without consent: says so, with the way back', async () => {
    installFakeFetch(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'no household with this id that you may see' } } }));
    render(<Router><SharedPlanPage id="BZHH02" /></Router>);
    expect((await screen.findByRole('alert')).textContent).toContain('kunt u niet inzien');
    expect(screen.getAllByRole('link', { name: 'Terug naar mijn werk' }).length).toBeGreaterThan(0);
  });
});
