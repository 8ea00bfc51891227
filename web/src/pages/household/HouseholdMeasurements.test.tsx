import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api';
import { Router } from '../../lib/router';
import type { Wish } from '../../lib/types';
import { installFakeFetch } from '../../test/fakeFetch';
import { household } from '../../test/fixtures';
import { measurement, questionnaires } from '../../test/measurementFixtures';
import { HouseholdMeasurements } from './HouseholdMeasurements';

vi.mock('../../components/useChart', () => ({ useChart: () => ({ current: null }) }));

const BASE = '/api/v1/households/BZHH01';

beforeEach(() => setCsrfToken('csrf-123'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function fakeServer() {
  const measurements = [
    measurement({ id: 'a', member_id: 'm1', moment: 'T1', status: 'completed', version: 5, missing: [], scores: { body: 6, mind: 5, meaning: 7 } }),
    measurement({ id: 'b', member_id: 'm1', moment: 'T2', version: 2, scores: { body: 7, mind: null, meaning: null } }),
  ];
  const wishes: Wish[] = [
    { id: 'w1', member_id: 'm1', dimension: 'meaning', text: 'Weer werk vinden', created_by: 'r.dekker', created_at: '2018-11-01T10:00:00Z', version: 1 },
  ];
  const calls = installFakeFetch((call) => {
    if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires } };
    if (call.path === `${BASE}/measurements` && call.method === 'GET') return { status: 200, body: { measurements } };
    if (call.path === `${BASE}/measurements` && call.method === 'POST') {
      return { status: 201, body: measurement({ id: 'new', ...(call.body as object), answers: {}, version: 1 }) };
    }
    if (call.path === `${BASE}/measurements/b` && call.method === 'DELETE') {
      measurements.splice(1, 1);
      return { status: 204 };
    }
    if (call.path === `${BASE}/wishes` && call.method === 'GET') return { status: 200, body: { wishes } };
    if (call.path === `${BASE}/wishes` && call.method === 'POST') {
      const w = { id: 'w2', version: 1, created_by: 'r.dekker', created_at: '2019-01-02T09:00:00Z', ...(call.body as object) } as Wish;
      wishes.push(w);
      return { status: 201, body: w };
    }
    if (call.path === `${BASE}/wishes/w1` && call.method === 'PUT') {
      const body = call.body as { version: number; text: string; dimension: string };
      if (body.version !== 1) return { status: 409, body: { error: { code: 'conflict', message: 'stale' } } };
      Object.assign(wishes[0]!, body, { version: 2 });
      return { status: 200, body: wishes[0] };
    }
    if (call.path === `${BASE}/outcomes`) {
      return {
        status: 200,
        body: {
          columns: ['instrument', 'item', 'improved', 'same', 'declined', 'persons', 'mean_change'],
          rows: [['positive_health', 'body', 1, 0, 0, 1, 1.0]],
        },
      };
    }
    return undefined;
  });
  return calls;
}

// Kevin is 12 in this test, whatever year it is now.
const members = household.members.map((m) => (m.id === 'm2' ? { ...m, birth_year: new Date().getFullYear() - 12 } : m));

function renderSection() {
  return render(
    <Router>
      <HouseholdMeasurements householdId="BZHH01" members={members} />
    </Router>,
  );
}

