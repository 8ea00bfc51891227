#!/usr/bin/env node
// Verifies data/demo/households.json against the pilot costs CSV.
//
//   node tools/demo/verify.mjs [costs.csv] [households.json]
//
// Same defaults as generate.mjs. Recomputes, in integer cents, the sum of
// annual_cost_eur of the provisions active on each measurement date per
// household and cost category, and compares it with the CSV (lines with the
// same key summed; absent = 0 and then no active provision at all). Also
// checks the schema, enumerations and references. Exits 1 on any problem.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CSV_PATH = process.argv[2] ? resolve(process.argv[2]) : resolve(REPO, '..', 'shared', 'data', 'pilot', 'costs.csv');
const JSON_PATH = process.argv[3] ? resolve(process.argv[3]) : resolve(REPO, 'data', 'demo', 'households.json');

const problems = [];
const bad = (msg) => problems.push(msg);

const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;
function cents(text, where) {
  const m = typeof text === 'string' ? MONEY.exec(text) : null;
  if (!m) { bad(`${where}: not a money string: ${JSON.stringify(text)}`); return 0; }
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isDate(s) {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
function keys(obj, want, where) {
  const got = Object.keys(obj || {}).sort().join(',');
  const exp = [...want].sort().join(',');
  if (got !== exp) bad(`${where}: keys ${got} != ${exp}`);
}

const category = (domain) => (['niet_geindiceerd', 'uwv', 'zvw_ggz'].includes(domain) ? domain : 'gemeente');
const GEMEENTE_DOMAINS = ['jeugd', 'wmo', 'participatie', 'schuldhulp', 'bijstand', 'bijzondere_bijstand'];
const DOMAINS = [...GEMEENTE_DOMAINS, 'niet_geindiceerd', 'uwv', 'zvw_ggz'];
const CATEGORIES = ['gemeente', 'niet_geindiceerd', 'uwv', 'zvw_ggz'];

// ---- CSV
const csvText = readFileSync(CSV_PATH, 'utf8').replace(/^\uFEFF/, '');
const rows = csvText.split(/\r?\n/).filter((l) => l.trim() !== '');
const header = rows[0].split(',').map((s) => s.trim());
const idx = Object.fromEntries(['household_id', 'moment', 'category', 'annual_cost_eur'].map((c) => [c, header.indexOf(c)]));
if (Object.values(idx).some((i) => i < 0)) { console.error(`${CSV_PATH}: missing column`); process.exit(1); }
const want = new Map(); // `${hh}|${moment}|${cat}` -> cents
const csvHouseholds = new Set();
rows.slice(1).forEach((line, n) => {
  const f = line.split(',').map((s) => s.trim());
  const k = `${f[idx.household_id]}|${f[idx.moment]}|${f[idx.category]}`;
  csvHouseholds.add(f[idx.household_id]);
  want.set(k, (want.get(k) || 0) + cents(f[idx.annual_cost_eur], `${CSV_PATH}:${n + 2}`));
});

// ---- JSON
const data = JSON.parse(readFileSync(JSON_PATH, 'utf8'));
keys(data, ['measurement_dates', 'directors', 'organisations', 'professionals', 'households'], 'top level');
const dates = data.measurement_dates || {};
if (dates.T1 !== '2018-11-01' || dates.T2 !== '2019-11-01') bad(`measurement_dates: ${JSON.stringify(dates)}`);

const directors = new Set();
for (const d of data.directors) { keys(d, ['username', 'display_name', 'phone', 'email'], `director ${d.username}`); directors.add(d.username); }

const ORG_KINDS = ['provider', 'municipality', 'insurer', 'housing', 'uwv', 'social_work', 'neighbourhood_team'];
const orgs = new Set();
for (const o of data.organisations) {
  keys(o, ['id', 'name', 'kind'], `organisation ${o.id}`);
  if (orgs.has(o.id)) bad(`duplicate organisation ${o.id}`);
  orgs.add(o.id);
  if (!ORG_KINDS.includes(o.kind)) bad(`organisation ${o.id}: kind ${o.kind}`);
}
const pros = new Set();
for (const p of data.professionals) {
  keys(p, ['id', 'name', 'organisation_id', 'role', 'phone'], `professional ${p.id}`);
  if (pros.has(p.id)) bad(`duplicate professional ${p.id}`);
  pros.add(p.id);
  if (!orgs.has(p.organisation_id)) bad(`professional ${p.id}: unknown organisation ${p.organisation_id}`);
  if (!/^06-\d{8}$/.test(p.phone)) bad(`professional ${p.id}: phone ${p.phone}`);
}

const SOURCES = ['gp', 'practice_nurse', 'gp_with_practice_nurse', 'gp_with_safety_house', 'wmo', 'social_team',
  'youth_doctor', 'social_work', 'other'];
// One family that dropped out lived outside the pilot's neighbourhoods.
const NEIGHBOURHOODS = ['Malberg', 'Caberg', 'Pottenberg', 'Malpertuis', 'Heer'];
const STATUSES = ['referred', 'intake', 'active', 'aftercare', 'closed', 'dropped'];
const DROP_REASONS = ['not_needed', 'no_consent', 'withdrew', 'moved_away', 'outside_area'];
const jsonHouseholds = new Set();
const provisionIds = new Set();
let nProvisions = 0;
for (const h of data.households) {
  const w = `household ${h.id}`;
  const fields = ['id', 'family_name', 'address', 'postcode', 'city', 'neighbourhood', 'status', 'director', 'referral',
    'members', 'provisions', 'status_history', 'moments'];
  keys(h, h.status === 'dropped' ? [...fields, 'drop_reason'] : fields, w);
  if (h.status === 'dropped' && !DROP_REASONS.includes(h.drop_reason)) bad(`${w}: drop_reason ${h.drop_reason}`);
  for (const c of h.status_history) {
    if (!STATUSES.includes(c.status) || !isDate(c.date) || !directors.has(c.by)) bad(`${w}: status change ${JSON.stringify(c)}`);
  }
  if (h.status_history.length && h.status_history[h.status_history.length - 1].status !== h.status) bad(`${w}: history does not end in ${h.status}`);
  const held = new Set(h.moments.filter((m) => m.held).map((m) => m.moment));
  if (jsonHouseholds.has(h.id)) bad(`duplicate ${w}`);
  jsonHouseholds.add(h.id);
  if (!NEIGHBOURHOODS.includes(h.neighbourhood)) bad(`${w}: neighbourhood ${h.neighbourhood}`);
  if (!directors.has(h.director)) bad(`${w}: director ${h.director}`);
  if (!/^\d{4} [A-Z]{2}$/.test(h.postcode)) bad(`${w}: postcode ${h.postcode}`);
  keys(h.referral, ['source', 'reason', 'date'], `${w} referral`);
  if (!SOURCES.includes(h.referral.source)) bad(`${w}: referral source ${h.referral.source}`);
  if (!isDate(h.referral.date) || h.referral.date >= dates.T1) bad(`${w}: referral date ${h.referral.date}`);
  if (h.members.length < 2 || h.members.length > 6) bad(`${w}: ${h.members.length} members`);
  const members = new Set();
  for (const m of h.members) {
    keys(m, ['id', 'given_name', 'family_name', 'role', 'birth_year', 'consent_status'], `member ${m.id}`);
    if (!m.id.startsWith(`${h.id}-M`)) bad(`member ${m.id}: id`);
    if (!['parent', 'child', 'other'].includes(m.role)) bad(`member ${m.id}: role ${m.role}`);
    if (!['given', 'pending', 'refused', 'withdrawn'].includes(m.consent_status)) bad(`member ${m.id}: consent ${m.consent_status}`);
    if (!Number.isInteger(m.birth_year)) bad(`member ${m.id}: birth_year`);
    members.add(m.id);
  }
  for (const p of h.provisions) {
    nProvisions++;
    const pw = `provision ${p.id}`;
    keys(p, ['id', 'member_id', 'domain', 'provider_id', 'professional_id', 'goal', 'start_date', 'end_date',
      'hours_per_week', 'annual_cost_eur', 'cost_basis', 'indicated'], pw);
    if (provisionIds.has(p.id) || !p.id.startsWith(`${h.id}-P`)) bad(`${pw}: id`);
    provisionIds.add(p.id);
    if (p.member_id !== null && !members.has(p.member_id)) bad(`${pw}: member ${p.member_id}`);
    if (!DOMAINS.includes(p.domain)) bad(`${pw}: domain ${p.domain}`);
    if (!orgs.has(p.provider_id)) bad(`${pw}: provider ${p.provider_id}`);
    if (p.professional_id !== null && !pros.has(p.professional_id)) bad(`${pw}: professional ${p.professional_id}`);
    if (!isDate(p.start_date)) bad(`${pw}: start_date ${p.start_date}`);
    if (p.end_date !== null && (!isDate(p.end_date) || p.end_date < p.start_date)) bad(`${pw}: end_date ${p.end_date}`);
    if (typeof p.hours_per_week !== 'string' || !/^\d+(\.\d+)?$/.test(p.hours_per_week)) bad(`${pw}: hours_per_week`);
    if (cents(p.annual_cost_eur, pw) <= 0) bad(`${pw}: amount not positive`);
    const cat = category(p.domain);
    const basis = cat === 'gemeente' ? 'declared' : cat === 'zvw_ggz' ? 'estimate' : 'price_list';
    if (p.cost_basis !== basis) bad(`${pw}: cost_basis ${p.cost_basis}, expected ${basis}`);
    if (p.indicated !== (cat !== 'niet_geindiceerd')) bad(`${pw}: indicated ${p.indicated}`);
  }

  // The invariant holds for the families with a business case; the others
  // must lack one: dropped out, T2 not held, or nothing on the care map at T1.
  if (!csvHouseholds.has(h.id)) {
    const atT1 = h.provisions.some((p) => p.start_date <= dates.T1 && (p.end_date === null || p.end_date >= dates.T1));
    if (h.status !== 'dropped' && held.has('T2') && atT1) bad(`${w}: not in the CSV but complete`);
    continue;
  }
  if (!held.has('T1') || !held.has('T2')) bad(`${w}: in the CSV but T1 and T2 not both held`);
  for (const moment of ['T1', 'T2']) {
    const d = dates[moment];
    const active = h.provisions.filter((p) => p.start_date <= d && (p.end_date === null || p.end_date >= d));
    for (const cat of CATEGORIES) {
      const act = active.filter((p) => category(p.domain) === cat);
      const got = act.reduce((s, p) => s + cents(p.annual_cost_eur, p.id), 0);
      const exp = want.get(`${h.id}|${moment}|${cat}`);
      if (exp === undefined) {
        if (act.length) bad(`${h.id} ${moment} ${cat}: not in CSV but ${act.length} active provision(s)`);
      } else if (got !== exp) {
        bad(`${h.id} ${moment} ${cat}: provisions sum to ${got} cents, CSV says ${exp}`);
      }
    }
  }
}
for (const k of want.keys()) {
  const [hh, , cat] = k.split('|');
  if (!CATEGORIES.includes(cat)) bad(`CSV category ${cat} unknown`);
  if (!jsonHouseholds.has(hh)) bad(`CSV household ${hh} missing from JSON`);
}

if (problems.length) {
  for (const p of problems) console.error(`verify: ${p}`);
  console.error(`verify: FAILED, ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`verify: OK: ${jsonHouseholds.size} households, ${want.size} CSV figures matched to the cent, ` +
  `${data.organisations.length} organisations, ${data.professionals.length} professionals, ${nProvisions} provisions`);
