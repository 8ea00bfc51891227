import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OwnHouseholdResponse } from '../lib/types';
import { Router } from '../lib/router';
import { installFakeFetch } from '../test/fakeFetch';
import { MemberHouseholdPage, OwnPage } from './OwnPage';

afterEach(() => vi.unstubAllGlobals());

const own: OwnHouseholdResponse = {
  household: { id: 'BZHH01', family_name: 'Van den Berg', members: ['Sanne', 'Tim'] },
  me: 'Sanne',
  director: 'Ria Dekker',
  helpers: [
    { name: 'Anna de Wit', role: 'jeugdhulpverlener', organisation: 'Jeugdhulp Oost', phone: '06-12345678', what_for: 'Tim gaat weer naar school', domain: 'jeugd', for_whom: 'Tim', since: '2026-01-05' },
  ],
  plan: {
    agreed_on: '2026-02-01',
    goals: [{ life_domain: 'housing', words: 'Een huis met rust', status: 'in_progress', for_whom: [], steps: [{ text: 'Bellen met de woningbouw', who: 'Sanne', status: 'open', due: '2026-03-01' }] }],
  },
  appointments: [{ kind: 'aftercare', title: '', at: null, on: '2026-12-01', location: '' }],
  director_phone: '06-12340001',
  director_email: 'r.dekker@gezinsregie.example',
  support_cost: { annual_cents: 1234567, helpers: 1, estimated: false, children: ['Tim'], on: '2026-11-30' },
};

function serve(body: OwnHouseholdResponse) {
  installFakeFetch((call) => {
    if (call.path === '/api/v1/me') return { status: 200, body };
    if (call.path === '/api/v1/me/spider-webs') return { status: 200, body: { people: [] } };
    if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires: [] } };
    if (call.path === '/api/v1/me/file-views') return { status: 200, body: { file_views: [], next_before: null } };
    return undefined;
  });
  render(
    <Router>
      <OwnPage />
    </Router>,
  );
}

describe('Uw gezinsregisseur and Wat kost de hulp', () => {
  it('names the director with a phone link and an e-mail link', async () => {
    serve(own);
    const block = await screen.findByTestId('own-director');
    expect(within(block).getByRole('heading', { level: 2 }).textContent).toContain('Uw gezinsregisseur');
    expect(block.textContent).toContain('Naam: Ria Dekker');
    expect(within(block).getByRole('link', { name: '06-12340001' }).getAttribute('href')).toBe('tel:0612340001');
    expect(within(block).getByRole('link', { name: 'r.dekker@gezinsregie.example' }).getAttribute('href')).toBe(
      'mailto:r.dekker@gezinsregie.example',
    );
    expect(block.textContent).not.toContain('staan nog niet in Regie');
  });

  it('says the phone and e-mail are not known yet when the administrator has not filled them in', async () => {
    serve({ ...own, director_phone: null, director_email: null });
    const block = await screen.findByTestId('own-director');
    expect(within(block).queryAllByRole('link')).toHaveLength(0);
    expect(block.textContent).toContain('Het telefoonnummer en e-mailadres staan nog niet in Regie.');
  });

  it('says what the support costs per year in euros and for whom it counts', async () => {
    serve(own);
    const cost = await screen.findByTestId('own-cost');
    expect(within(cost).getByRole('heading', { level: 2 }).textContent).toContain('Wat kost de hulp');
    expect(cost.textContent).toContain('De hulp die u hierboven ziet, kost samen €\u00a012.346 per jaar.');
    expect(cost.textContent).toContain('Dit is de hulp voor u, voor het hele gezin en voor Tim.');
    expect(cost.textContent).toContain('Hulp die een andere volwassene in uw gezin voor zichzelf krijgt, telt hier niet mee.');
    expect(cost.textContent).not.toContain('schatting');
    expect(cost.textContent).toContain('Zo staat het op 30 november 2026.');
  });

  it('names an estimate, an adult without children and no help at all', async () => {
    serve({ ...own, support_cost: { annual_cents: 500000, helpers: 2, estimated: true, children: [], on: '2026-11-30' } });
    const cost = await screen.findByTestId('own-cost');
    expect(cost.textContent).toContain('Dit is de hulp voor u en voor het hele gezin.');
    expect(cost.textContent).toContain('Een deel is een schatting.');
  });

  it('says there are no costs when nobody helps', async () => {
    serve({ ...own, helpers: [], support_cost: { annual_cents: 0, helpers: 0, estimated: false, children: [], on: '2026-11-30' } });
    const cost = await screen.findByTestId('own-cost');
    expect(cost.textContent).toContain('Er is nu geen hulp. Daarom zijn er ook geen kosten.');
  });
});