describe('measurements on the household page', () => {
  it('lists each member’s measurements with status and open items', async () => {
    fakeServer();
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    const rows = await within(johan).findAllByTestId('measurement-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Positieve Gezondheid');
    expect(rows[0]!.textContent).toContain('01-11-2018');
    expect(rows[0]!.textContent).toContain('Samen met de gezinsregisseur');
    expect(rows[0]!.textContent).toContain('Afgerond');
    expect(rows[0]!.textContent).toContain('alles ingevuld');
    expect(within(rows[1]!).getByTestId('missing-count').textContent).toBe('4 vragen');
    expect(within(rows[1]!).getByRole('link', { name: 'Verder invullen: Positieve Gezondheid T2' }).getAttribute('href')).toBe(
      '/huishoudens/BZHH01/metingen/b',
    );
    const kevin = screen.getAllByTestId('member-measurements')[1]!;
    expect(within(kevin).getByText('Nog geen metingen.')).toBeTruthy();
  });

  it('shows the spider web table with the missing scores as not filled in, and the outcome block', async () => {
    fakeServer();
    renderSection();
    const table = await screen.findByTestId('spider-table');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Onderdeel',
      'T1',
      'T2 (nog bezig)',
    ]);
    const meaning = within(table).getByRole('rowheader', { name: 'Zingeving' }).closest('tr')!;
    expect(meaning.textContent).toContain('7,0');
    expect(meaning.textContent).toContain('nog niet ingevuld');
    expect(screen.getByTestId('spider-hidden').textContent).toContain('T2');
    const outcomes = screen.getByTestId('household-outcome-table');
    expect(outcomes.textContent).toContain('Lichaamsfuncties');
    expect(outcomes.textContent).toContain('+1,0');
  });

  it('starts a new measurement with the next moment and the chosen person', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    await within(johan).findAllByTestId('measurement-row');
    await user.click(within(johan).getByRole('button', { name: /^Nieuwe meting/ }));
    const form = within(johan).getByRole('form', { name: 'Nieuwe meting voor Johan van den Berg' });
    expect((within(form).getByLabelText('Moment') as HTMLSelectElement).value).toBe('T3');
    expect(within(form).queryByLabelText('Ouder of verzorger, voor het kind')).toBeNull();
    await user.click(within(form).getByLabelText('Het gezinslid zelf'));
    const date = within(form).getByLabelText('Datum van de meting');
    await user.clear(date);
    await user.type(date, '2019-11-04');
    await user.click(within(form).getByRole('button', { name: 'Meting starten' }));
    await waitFor(() => expect(window.location.pathname).toBe('/huishoudens/BZHH01/metingen/new'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      member_id: 'm1',
      instrument: 'positive_health',
      instrument_version: '1.0',
      moment: 'T3',
      measured_on: '2019-11-04',
      filled_by: 'member',
    });
  });

  it('refuses a moment the member already has, before sending', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    await within(johan).findAllByTestId('measurement-row');
    await user.click(within(johan).getByRole('button', { name: /^Nieuwe meting/ }));
    await user.selectOptions(within(johan).getByLabelText('Moment'), 'T1');
    await user.click(within(johan).getByRole('button', { name: 'Meting starten' }));
    expect((await within(johan).findByRole('alert')).textContent).toContain('heeft al een meting');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows a taken moment (409 on create) next to the moment field', async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch((call) => {
      if (call.method === 'POST') {
        return { status: 409, body: { error: { code: 'conflict', message: 'this member already has this instrument at T2' } } };
      }
      if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires } };
      if (call.path === `${BASE}/measurements`) return { status: 200, body: { measurements: [measurement({ id: 'a', member_id: 'm1' })] } };
      if (call.path === `${BASE}/wishes`) return { status: 200, body: { wishes: [] } };
      return undefined;
    });
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    await within(johan).findAllByTestId('measurement-row');
    await user.click(within(johan).getByRole('button', { name: /^Nieuwe meting/ }));
    await user.click(within(johan).getByRole('button', { name: 'Meting starten' }));
    const alert = await within(johan).findByRole('alert');
    expect(alert.textContent).toContain('already has this instrument at T2');
    expect(alert.textContent).not.toContain('Iemand anders');
    expect(within(johan).getByLabelText('Moment').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('offers a child the proxy and the child questionnaire', async () => {
    const user = userEvent.setup();
    fakeServer();
    renderSection();
    const kevin = (await screen.findAllByTestId('member-measurements'))[1]!;
    await user.click(within(kevin).getByRole('button', { name: /^Nieuwe meting/ }));
    const select = within(kevin).getByLabelText('Vragenlijst') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['positive_health_child', 'positive_health', 'icecap_a']);
    expect(select.value).toBe('positive_health_child');
    expect((within(kevin).getByLabelText('Ouder of verzorger, voor het kind') as HTMLInputElement).checked).toBe(true);
  });

  it('deletes a measurement after confirmation, sending its version', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    await within(johan).findAllByTestId('measurement-row');
    await user.click(within(johan).getByRole('button', { name: 'Verwijderen: Positieve Gezondheid T2' }));
    expect(within(johan).getByTestId('delete-confirm').textContent).toContain('per ongeluk');
    await user.click(within(johan).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await within(johan).findByText('De meting Positieve Gezondheid T2 is verwijderd.')).toBeTruthy();
    const del = calls.find((c) => c.method === 'DELETE');
    expect(del?.search).toBe('?version=2');
    await waitFor(() => expect(within(johan).getAllByTestId('measurement-row')).toHaveLength(1));
  });

  it('adds and edits a wish for change linked to a dimension', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderSection();
    const johan = (await screen.findAllByTestId('member-measurements'))[0]!;
    const wishes = await within(johan).findByTestId('wishes');
    expect(within(wishes).getByText('Weer werk vinden')).toBeTruthy();
    expect(within(wishes).getByText('Zingeving')).toBeTruthy();

    await user.click(within(wishes).getByRole('button', { name: /^Veranderwens toevoegen/ }));
    await user.click(within(wishes).getByRole('button', { name: 'Opslaan' }));
    expect((await within(wishes).findByRole('alert')).textContent).toContain('Onderdeel: kies');
    await user.selectOptions(within(wishes).getByLabelText('Onderdeel van het spinnenweb'), 'Lichaamsfuncties');
    await user.type(within(wishes).getByLabelText('Wat wil het gezinslid veranderen?'), 'Beter slapen');
    await user.click(within(wishes).getByRole('button', { name: 'Opslaan' }));
    expect(await within(wishes).findByText('Beter slapen')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ member_id: 'm1', dimension: 'body', text: 'Beter slapen' });

    await user.click(within(wishes).getByRole('button', { name: 'Wijzigen: Weer werk vinden' }));
    const text = within(wishes).getByLabelText('Wat wil het gezinslid veranderen?');
    await user.clear(text);
    await user.type(text, 'Weer werk vinden, 2 dagen');
    await user.click(within(wishes).getByRole('button', { name: 'Opslaan' }));
    expect(await within(wishes).findByText('Weer werk vinden, 2 dagen')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ version: 1, dimension: 'meaning', text: 'Weer werk vinden, 2 dagen' });
  });
});
