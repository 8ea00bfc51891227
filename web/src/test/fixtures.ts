import type { HouseholdDetail, HouseholdSummary, SessionResponse } from '../lib/types';

export const session: SessionResponse = {
  user: { username: 'r.dekker', display_name: 'Ria Dekker', role: 'director' },
  csrf_token: 'csrf-123',
};

const director = { username: 'r.dekker', display_name: 'Ria Dekker' };

export const households: HouseholdSummary[] = [
  ['BZHH01', 'Van den Berg', 'Malberg', 'active', 6860300],
  ['BZHH02', 'Bakkali', 'Pottenberg', 'intake', 1234567],
  ['BZHH03', 'Jacobs', 'Mariaberg', 'aftercare', 0],
  ['BZHH04', 'Smeets', 'Malpertuis', 'referred', 4500000],
  ['BZHH05', 'Yilmaz', 'Pottenberg', 'closed', 100],
  ['BZHH06', 'Claessens', 'Malberg', 'dropped', 3000050],
].map(([id, family_name, neighbourhood, status, cents]) => ({
  id: String(id),
  family_name: String(family_name),
  neighbourhood: String(neighbourhood),
  status: String(status),
  director,
  member_count: 4,
  provision_count: 11,
  annual_cost_cents: Number(cents),
}));

export const household: HouseholdDetail = {
  id: 'BZHH01',
  family_name: 'Van den Berg',
  address: 'Populierweg 12',
  postcode: '6216 AB',
  city: 'Maastricht',
  neighbourhood: 'Malberg',
  status: 'active',
  director,
  referral: { source: 'gp', reason: 'Zorgen om de kinderen', date: '2018-09-14' },
  members: [
    { id: 'm1', given_name: 'Johan', family_name: 'van den Berg', role: 'parent', birth_year: 1979, consent_status: 'given' },
    { id: 'm2', given_name: 'Kevin', family_name: 'van den Berg', role: 'child', birth_year: 2006, consent_status: 'pending' },
  ],
  provisions: [
    {
      id: 'p1', member_id: 'm1', domain: 'schuldhulp', category: 'gemeente',
      provider: { id: 'a1', name: 'Kredietbank' }, professional: { id: 'h1', name: 'M. Hendriks', role: 'schuldhulpverlener' },
      goal: 'Schulden in beeld', start_date: '2017-03-01', end_date: null, hours_per_week: '1.5',
      annual_cost_cents: 345000, cost_basis: 'price_list', indicated: true, active: true,
    },
    {
      id: 'p2', member_id: 'm1', domain: 'participatie', category: 'gemeente',
      provider: { id: 'a2', name: 'Podium24' }, professional: null,
      goal: 'Dagbesteding', start_date: '2015-01-01', end_date: '2018-06-30', hours_per_week: '12',
      annual_cost_cents: 980000, cost_basis: 'declared', indicated: true, active: false,
    },
    {
      id: 'p3', member_id: 'm2', domain: 'jeugd', category: 'gemeente',
      provider: { id: 'a3', name: 'Xonar' }, professional: { id: 'h2', name: 'K. Vos', role: null },
      goal: 'Gedrag op school', start_date: '2018-01-08', end_date: null, hours_per_week: '2.5',
      annual_cost_cents: 2380300, cost_basis: 'declared', indicated: true, active: true,
    },
    {
      id: 'p4', member_id: null, domain: 'zvw_ggz', category: 'zvw_ggz',
      provider: { id: 'a4', name: 'Mondriaan' }, professional: null,
      goal: 'Gezinstherapie', start_date: '2018-02-01', end_date: null, hours_per_week: null,
      annual_cost_cents: 1254000, cost_basis: 'estimate', indicated: true, active: true,
    },
  ],
  cost_by_category: [
    { category: 'zvw_ggz', annual_cost_cents: 1254000 },
    { category: 'gemeente', annual_cost_cents: 2725300 },
  ],
  total_annual_cost_cents: 3979300,
};
