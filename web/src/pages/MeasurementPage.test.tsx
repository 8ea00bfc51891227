import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { Router } from '../lib/router';
import type { Measurement } from '../lib/types';
import { installFakeFetch, type Call } from '../test/fakeFetch';
import { adultPH, childPH, measurement } from '../test/measurementFixtures';
import { Fill } from './measurement/Fill';

const PATH = '/api/v1/households/BZHH01/measurements/m1';

beforeEach(() => setCsrfToken('csrf-123'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** A stand-in for PUT …/measurements/m1 that merges answers like the server. */
function fakeServer(start: Measurement, answer?: (call: Call) => { status: number; body?: unknown } | undefined) {
  let current = start;
  return installFakeFetch((call) => {
    const special = answer?.(call);
    if (special) return special;
    if (call.path === PATH && call.method === 'PUT') {
      const body = call.body as { version: number; answers: Record<string, number | null>; complete?: boolean };
      if (body.version !== current.version) {
        return { status: 409, body: { error: { code: 'conflict', message: 'stale version' } } };
      }
      const answers = { ...current.answers, ...body.answers };
      for (const [k, v] of Object.entries(answers)) if (v === null) delete answers[k];
      const keys = adultPH.groups.flatMap((g) => g.items.map((i) => i.key));
      current = {
        ...current,
        answers,
        missing: keys.filter((k) => !(k in answers)),
        version: current.version + 1,
        status: body.complete ? 'completed' : current.status,
      };
      return { status: 200, body: current };
    }
    return undefined;
  });
}

function renderFill(start: Measurement = measurement(), q = adultPH) {
  return render(
    <Router>
      <Fill householdId="BZHH01" questionnaire={q} initial={start} backLink="/huishoudens/BZHH01" />
    </Router>,
  );
}

describe('filling in a measurement', () => {
  it('starts at the first part with open items and shows them as not filled in', () => {
    fakeServer(measurement());
    renderFill();
    expect(screen.getByRole('heading', { level: 2, name: 'Mentaal welbevinden' })).toBeTruthy();
    const questions = screen.getAllByTestId('question');
    expect(questions).toHaveLength(2);
    for (const q of questions) expect(within(q).getByTestId('question-status').textContent).toContain('Nog niet ingevuld');
    expect(screen.getByTestId('progress').textContent).toBe('2 van de 6 vragen ingevuld');
    const parts = screen.getByRole('navigation', { name: 'Onderdelen' });
    expect(within(parts).getByRole('button', { name: /Lichaamsfuncties/ }).textContent).toContain('2 van 2 ingevuld');
  });

  it('saves each tap at once with the current version, one request after the other', async () => {
    const user = userEvent.setup();
    const calls = fakeServer(measurement());
    renderFill();
    const first = screen.getByRole('group', { name: 'Ik kan dingen onthouden' });
    await user.click(within(first).getByRole('radio', { name: '8' }));
    const second = screen.getByRole('group', { name: 'Ik voel me vrolijk' });
    await user.click(within(second).getByRole('radio', { name: '0' }));
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('4 van de 6 vragen ingevuld'));
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.body)).toEqual([
      { version: 3, instrument_version: '1.0', answers: { mind_1: 8 } },
      { version: 4, instrument_version: '1.0', answers: { mind_2: 0 } },
    ]);
    expect(puts[0]?.headers['x-csrf-token']).toBe('csrf-123');
    expect(within(second).getByTestId('question-status').textContent).toContain('Uw antwoord: 0');
  });

  it('clears an answer with null', async () => {
    const user = userEvent.setup();
    const calls = fakeServer(measurement());
    renderFill();
    await user.click(screen.getByRole('button', { name: /^Lichaamsfuncties/ }));
    await user.click(screen.getByRole('button', { name: 'Antwoord wissen: Ik voel me fit' }));
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Ik voel me fit' }).textContent).toContain('Nog niet ingevuld'),
    );
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ answers: { body_1: null } });
  });

  it('shows a 400 next to the item it names and keeps the item open', async () => {
    const user = userEvent.setup();
    fakeServer(measurement(), (call) =>
      call.method === 'PUT'
        ? { status: 400, body: { error: { code: 'invalid_input', message: 'answers.mind_1: 8 is out of range 0-7' } } }
        : undefined,
    );
    renderFill();
    const group = screen.getByRole('group', { name: 'Ik kan dingen onthouden' });
    await user.click(within(group).getByRole('radio', { name: '8' }));
    await waitFor(() => expect(within(group).getByText(/Dit antwoord is niet opgeslagen/)).toBeTruthy());
    expect(within(group).getByText(/het antwoord 8 kan niet; kies van 0 tot en met 7/)).toBeTruthy();
    expect(within(group).queryByText(/out of range/)).toBeNull();
    expect(within(group).getByTestId('question-status').textContent).toContain('Nog niet ingevuld');
    expect((within(group).getByRole('radio', { name: '8' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows the reload message on a 409 and loads the newest answers', async () => {
    const user = userEvent.setup();
    const newer = measurement({ version: 9, answers: { body_1: 7, body_2: 5, mind_1: 4 } });
    fakeServer(measurement({ version: 8 }), (call) =>
      call.method === 'GET' && call.path === '/api/v1/households/BZHH01/measurements'
        ? { status: 200, body: { measurements: [newer] } }
        : undefined,
    );
    renderFill(measurement({ version: 7 }));
    await user.click(within(screen.getByRole('group', { name: 'Ik voel me vrolijk' })).getByRole('radio', { name: '6' }));
    expect((await screen.findByTestId('conflict')).textContent).toContain('ergens anders gewijzigd');
    await user.click(screen.getByRole('button', { name: 'Nieuwste antwoorden laden' }));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(screen.getByRole('group', { name: 'Ik kan dingen onthouden' }).textContent).toContain('Uw antwoord: 4');
  });

  it('completes with the open items named, and says thank you', async () => {
    const user = userEvent.setup();
    const calls = fakeServer(measurement());
    renderFill();
    expect(screen.getByTestId('finish-missing').textContent).toContain('Er zijn nog 4 vragen niet ingevuld');
    await user.click(screen.getByRole('button', { name: 'Afronden' }));
    expect((await screen.findByTestId('finished')).textContent).toContain('afgerond');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 3,
      instrument_version: '1.0',
      answers: {},
      complete: true,
    });
  });

  it('explains a shared 0–10 scale once per part, linked to every button', () => {
    fakeServer(measurement());
    renderFill();
    expect(screen.getAllByText('Kies een cijfer van 0 tot 10. 0 is het laagst, 10 is het hoogst.')).toHaveLength(1);
    const radio = within(screen.getByRole('group', { name: 'Ik voel me vrolijk' })).getByRole('radio', { name: '3' });
    expect(radio.getAttribute('aria-describedby')).toContain('deel-hint');
  });

  it('offers faces with their text as the accessible name', () => {
    fakeServer(measurement());
    renderFill(measurement({ instrument: 'positive_health_child', answers: {}, missing: [] }), childPH);
    const group = screen.getByRole('group', { name: 'Ik voel me fit' });
    const names = within(group)
      .getAllByRole('radio')
      .map((r) => ((r as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
    expect(names).toEqual(['Heel slecht', 'Slecht', 'Gaat wel', 'Goed', 'Heel goed']);
    expect(group.querySelectorAll('svg[aria-hidden="true"]')).toHaveLength(5);
  });
});
