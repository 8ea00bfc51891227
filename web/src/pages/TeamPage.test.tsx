import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../lib/router';
import type { HouseholdSummary } from '../lib/types';
import { installFakeFetch } from '../test/fakeFetch';
import { TeamPage } from './TeamPage';

afterEach(() => vi.unstubAllGlobals());

const summary = (over: Partial<HouseholdSummary>): HouseholdSummary => ({
  id: 'H1',
  family_name: 'Jansen',
  neighbourhood: 'Noord',
  status: 'referred',
  director: { username: 'r.dekker', display_name: 'Ria Dekker' },
  member_count: 3,
  provision_count: 4,
  annual_cost_cents: 1_234_500,
  signals: [],
  version: 2,
  allowed_next_statuses: ['intake', 'dropped'],
  may_open: false,
  team_leads: [],
  ...over,
});

describe('TeamPage', () => {
  it('links only the files the team lead is assigned to, and changes a status from the page', async () => {
    let status = 'referred';
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/households')
        return {
          status: 200,
          body: {
            households: [
              summary({ status, version: status === 'referred' ? 2 : 3 }),
              summary({ id: 'H2', family_name: 'Bos', may_open: true, team_leads: ['Team Leider'], status: 'active' }),
            ],
          },
        };
      if (call.path === '/api/v1/households/H1/status' && call.method === 'PUT') {
        status = (call.body as { status: string }).status;
        return { status: 200, body: { status, version: 3 } };
      }
      return undefined;
    });
    const user = userEvent.setup();
    render(
      <Router>
        <TeamPage />
      </Router>,
    );
    const assigned = await screen.findByTestId('team-assigned');
    expect(within(assigned).getByRole('link', { name: 'Dossier Bos' }).getAttribute('href')).toBe('/huishoudens/H2');
    expect(assigned.textContent).toContain('Team Leider');
    const others = screen.getByTestId('team-others');
    expect(within(others).queryAllByRole('link')).toHaveLength(0);
    expect(others.textContent).toContain('Jansen');
    expect(others.textContent).toContain('Ria Dekker');

    await user.selectOptions(within(others).getByLabelText('Nieuwe status voor Jansen'), 'intake');
    await user.click(within(others).getByRole('button', { name: 'Status wijzigen' }));
    expect((await within(others).findByRole('status')).textContent).toBe('De status is nu Intake.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ status: 'intake', version: 2 });
  });

  it('asks for a reason before dropping a household', async () => {
    const calls = installFakeFetch((call) =>
      call.path === '/api/v1/households' ? { status: 200, body: { households: [summary({})] } } : undefined,
    );
    const user = userEvent.setup();
    render(
      <Router>
        <TeamPage />
      </Router>,
    );
    await user.selectOptions(await screen.findByLabelText('Nieuwe status voor Jansen'), 'dropped');
    await user.click(screen.getByRole('button', { name: 'Status wijzigen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Kies een reden van uitval.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.selectOptions(screen.getByLabelText('Reden van uitval'), 'moved_away');
    expect(screen.getByLabelText('Reden van uitval')).toBeTruthy();
  });
});
