import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api';
import type { Decision } from '../../lib/plan';
import { installFakeFetch, type Call } from '../../test/fakeFetch';
import { household } from '../../test/fixtures';
import { PlanDecisions } from './PlanDecisions';

const BASE = '/api/v1/households/BZHH01';

beforeEach(() => setCsrfToken('csrf-123'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function fakeServer() {
  const decisions: Decision[] = [];
  const calls = installFakeFetch((call: Call) => {
    if (call.path === '/api/v1/organisations') {
      return { status: 200, body: { organisations: [{ id: 'a9', name: 'Gezinshuis Zuid', kind: 'provider' }] } };
    }
    if (call.path === `${BASE}/decisions`) {
      if (call.method === 'GET') return { status: 200, body: { decisions } };
      const body = call.body as { stop?: string[]; reason: string; effective_date: string };
      if (body.stop?.includes('other')) {
        return { status: 400, body: { error: { code: 'invalid_input', message: 'stop[0]: provision other is not on this household\'s care map' } } };
      }
      const d: Decision = {
        id: 1, kind: 'replace', reason: body.reason, effective_date: body.effective_date, stopped: body.stop ?? [],
        started: ['BZHH01-Pnew'], scaled: [], annual_effect_cents: { gemeente: -925300 }, total_annual_effect_cents: -925300,
        round_table_id: null, decided_by: 'r.dekker', created_at: '2019-01-01T10:00:00Z',
      };
      decisions.push(d);
      return { status: 201, body: d };
    }
    return undefined;
  });
  return calls;
}

describe('mandate decisions', () => {
  it('sends the provisions to stop and the systemic one to start, then shows the saving', async () => {
    const calls = fakeServer();
    const onChanged = vi.fn(async () => undefined);
    render(<PlanDecisions household={{ ...household, as_of: '2019-01-01' }} onChanged={onChanged} />);
    const form = await screen.findByTestId('decision-form');
    const user = userEvent.setup();
    fireEvent.change(within(form).getByLabelText('Ingangsdatum'), { target: { value: '2019-03-01' } });
    fireEvent.change(within(form).getByLabelText('Reden'), { target: { value: 'Eén aanbieder voor het gezin' } });
    const stops = within(screen.getByTestId('decision-stop')).getAllByRole('checkbox');
    expect(stops).toHaveLength(3); // p2 has ended before the effective date
    await user.click(stops[0]!);
    await user.click(stops[1]!);
    const provider = within(form).getByLabelText('Aanbieder') as HTMLSelectElement;
    await within(provider).findByRole('option', { name: 'Gezinshuis Zuid' });
    fireEvent.change(provider, { target: { value: 'a9' } });
    fireEvent.change(within(form).getByLabelText('Kosten per jaar (euro)'), { target: { value: '18.000' } });
    await user.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await screen.findByText(/Het besluit is vastgelegd/);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe('csrf-123');
    expect(post?.body).toMatchObject({
      kind: 'replace',
      effective_date: '2019-03-01',
      stop: ['p1', 'p3'],
      start: [{ domain: 'jeugd', provider_id: 'a9', annual_cost_cents: 1_800_000 }],
    });
    const log = await screen.findByTestId('decision-log');
    expect(within(log).getByTestId('decision-effect').textContent).toMatch(/besparing €\s?9\.253/);
    expect(onChanged).toHaveBeenCalled();
  }, 20_000);

  it('asks for the cost of the new provision before sending', async () => {
    const calls = installFakeFetch((call) =>
      call.path === `${BASE}/decisions`
        ? { status: 200, body: { decisions: [] } }
        : call.path === `${BASE}/round-tables`
          ? { status: 200, body: { round_tables: [] } }
          : { status: 200, body: { organisations: [] } },
    );
    render(<PlanDecisions household={household} onChanged={async () => undefined} />);
    const form = await screen.findByTestId('decision-form');
    await userEvent.setup().click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    // No cost typed for the new provision: the form says so before asking the server.
    expect(await within(form).findByText('Vul de kosten per jaar in, bijvoorbeeld 12.000.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, 20_000);

  it('does not choose a provider for a replacement: the director must', async () => {
    const calls = fakeServer();
    render(<PlanDecisions household={{ ...household, as_of: '2019-01-01' }} onChanged={async () => undefined} />);
    const form = await screen.findByTestId('decision-form');
    const provider = within(form).getByLabelText('Aanbieder') as HTMLSelectElement;
    await within(provider).findByRole('option', { name: 'Gezinshuis Zuid' });
    expect(provider.value).toBe('');
    expect(provider.getAttribute('aria-required')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Kosten per jaar (euro)'), { target: { value: '18.000' } });
    await userEvent.setup().click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(form).findByText('Kies de aanbieder van de nieuwe voorziening.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, 20_000);

  it('starts afresh after saving, so a second click does not record the first decision again', async () => {
    const calls = fakeServer();
    render(<PlanDecisions household={{ ...household, as_of: '2019-01-01' }} onChanged={async () => undefined} />);
    const form = await screen.findByTestId('decision-form');
    const user = userEvent.setup();
    const provider = within(form).getByLabelText('Aanbieder') as HTMLSelectElement;
    await within(provider).findByRole('option', { name: 'Gezinshuis Zuid' });
    fireEvent.change(within(form).getByLabelText('Ingangsdatum'), { target: { value: '2019-03-01' } });
    await user.click(within(screen.getByTestId('decision-stop')).getAllByRole('checkbox')[0]!);
    fireEvent.change(provider, { target: { value: 'a9' } });
    fireEvent.change(within(form).getByLabelText('Uren per week'), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Kosten per jaar (euro)'), { target: { value: '18.000' } });
    await user.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await screen.findByText(/Het besluit is vastgelegd/);
    expect((within(form).getByLabelText('Aanbieder') as HTMLSelectElement).value).toBe('');
    expect((within(form).getByLabelText('Uren per week') as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('Kosten per jaar (euro)') as HTMLInputElement).value).toBe('');
    expect(within(screen.getByTestId('decision-stop')).queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(form).findByText('Kies de aanbieder van de nieuwe voorziening.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  }, 20_000);

  it('asks which provision to scale instead of taking the first one', async () => {
    const calls = fakeServer();
    render(<PlanDecisions household={{ ...household, as_of: '2019-01-01' }} onChanged={async () => undefined} />);
    const form = await screen.findByTestId('decision-form');
    fireEvent.change(within(form).getByLabelText('Soort besluit'), { target: { value: 'scale_down' } });
    expect((within(form).getByLabelText('Voorziening') as HTMLSelectElement).value).toBe('');
    fireEvent.change(within(form).getByLabelText('Nieuwe kosten per jaar (euro)'), { target: { value: '10.000' } });
    await userEvent.setup().click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(form).findByText('Kies de voorziening die verandert.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, 20_000);

  it('shows before saving what the decision changes on the care map and per funder', async () => {
    fakeServer();
    render(<PlanDecisions household={{ ...household, as_of: '2019-01-01' }} onChanged={async () => undefined} />);
    const form = await screen.findByTestId('decision-form');
    const user = userEvent.setup();
    const provider = within(form).getByLabelText('Aanbieder') as HTMLSelectElement;
    await within(provider).findByRole('option', { name: 'Gezinshuis Zuid' });
    fireEvent.change(within(form).getByLabelText('Ingangsdatum'), { target: { value: '2019-03-01' } });
    const stops = within(screen.getByTestId('decision-stop')).getAllByRole('checkbox');
    await user.click(stops[0]!);
    await user.click(stops[1]!);
    fireEvent.change(provider, { target: { value: 'a9' } });
    fireEvent.change(within(form).getByLabelText('Kosten per jaar (euro)'), { target: { value: '18.000' } });
    const preview = within(form).getByTestId('decision-preview');
    const lines = within(preview).getByTestId('decision-preview-lines').textContent ?? '';
    expect(lines).toMatch(/Stopt:.*Kredietbank/);
    expect(lines).toMatch(/Stopt:.*Xonar/);
    expect(lines).toMatch(/Nieuw:.*Jeugd.*Gezinshuis Zuid.*€\s?18\.000/);
    const rows = within(within(preview).getByTestId('decision-preview-funders')).getAllByRole('row');
    const gemeente = rows.find((r) => /Gemeente/.test(r.textContent ?? ''))!;
    expect(gemeente.textContent).toMatch(/€\s?27\.253.*€\s?18\.000.*-\s?€\s?9\.253|€\s?27\.253.*€\s?18\.000.*€\s?-9\.253/);
    expect(within(preview).getByTestId('preview-before').textContent).toMatch(/39\.793/);
    expect(within(preview).getByTestId('preview-after').textContent).toMatch(/30\.540/);
  }, 20_000);
});