describe('the household\'s own view', () => {
  it('says who helps, the plan, the appointments and who looked, in plain words', async () => {
    installFakeFetch((call) => {
      if (call.path === '/api/v1/me') return { status: 200, body: own };
      if (call.path === '/api/v1/me/spider-webs') return { status: 200, body: { people: [] } };
      if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires: [] } };
      if (call.path === '/api/v1/me/file-views')
        return { status: 200, body: { file_views: [{ at: '2026-11-20T09:30:00Z', who: 'Ria Dekker', role: 'director', organisation: '', action: 'household.read' }], next_before: null } };
      return undefined;
    });
    render(
      <Router>
        <OwnPage />
      </Router>,
    );
    const helpers = await screen.findByTestId('own-helpers');
    expect(within(helpers).getByRole('heading', { level: 2 }).textContent).toContain('Wie helpt ons en waarom');
    expect(helpers.textContent).toContain('Van: Jeugdhulp Oost');
    expect(helpers.textContent).toContain('Voor: Tim');
    expect(within(helpers).getByRole('link', { name: '06-12345678' }).getAttribute('href')).toBe('tel:0612345678');
    expect(screen.getByTestId('own-plan').textContent).toContain('Een huis met rust');
    expect(screen.getByTestId('own-appointments').textContent).toContain('Rond 1 december 2026');
    expect(screen.getByTestId('own-web').textContent).toContain('Er is nog geen spinnenweb ingevuld.');
    const looked = await screen.findByTestId('file-views');
    expect(looked.textContent).toContain('Ria Dekker, gezinsregisseur');
    expect(screen.queryByRole('button', { name: 'Eerdere bezoeken tonen' })).toBeNull();
    expect(screen.getByText('Dit zijn alle bezoeken.')).toBeTruthy();
    expect(screen.getAllByRole('img').every((img) => (img.getAttribute('aria-label') ?? '') !== '')).toBe(true);
  });

  it('shows older looks page by page with "Eerdere bezoeken tonen" and moves the focus to the first older one', async () => {
    const look = (who: string) => ({ at: '2026-11-20T09:30:00Z', who, role: 'professional', organisation: 'Wijkteam', action: 'household.read' });
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/me') return { status: 200, body: own };
      if (call.path === '/api/v1/me/spider-webs') return { status: 200, body: { people: [] } };
      if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires: [] } };
      if (call.path === '/api/v1/me/file-views' && call.search === '')
        return { status: 200, body: { file_views: [look('Nieuwste'), look('Daarna')], next_before: 41 } };
      if (call.path === '/api/v1/me/file-views' && call.search === '?before=41')
        return { status: 200, body: { file_views: [look('Oudste')], next_before: null } };
      return undefined;
    });
    render(
      <Router>
        <OwnPage />
      </Router>,
    );
    const list = await screen.findByTestId('file-views');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('U ziet 2 bezoeken.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Eerdere bezoeken tonen' }));
    await screen.findByText('U ziet 3 bezoeken.');
    const items = within(screen.getByTestId('file-views')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Nieuwste', 'Daarna', 'Oudste']);
    expect(document.activeElement).toBe(items[2]);
    expect(screen.queryByRole('button', { name: 'Eerdere bezoeken tonen' })).toBeNull();
    expect(calls.filter((c) => c.path === '/api/v1/me/file-views').map((c) => c.search)).toEqual(['', '?before=41']);
  }, 20_000);

  it('shows "Geen toegang" when a member opens a household URL', async () => {
    installFakeFetch((call) =>
      call.path === '/api/v1/households/BZHH02'
        ? { status: 403, body: { error: { code: 'forbidden', message: 'no household with this id that you may see' } } }
        : undefined,
    );
    render(
      <Router>
        <MemberHouseholdPage id="BZHH02" />
      </Router>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Geen toegang');
    expect(screen.getByRole('link', { name: 'Naar ons gezin' }).getAttribute('href')).toBe('/mijn');
  });
});
