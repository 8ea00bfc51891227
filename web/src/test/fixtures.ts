import type {
  BusinessCaseResponse,
  HouseholdDetail,
  HouseholdSummary,
  SessionResponse,
} from '../lib/types';

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

/** GET /api/v1/businesscase for r.dekker's demo households, director cost fixed € 8.000 (as served). */
export const businessCase: BusinessCaseResponse = {
  "categories": [
    {
      "category": "gemeente",
      "difference_cents": -20853648,
      "households": 6,
      "t1_cents": 42946124,
      "t2_cents": 22092476
    },
    {
      "category": "niet_geindiceerd",
      "difference_cents": -5472200,
      "households": 5,
      "t1_cents": 8718600,
      "t2_cents": 3246400
    },
    {
      "category": "uwv",
      "difference_cents": 0,
      "households": 6,
      "t1_cents": 8305200,
      "t2_cents": 8305200
    },
    {
      "category": "zvw_ggz",
      "difference_cents": -3167500,
      "households": 5,
      "t1_cents": 5803600,
      "t2_cents": 2636100
    }
  ],
  "director_cost": {
    "hourly_rate_cents": 7000,
    "mode": "fixed",
    "norm_per_household_cents": 787500,
    "per_household_cents": 800000,
    "total_cents": 4800000
  },
  "household_count": 6,
  "households": [
    {
      "difference_cents": -4941608,
      "director_cost_cents": 800000,
      "key": "BZHH01",
      "t1_cents": 6860304,
      "t2_cents": 1918696
    },
    {
      "difference_cents": -3248108,
      "director_cost_cents": 800000,
      "key": "BZHH03",
      "t1_cents": 7089504,
      "t2_cents": 3841396
    }
  ],
  "net_cents": -24693348,
  "pseudonymised": false,
  "household_names": { "BZHH01": "Van den Berg" },
  "registered_minutes": {
    "direct": 90,
    "indirect": 0,
    "project": 0,
    "travel": 0
  },
  "t1": "2018-11-01",
  "t2": "2019-11-01",
  "table": {
    "columns": [
      "table",
      "key",
      "households",
      "t1_eur",
      "t2_eur",
      "difference_eur",
      "difference_pct",
      "avg_per_household_eur"
    ],
    "rows": [
      {
        "avg_per_household_eur": -49416,
        "difference_eur": -49416,
        "difference_pct": -72,
        "households": 1,
        "key": "BZHH01",
        "t1_eur": 68603,
        "t2_eur": 19187,
        "table": 3
      },
      {
        "avg_per_household_eur": -32481,
        "difference_eur": -32481,
        "difference_pct": -46,
        "households": 1,
        "key": "BZHH03",
        "t1_eur": 70895,
        "t2_eur": 38414,
        "table": 3
      },
      {
        "avg_per_household_eur": -87999,
        "difference_eur": -87999,
        "difference_pct": -58,
        "households": 1,
        "key": "BZHH07",
        "t1_eur": 152188,
        "t2_eur": 64189,
        "table": 3
      },
      {
        "avg_per_household_eur": -53735,
        "difference_eur": -53735,
        "difference_pct": -33,
        "households": 1,
        "key": "BZHH09",
        "t1_eur": 164252,
        "t2_eur": 110517,
        "table": 3
      },
      {
        "avg_per_household_eur": -33548,
        "difference_eur": -33548,
        "difference_pct": -53,
        "households": 1,
        "key": "BZHH11",
        "t1_eur": 63731,
        "t2_eur": 30183,
        "table": 3
      },
      {
        "avg_per_household_eur": -37754,
        "difference_eur": -37754,
        "difference_pct": -27,
        "households": 1,
        "key": "BZHH13",
        "t1_eur": 138066,
        "t2_eur": 100312,
        "table": 3
      },
      {
        "avg_per_household_eur": -49156,
        "difference_eur": -294933,
        "difference_pct": -45,
        "households": 6,
        "key": "TOTAL",
        "t1_eur": 657735,
        "t2_eur": 362802,
        "table": 3
      },
      {
        "avg_per_household_eur": -34756,
        "difference_eur": -208536,
        "difference_pct": -49,
        "households": 6,
        "key": "gemeente",
        "t1_eur": 429461,
        "t2_eur": 220925,
        "table": 4
      },
      {
        "avg_per_household_eur": -10944,
        "difference_eur": -54722,
        "difference_pct": -63,
        "households": 5,
        "key": "niet_geindiceerd",
        "t1_eur": 87186,
        "t2_eur": 32464,
        "table": 4
      },
      {
        "avg_per_household_eur": 0,
        "difference_eur": 0,
        "difference_pct": 0,
        "households": 6,
        "key": "uwv",
        "t1_eur": 83052,
        "t2_eur": 83052,
        "table": 4
      },
      {
        "avg_per_household_eur": -6335,
        "difference_eur": -31675,
        "difference_pct": -55,
        "households": 5,
        "key": "zvw_ggz",
        "t1_eur": 58036,
        "t2_eur": 26361,
        "table": 4
      },
      {
        "avg_per_household_eur": -49156,
        "difference_eur": -294933,
        "difference_pct": null,
        "households": 6,
        "key": "support_cost_difference",
        "t1_eur": null,
        "t2_eur": null,
        "table": 5
      },
      {
        "avg_per_household_eur": 8000,
        "difference_eur": 48000,
        "difference_pct": null,
        "households": 6,
        "key": "director_cost",
        "t1_eur": null,
        "t2_eur": null,
        "table": 5
      },
      {
        "avg_per_household_eur": -41156,
        "difference_eur": -246933,
        "difference_pct": null,
        "households": 6,
        "key": "net",
        "t1_eur": null,
        "t2_eur": null,
        "table": 5
      }
    ]
  },
  "total": {
    "difference_cents": -29493348,
    "t1_cents": 65773524,
    "t2_cents": 36280176
  },
  "virtual_savings": {
    "items": [
      {
        "household": "BZHH01",
        "kind": "eviction",
        "amount_cents": 1500000,
        "note": "Huurachterstand opgelost",
        "recorded_on": "2019-03-04"
      }
    ],
    "total_cents": 1500000
  }
};
