import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api';
import { household } from '../../test/fixtures';
import { installFakeFetch } from '../../test/fakeFetch';
import { BsnForm } from './BsnForm';
import { ProvisionEditor } from './ProvisionEditor';
import type { Directory } from './useDirectory';

const directory: Directory = {
  organisations: [{ id: 'a1', name: 'Kredietbank', kind: 'provider' }],
  professionals: [{ id: 'h1', name: 'M. Hendriks', organisation_id: 'a1', role: 'schuldhulpverlener', phone: null }],
  priceCodes: [],
  failed: false,
  reload: async () => undefined,
};

describe('ProvisionEditor', () => {
  it('sends the version and shows the conflict message with a reload button on 409', async () => {
    const user = userEvent.setup();
    setCsrfToken('csrf-1');
    const calls = installFakeFetch(() => ({
      status: 409,
      body: { error: { code: 'conflict', message: 'the provision was changed by someone else (now version 3)' } },
    }));
    const onReload = vi.fn(async () => undefined);
    const onSaved = vi.fn(async () => undefined);
    render(
      <ProvisionEditor
        householdId="BZHH01"
        members={household.members}
        directory={directory}
        provision={{ ...household.provisions[0]!, version: 2 }}
        onSaved={onSaved}
        onCancel={() => undefined}
        onReload={onReload}
      />,
    );
    await user.clear(screen.getByLabelText('Uren per week (optioneel)'));
    await user.type(screen.getByLabelText('Uren per week (optioneel)'), '3');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Iemand anders heeft dit huishouden intussen gewijzigd.')).toBeTruthy();
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.path).toBe('/api/v1/households/BZHH01/provisions/p1');
    expect(calls[0]!.headers['x-csrf-token']).toBe('csrf-1');
    expect(calls[0]!.body).toMatchObject({ version: 2, hours_per_week: '3', annual_cost_cents: 345000 });
    expect(onSaved).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Nieuwste gegevens laden' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('shows a 400 next to the field it names', async () => {
    const user = userEvent.setup();
    installFakeFetch(() => ({
      status: 400,
      body: { error: { code: 'invalid_input', message: 'end_date: before start_date' } },
    }));
    render(
      <ProvisionEditor
        householdId="BZHH01"
        members={household.members}
        directory={directory}
        provision={{ ...household.provisions[0]!, version: 1 }}
        onSaved={async () => undefined}
        onCancel={() => undefined}
        onReload={async () => undefined}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const end = screen.getByLabelText('Einddatum (optioneel)');
    await screen.findAllByText(/end_date: before start_date/);
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.getAttribute('aria-describedby')).toMatch(/-error/);
  });
});

describe('BsnForm', () => {
  it('checks the eleven-check, sends the BSN in the body and does not keep it', async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(() => ({ status: 204 }));
    const onSaved = vi.fn(async () => undefined);
    render(<BsnForm householdId="BZHH01" member={household.members[0]!} onSaved={onSaved} onCancel={() => undefined} />);
    const input = screen.getByLabelText('BSN') as HTMLInputElement;
    await user.type(input, '123456789');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('BSN: vul 9 cijfers in die voldoen aan de elfproef.', { selector: 'li' })).toBeTruthy();
    expect(calls).toHaveLength(0);
    await user.clear(input);
    await user.type(input, '111222333');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe('/api/v1/households/BZHH01/members/m1/bsn');
    expect(calls[0]!.search).toBe('');
    expect(calls[0]!.body).toEqual({ bsn: '111222333' });
    expect(input.value).toBe('');
    expect(onSaved).toHaveBeenCalled();
  });
});
