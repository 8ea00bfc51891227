import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../../lib/router';
import { installFakeFetch } from '../../test/fakeFetch';
import { ContactLog } from './ContactLog';
import { MomentsSection } from './MomentsSection';
import { StatusHistory } from './StatusHistory';

afterEach(() => vi.unstubAllGlobals());

const contact = {
  id: 1,
  kind: 'home_visit',
  date: '2026-03-02',
  minutes: 90,
  travel_minutes: 20,
  professional_id: null,
  professional_name: '',
  note: 'Spinnenweb ingevuld',
  recorded_by: 'r.dekker',
  recorded_by_name: 'Ria Dekker',
  recorded_at: '2026-03-02T10:00:00Z',
};

describe('ContactLog', () => {
  it('lists contacts with names and sends a talk with a professional with the professional named', async () => {
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/households/H1/contacts' && call.method === 'GET')
        return { status: 200, body: { contacts: [contact] } };
      if (call.path === '/api/v1/households/H1/contacts' && call.method === 'POST')
        return { status: 201, body: { ...contact, id: 2, kind: 'professional', travel_minutes: 0, professional_id: 'PR1', professional_name: 'Anna Prof' } };
      return undefined;
    });
    const onChanged = vi.fn(async () => {});
    const user = userEvent.setup();
    render(<ContactLog householdId="H1" professionals={[{ id: 'PR1', name: 'Anna Prof', organisation_id: 'O1', role: 'x', phone: '' }]} onChanged={onChanged} />);
    const table = await screen.findByTestId('contact-table');
    expect(table.textContent).toContain('Huisbezoek');
    expect(table.textContent).toContain('1 uur 30 min + 20 min reistijd');
    expect(table.textContent).toContain('Ria Dekker');
    expect(table.textContent).not.toContain('r.dekker');

    const form = screen.getByTestId('contact-form');
    await user.selectOptions(within(form).getByLabelText('Soort contact'), 'professional');
    await user.type(within(form).getByLabelText('Duur in minuten'), '30');
    await user.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    expect((await within(form).findAllByText(/Kies de hulpverlener met wie u sprak/)).length).toBeGreaterThan(0);
    await user.selectOptions(within(form).getByLabelText('Hulpverlener'), 'PR1');
    await user.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ kind: 'professional', minutes: 30, professional_id: 'PR1' });
    expect(post?.body).not.toHaveProperty('travel_minutes');
    expect(screen.getAllByTestId('contact-row')).toHaveLength(2);
  });
});

describe('StatusHistory', () => {
  it('shows each status with who made it, how long it lasted and the intervention', async () => {
    installFakeFetch(() => ({
      status: 200,
      body: {
        changes: [
          { status: 'referred', date: '2025-09-01', until: '2025-09-11', days: 10, by: 'lead', by_name: 'Team Leider', drop_reason: '' },
          { status: 'intake', date: '2025-09-11', until: null, days: 95, by: '', by_name: '', drop_reason: '' },
        ],
        intervention: { start: '2025-09-01', end: null, days: 105, status: 'intake', status_since: '2025-09-11', days_in_status: 95 },
      },
    }));
    render(<StatusHistory householdId="H1" revision={3} />);
    const rows = await screen.findAllByTestId('status-row');
    expect(rows[0]?.textContent).toContain('Aangemeld');
    expect(rows[0]?.textContent).toContain('10 dagen');
    expect(rows[0]?.textContent).toContain('Team Leider');
    expect(rows[1]?.textContent).toContain('nu');
    expect(rows[1]?.textContent).toContain('onbekend');
    expect(screen.getByTestId('intervention-span').textContent).toContain('In de interventie: 3 maanden (sinds 1 september 2025).');
  });
});

describe('MomentsSection', () => {
  it('shows T1 and T2 with the reminder, and sets another T2 for this family', async () => {
    const calls = installFakeFetch((call) => {
      if (call.method === 'GET')
        return {
          status: 200,
          body: {
            t2_after_months: 12,
            t1: { date: '2025-01-10', source: 'measured', measured: true, held: true, version: 0 },
            t2: { date: '2026-01-10', source: 'planned', measured: false, held: false, version: 0 },
            t2_reminder: 'overdue',
            business_case: { complete: false, reason: 't2_not_held', group: 'no_second_measurement' },
          },
        };
      return { status: 200, body: { moment: 'T2', date: '2026-02-01', held: false, version: 1 } };
    });
    const user = userEvent.setup();
    render(
      <Router>
        <MomentsSection householdId="H1" />
      </Router>,
    );
    expect((await screen.findByTestId('t2-reminder')).textContent).toContain('te laat');
    expect(screen.getByTestId('moment-dates').textContent).toContain('gehouden, met vragenlijsten');
    expect(screen.getByTestId('moments-business-case').textContent).toContain('meetmoment 2 is niet gehouden');
    await user.click(screen.getByRole('button', { name: 'Datum van T2 wijzigen' }));
    const form = screen.getByTestId('moment-form');
    await user.clear(within(form).getByLabelText('Datum'));
    await user.type(within(form).getByLabelText('Datum'), '2026-02-01');
    await user.click(within(form).getByRole('button', { name: 'Datum opslaan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/households/H1/moments/T2');
    expect(put?.body).toEqual({ date: '2026-02-01', held: false, version: 0 });
  });
});
