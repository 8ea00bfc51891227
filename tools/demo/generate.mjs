#!/usr/bin/env node
// Generates the Regie demo data set (data/demo/households.json) from the
// pilot cost snapshots (shared/data/pilot/costs.csv).
//
//   node tools/demo/generate.mjs [costs.csv] [households.json]
//
// Defaults: ../shared/data/pilot/costs.csv and data/demo/households.json,
// both relative to the repository root. Plain Node 20, no dependencies.
//
// The output is deterministic: a seeded PRNG, no clock, no Math.random.
// Invariant (checked here and again by verify.mjs): for every household,
// cost category and measurement moment, the summed annual_cost_eur of the
// provisions active on that moment's date equals the CSV figure to the cent.
// All people, addresses, phone numbers and organisations are fictional.
// The families without a business case (the referral funnel) are in funnel.mjs.

import { SOURCE_OVERRIDES, extraHouseholds, guidedHistory } from './funnel.mjs';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CSV_PATH = process.argv[2] ? resolve(process.argv[2]) : resolve(REPO, '..', 'shared', 'data', 'pilot', 'costs.csv');
const OUT_PATH = process.argv[3] ? resolve(process.argv[3]) : resolve(REPO, 'data', 'demo', 'households.json');

const T1 = '2018-11-01';
const T2 = '2019-11-01';
const CATEGORIES = ['gemeente', 'niet_geindiceerd', 'uwv', 'zvw_ggz'];

// ---------------------------------------------------------------- utilities

function fail(msg) {
  console.error(`generate: ${msg}`);
  process.exit(1);
}

// mulberry32: small deterministic PRNG
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

function seedOf(str) {
  let h = 2166136261;
  for (const ch of str) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

// exact money: integer cents <-> "1234.56"
function parseCents(text, where) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) fail(`${where}: not a money amount: ${JSON.stringify(text)}`);
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}
function fmtCents(c) {
  if (!Number.isSafeInteger(c) || c <= 0) fail(`internal: bad amount ${c}`);
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

// dates as 'yyyy-mm-dd'; month arithmetic on the first of a month
function ym(y, m) { // m may overflow
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((m - 1) % 12 + 12) % 12 + 1;
  return [yy, mm];
}
function firstOf(y, m) { const [yy, mm] = ym(y, m); return `${yy}-${String(mm).padStart(2, '0')}-01`; }
function daysIn(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
function lastOf(y, m) { const [yy, mm] = ym(y, m); return `${yy}-${String(mm).padStart(2, '0')}-${daysIn(yy, mm)}`; }
function parts(d) { return d.split('-').map(Number); }
function monthIndex(d) { const [y, m] = parts(d); return y * 12 + (m - 1); }
function fromMonthIndex(i, day = 1) {
  const y = Math.floor(i / 12), m = (i % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function dayBefore(d) { // d is a first of month
  const [y, m] = parts(d);
  return lastOf(y, m - 1);
}

// ---------------------------------------------------------------- CSV input

function readCosts(path) {
  let text;
  try { text = readFileSync(path, 'utf8'); } catch (e) { fail(`cannot read ${path}: ${e.message}`); }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) fail(`${path}: missing column ${name}`);
    return i;
  };
  const [ih, im, ic, ia] = ['household_id', 'moment', 'category', 'annual_cost_eur'].map(col);
  const costs = new Map(); // hh -> { T1: {cat: cents}, T2: {...} }
  lines.slice(1).forEach((line, n) => {
    if (!line.trim()) return;
    const f = line.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    const where = `${path}:${n + 2}`;
    const hh = f[ih], mo = f[im], cat = f[ic];
    if (mo !== 'T1' && mo !== 'T2') fail(`${where}: moment must be T1 or T2`);
    if (!CATEGORIES.includes(cat)) fail(`${where}: unknown category ${cat}`);
    if (!costs.has(hh)) costs.set(hh, { T1: {}, T2: {} });
    const slot = costs.get(hh)[mo];
    slot[cat] = (slot[cat] || 0) + parseCents(f[ia], where);
  });
  return costs;
}

// ---------------------------------------------------------------- catalogue

export function categoryOf(domain) {
  if (domain === 'niet_geindiceerd' || domain === 'uwv' || domain === 'zvw_ggz') return domain;
  return 'gemeente';
}

// Organisations (all fictional). key -> [name, kind]
const ORGS = [
  ['gem_wi', 'Stadsloket Werk en Inkomen', 'municipality'],
  ['gem_sch', 'Stadsloket Geldzaken en Schuldhulp', 'municipality'],
  ['ins', 'Zorgverzekeraar Dalwijk', 'insurer'],
  ['jz', 'Jeugdzorg Zuid', 'provider'],
  ['kompas', 'Stichting Kompas Jeugd en Gezin', 'provider'],
  ['brug', 'Thuisbegeleiding De Brug', 'provider'],
  ['ib', 'Begeleiding Op Maat Limburg', 'provider'],
  ['dag', 'Kinderdagcentrum De Speelboom', 'provider'],
  ['jggz', 'Kind en Jeugd GGZ Zonnewijzer', 'provider'],
  ['logeer', 'Logeerhuis De Vlinder', 'provider'],
  ['dagb', 'Dagbesteding De Werkplaats', 'provider'],
  ['hh', 'Thuishulp Schoon en Fris', 'provider'],
  ['stap', 'Participatiecentrum Stap Verder', 'provider'],
  ['bewind', 'Bewindvoering Helder', 'provider'],
  ['ggz1', 'GGZ Heuvelrand', 'provider'],
  ['ggz2', 'Psychologenpraktijk Meerzicht', 'provider'],
  ['ggz3', 'Verslavingszorg Keerpunt', 'provider'],
  ['ggz4', 'GGZ Centrum De Horizon', 'provider'],
  ['uwv1', 'Jobcoachbureau Werkzaam', 'uwv'],
  ['uwv2', 'Re-integratiebureau Opstap Zuid', 'uwv'],
  ['mw', 'Maatschappelijk Werk Maasoever', 'social_work'],
  ['vt', 'Meldpunt Huiselijk Geweld Zuid', 'social_work'],
  ['budget', 'Budgetwerk Zuid', 'social_work'],
  ['wt1', 'Sociaal Wijkteam Noordwest', 'neighbourhood_team'],
  ['wt2', 'Sociaal Wijkteam West', 'neighbourhood_team'],
  ['woon1', 'Woonstichting Hoogveld', 'housing'],
  ['woon2', 'Wooncorporatie Keizershof', 'housing'],
];

// Provision templates: domain, professional role, euro per hour (for
// hours_per_week; null = fixed hours), minimum age of the client, goal.
// {n} is replaced by the member's given name. Goals are plain Dutch (B1).
const T = {
  jeugd_amb: { d: 'jeugd', role: 'jeugdhulpverlener', rate: 78, age: 3,
    goal: '{n} leert beter omgaan met boosheid en gaat weer elke dag naar school.' },
  jeugd_ib: { d: 'jeugd', role: 'ambulant begeleider jeugd', rate: 70, age: 6,
    goal: '{n} leert zelf plannen en afspraken nakomen, thuis en op school.' },
  jeugd_dag: { d: 'jeugd', role: 'pedagogisch medewerker', rate: 42, age: 2,
    goal: '{n} krijgt hulp in een kleine groep, zodat het thuis en op school beter gaat.' },
  jeugd_ggz: { d: 'jeugd', role: 'kinder- en jeugdpsycholoog', rate: 105, age: 6,
    goal: '{n} krijgt behandeling voor angst en somberheid en durft weer meer.' },
  jeugd_logeer: { d: 'jeugd', role: 'coördinator logeeropvang', rate: 38, age: 2,
    goal: '{n} logeert één weekend per maand in het logeerhuis, zodat de ouders even rust hebben.' },
  jeugd_casusregie: { d: 'jeugd', role: 'casusregisseur', rate: 85, age: 0,
    goal: 'De casusregisseur zorgt dat alle hulp rond {n} op elkaar aansluit.' },
  jeugd_gezin: { d: 'jeugd', role: 'gezinscoach', rate: 72, age: 0,
    goal: 'Eén vaste gezinscoach voor het hele gezin. Samen werken aan één plan voor rust, structuur en school.' },
  wmo_bg: { d: 'wmo', role: 'ambulant begeleider', rate: 62, age: 18,
    goal: '{n} krijgt hulp bij post, geld en afspraken, zodat er meer overzicht is.' },
  wmo_dag: { d: 'wmo', role: 'begeleider dagbesteding', rate: 35, age: 18,
    goal: '{n} heeft een vaste plek bij de dagbesteding en een zinvolle dag.' },
  wmo_hh: { d: 'wmo', role: 'huishoudelijk medewerker', rate: 28, age: 18,
    goal: 'Het huis blijft schoon en veilig. {n} doet zelf wat lukt.' },
  part_coach: { d: 'participatie', role: 'participatiecoach', rate: 65, age: 18,
    goal: '{n} werkt stap voor stap naar vrijwilligerswerk of betaald werk.' },
  part_taal: { d: 'participatie', role: 'taalcoach', rate: 55, age: 18,
    goal: '{n} oefent Nederlands praten en lezen, om mee te kunnen doen en werk te vinden.' },
  part_werk: { d: 'participatie', role: 'werkbegeleider', rate: 60, age: 18,
    goal: '{n} doet werkervaring op in een leerwerkplek, drie dagen per week.' },
  sch_traject: { d: 'schuldhulp', role: 'schuldhulpverlener', rate: 70, age: 18,
    goal: 'De schulden zijn in beeld en er komt een regeling met de schuldeisers.' },
  bijst: { d: 'bijstand', role: 'consulent werk en inkomen', rate: null, hours: 5, age: 18,
    goal: 'Een vast inkomen, zodat de vaste lasten betaald kunnen worden.' },
  bb_bewind: { d: 'bijzondere_bijstand', role: 'bewindvoerder', rate: null, hours: 5, age: 18,
    goal: 'De bewindvoerder beheert het geld en betaalt de rekeningen op tijd (kosten via bijzondere bijstand).' },
  ng_mw: { d: 'niet_geindiceerd', role: 'maatschappelijk werker', rate: 68, age: 16,
    goal: '{n} praat elke week met de maatschappelijk werker over zorgen, post en geld.' },
  ng_schoolmw: { d: 'niet_geindiceerd', role: 'schoolmaatschappelijk werker', rate: 68, age: 6,
    goal: '{n} kan op school praten over wat thuis gebeurt, en gaat weer op tijd naar school.' },
  ng_wijk: { d: 'niet_geindiceerd', role: 'wijkteammedewerker', rate: 68, age: 0,
    goal: 'Het wijkteam helpt het gezin met vragen en denkt mee over de juiste hulp.' },
  ng_woon: { d: 'niet_geindiceerd', role: 'woonconsulent', rate: 68, age: 0,
    goal: 'Afspraken over de huurachterstand en over de overlast met de buren.' },
  ng_budget: { d: 'niet_geindiceerd', role: 'budgetcoach', rate: 60, age: 0,
    goal: 'Het gezin leert een weekbudget maken. Vaste lasten gaan automatisch van de rekening.' },
  ng_vt: { d: 'niet_geindiceerd', role: 'medewerker huiselijk geweld', rate: 80, age: 0,
    goal: 'Er is een veiligheidsplan. Iedereen in huis weet wat te doen als het misgaat.' },
  ng_buurt: { d: 'niet_geindiceerd', role: 'buurtbemiddelaar', rate: 55, age: 0,
    goal: 'Buurtbemiddeling helpt om de ruzie met de buren op te lossen.' },
  uwv_jobcoach: { d: 'uwv', role: 'jobcoach', rate: 75, age: 18,
    goal: '{n} houdt het werk vol met hulp van de jobcoach op de werkplek.' },
  uwv_reint: { d: 'uwv', role: 're-integratiecoach', rate: 80, age: 18,
    goal: '{n} werkt aan herstel en aan terugkeer naar werk.' },
  ggz_bas: { d: 'zvw_ggz', role: 'psycholoog', rate: 95, age: 18,
    goal: '{n} heeft gesprekken met een psycholoog over somberheid en stress.' },
  ggz_sggz: { d: 'zvw_ggz', role: 'gz-psycholoog', rate: 110, age: 18,
    goal: '{n} krijgt behandeling voor angst en nare herinneringen.' },
  ggz_fact: { d: 'zvw_ggz', role: 'sociaal-psychiatrisch verpleegkundige', rate: 100, age: 18,
    goal: '{n} krijgt zorg van het FACT-team, zodat het thuis stabiel blijft.' },
  ggz_verslaving: { d: 'zvw_ggz', role: 'verslavingsbehandelaar', rate: 100, age: 18,
    goal: '{n} werkt aan minder drinken en blowen, met steun van een behandelaar.' },
  ggz_psychiater: { d: 'zvw_ggz', role: 'psychiater', rate: 150, age: 18,
    goal: '{n} heeft vaste afspraken bij de psychiater voor medicatie en controle.' },
};

// ---------------------------------------------------------------- households
// Provision specs: [kind, template, member (1-based, 0 = whole household), org, nominal €, opts]
//   both  : active at T1 and T2, same cost
//   t1    : started before T1, stopped by the director before T2
//   scale : scaled up/down: old provision ends, new one with the same provider
//           starts the next day at nominal × f
//   t2    : started after T1 (e.g. one systemic arrangement for the family)
//   past  : history, ended before T1 (turnover); not part of any sum
// The nominal amounts set the proportions; the generator scales them so the
// totals per category and moment match the CSV exactly.

const HOUSEHOLDS = [
  {
    id: 'BZHH01', family_name: 'Van den Berg', address: 'Lijsterbeslaan 14', postcode: '6216 KV',
    neighbourhood: 'Malberg', director: 'r.dekker', switch: '2019-02-01',
    referral: { source: 'gp', date: '2018-09-14',
      reason: 'Moeder is erg moe en heeft veel zorgen over geld en de kinderen. Er komen veel hulpverleners over de vloer en niemand heeft het overzicht.' },
    members: [
      ['Linda', 'van den Berg', 'parent', 1979, 'given'],
      ['Kevin', 'van den Berg', 'child', 2000, 'given'],
      ['Demi', 'van den Berg', 'child', 2006, 'given'],
      ['Jayden', 'van den Berg', 'child', 2011, 'given'],
    ],
    specs: [
      ['t1', 'jeugd_amb', 3, 'jz', 11000],
      ['t1', 'jeugd_ib', 3, 'brug', 5500],
      ['t1', 'jeugd_dag', 4, 'dag', 16000],
      ['t1', 'wmo_bg', 1, 'brug', 9500],
      ['scale', 'part_coach', 1, 'stap', 4200, { f: 0.5 }],
      ['t1', 'sch_traject', 1, 'gem_sch', 3200],
      ['both', 'bb_bewind', 1, 'bewind', 1750],
      ['t2', 'jeugd_gezin', 0, 'kompas', 7000],
      ['past', 'jeugd_amb', 2, 'jz', 9000],
      ['t1', 'ng_mw', 1, 'mw', 3100],
      ['t1', 'ng_woon', 0, 'woon1', 1650],
      ['t1', 'ng_vt', 0, 'vt', 2900],
      ['scale', 'ng_wijk', 0, 'wt1', 2300, { f: 0.65 }],
      ['both', 'uwv_jobcoach', 2, 'uwv1', 7011],
    ],
  },
  {
    id: 'BZHH02', family_name: 'Hermans', address: 'Klaverhof 3', postcode: '6216 BR',
    neighbourhood: 'Caberg', director: 'm.bakker', switch: '2019-03-01',
    referral: { source: 'youth_doctor', date: '2018-08-22',
      reason: 'De jeugdarts maakt zich zorgen over Noah. Hij is vaak ziek thuis van school en de ouders hebben veel ruzie.' },
    members: [
      ['Sandra', 'Hermans', 'parent', 1984, 'given'],
      ['Danny', 'Vroemen', 'parent', 1981, 'given'],
      ['Lisa', 'Hermans', 'child', 2008, 'given'],
      ['Noah', 'Vroemen', 'child', 2013, 'given'],
    ],
    specs: [
      ['t1', 'jeugd_amb', 3, 'kompas', 9800],
      ['t1', 'jeugd_ggz', 3, 'jggz', 12500],
      ['t1', 'jeugd_dag', 4, 'dag', 14500],
      ['scale', 'wmo_bg', 1, 'ib', 8000, { f: 0.5 }],
      ['both', 'bijst', 1, 'gem_wi', 6400, { goal: 'Aanvulling op het inkomen, zodat het gezin rond kan komen.' }],
      ['t1', 'part_coach', 2, 'stap', 3500],
      ['t2', 'jeugd_gezin', 0, 'jz', 8000],
      ['past', 'wmo_hh', 1, 'hh', 4000],
      ['both', 'ng_mw', 1, 'mw', 2200],
      ['t1', 'ng_budget', 0, 'budget', 2100],
      ['t1', 'ng_schoolmw', 3, 'mw', 1900],
      ['t2', 'ng_wijk', 0, 'wt1', 1700],
      ['t1', 'ggz_sggz', 2, 'ggz4', 4700],
      ['scale', 'ggz_bas', 1, 'ggz2', 1600, { f: 0.9 }],
    ],
  },
  {
    id: 'BZHH03', family_name: 'Bemelmans', address: 'Perenhof 21', postcode: '6216 TG',
    neighbourhood: 'Pottenberg', director: 'r.dekker', switch: '2019-01-01',
    referral: { source: 'social_team', date: '2018-07-10',
      reason: 'Het sociaal team ziet dat er veel hulp is, maar het gaat niet beter. De ouders weten niet meer wie waarvoor komt.' },
    members: [
      ['Petra', 'Bemelmans', 'parent', 1977, 'given'],
      ['Marco', 'Bemelmans', 'parent', 1975, 'given'],
      ['Tim', 'Bemelmans', 'child', 2002, 'given'],
      ['Sem', 'Bemelmans', 'child', 2005, 'given'],
      ['Lotte', 'Bemelmans', 'child', 2009, 'given'],
    ],
    specs: [
      ['t1', 'jeugd_amb', 4, 'jz', 8500],
      ['scale', 'jeugd_ib', 5, 'ib', 7000, { f: 0.6 }],
      ['t1', 'wmo_bg', 2, 'brug', 7200],
      ['both', 'wmo_dag', 2, 'dagb', 9000],
      ['t1', 'sch_traject', 1, 'gem_sch', 3400],
      ['scale', 'part_coach', 1, 'stap', 5000, { f: 0.5 }],
      ['t1', 'jeugd_casusregie', 4, 'kompas', 6800],
      ['t2', 'jeugd_gezin', 0, 'kompas', 9000],
      ['past', 'wmo_hh', 1, 'hh', 3500],
      ['past', 'jeugd_amb', 3, 'kompas', 8000],
      ['t1', 'ng_mw', 1, 'mw', 3000],
      ['t1', 'ng_vt', 0, 'vt', 3300],
      ['t1', 'ng_woon', 0, 'woon2', 1400],
      ['both', 'ng_budget', 0, 'budget', 1700],
      ['scale', 'ng_wijk', 0, 'wt2', 2000, { f: 1.0 }],
      ['both', 'uwv_reint', 2, 'uwv2', 7023],
      ['t1', 'ggz_bas', 1, 'ggz2', 2400],
      ['scale', 'ggz_sggz', 2, 'ggz1', 4200, { f: 0.6 }],
    ],
  },
  {
    id: 'BZHH06', family_name: 'El Amrani', address: 'Vlasakker 8', postcode: '6216 MC',
    neighbourhood: 'Malpertuis', director: 'm.bakker', switch: '2019-04-01',
    referral: { source: 'practice_nurse', date: '2018-06-05',
      reason: 'De praktijkondersteuner ziet dat moeder veel stress heeft. Er zijn zorgen over de kinderen en over geld.' },
    members: [
      ['Fatima', 'El Amrani', 'parent', 1983, 'given'],
      ['Youssef', 'El Amrani', 'parent', 1978, 'given'],
      ['Samira', 'El Amrani', 'child', 2004, 'pending'],
      ['Adam', 'El Amrani', 'child', 2007, 'given'],
      ['Ilyas', 'El Amrani', 'child', 2010, 'given'],
      ['Nora', 'El Amrani', 'child', 2015, 'given'],
    ],
    specs: [
      ['both', 'bijst', 2, 'gem_wi', 17000, { prof: null, goal: 'Het gezin heeft een vast inkomen uit de bijstand.' }],
      ['t1', 'jeugd_amb', 4, 'jz', 9500],
      ['t1', 'jeugd_amb', 5, 'jz', 9500],
      ['both', 'jeugd_dag', 6, 'dag', 12000],
      ['scale', 'wmo_bg', 1, 'brug', 8500, { f: 0.6 }],
      ['both', 'part_taal', 1, 'stap', 3500],
      ['t1', 'sch_traject', 2, 'gem_sch', 3300],
      ['t2', 'jeugd_gezin', 0, 'jz', 14000],
      ['both', 'uwv_reint', 2, 'uwv2', 7000],
      ['both', 'uwv_jobcoach', 1, 'uwv1', 5620],
      ['both', 'ggz_sggz', 2, 'ggz1', 3800],
      ['scale', 'ggz_bas', 1, 'ggz2', 1365, { f: 0.7 }],
    ],
  },
  {
    id: 'BZHH07', family_name: 'Janssen', address: 'Weverstraat 47', postcode: '6216 EN',
    neighbourhood: 'Malberg', director: 'r.dekker', switch: '2019-02-01',
    referral: { source: 'gp', date: '2018-09-03',
      reason: 'De huisarts ziet een gezin met veel problemen tegelijk: schulden, zorgen om de kinderen en psychische klachten. Er zijn meer dan vijftien hulpverleners betrokken.' },
    members: [
      ['Chantal', 'Janssen', 'parent', 1980, 'given'],
      ['Ricardo', 'Pinas', 'parent', 1976, 'given'],
      ['Dylan', 'Janssen', 'child', 1999, 'given'],
      ['Kimberley', 'Janssen', 'child', 2003, 'given'],
      ['Jason', 'Pinas', 'child', 2008, 'given'],
      ['Mila', 'Pinas', 'child', 2012, 'given'],
    ],
    specs: [
      ['both', 'bijst', 1, 'gem_wi', 15500],
      ['t1', 'jeugd_amb', 4, 'jz', 10500],
      ['t1', 'jeugd_ggz', 4, 'jggz', 13000],
      ['t1', 'jeugd_dag', 6, 'dag', 16500],
      ['t1', 'jeugd_ib', 5, 'ib', 7500],
      ['t1', 'jeugd_casusregie', 5, 'kompas', 7200],
      ['t1', 'wmo_bg', 1, 'brug', 9000],
      ['t1', 'wmo_bg', 2, 'ib', 8000],
      ['t1', 'part_coach', 2, 'stap', 4200],
      ['scale', 'sch_traject', 1, 'gem_sch', 3500, { f: 0.4 }],
      ['t2', 'jeugd_gezin', 0, 'kompas', 11000],
      ['past', 'jeugd_amb', 3, 'jz', 9000],
      ['past', 'wmo_hh', 1, 'hh', 4200],
      ['t1', 'ng_mw', 1, 'mw', 3200],
      ['t1', 'ng_mw', 2, 'mw', 3200],
      ['t1', 'ng_schoolmw', 4, 'mw', 1900],
      ['t1', 'ng_vt', 0, 'vt', 5200],
      ['scale', 'ng_woon', 0, 'woon1', 2600, { f: 0.6 }],
      ['t1', 'ng_buurt', 0, 'wt1', 1300],
      ['scale', 'ng_wijk', 0, 'wt1', 4200, { f: 0.7 }],
      ['both', 'ng_budget', 0, 'budget', 5700],
      ['both', 'uwv_reint', 2, 'uwv2', 9000],
      ['both', 'uwv_jobcoach', 3, 'uwv1', 7000],
      ['both', 'uwv_reint', 1, 'uwv2', 5279],
      ['t1', 'ggz_sggz', 1, 'ggz1', 3500],
      ['t1', 'ggz_bas', 1, 'ggz2', 1800],
      ['scale', 'ggz_verslaving', 2, 'ggz3', 3900, { f: 1.1 }],
    ],
  },
  {
    id: 'BZHH08', family_name: 'Lemmens', address: 'Zilverschoonstraat 5', postcode: '6216 GA',
    neighbourhood: 'Caberg', director: 'm.bakker', switch: '2019-03-01',
    referral: { source: 'wmo', date: '2018-10-02',
      reason: 'Vader vroeg bij het Wmo-loket om hulp. Door alle afspraken en hulpverleners ziet hij het overzicht niet meer.' },
    members: [
      ['Ingrid', 'Lemmens', 'parent', 1986, 'given'],
      ['Bart', 'Lemmens', 'parent', 1985, 'given'],
      ['Luuk', 'Lemmens', 'child', 2009, 'given'],
      ['Fenna', 'Lemmens', 'child', 2011, 'given'],
      ['Sven', 'Lemmens', 'child', 2014, 'given'],
    ],
    specs: [
      ['both', 'jeugd_dag', 3, 'dag', 17000],
      ['both', 'jeugd_ggz', 4, 'jggz', 13500],
      ['both', 'wmo_dag', 1, 'dagb', 9500],
      ['t1', 'jeugd_amb', 3, 'jz', 9000],
      ['scale', 'wmo_bg', 2, 'brug', 8800, { f: 0.8 }],
      ['t1', 'part_coach', 2, 'stap', 4500],
      ['both', 'bb_bewind', 1, 'bewind', 1800],
      ['t2', 'jeugd_logeer', 5, 'logeer', 5500],
      ['t2', 'wmo_hh', 1, 'hh', 4000],
      ['past', 'jeugd_ib', 3, 'ib', 6000],
      ['both', 'ng_mw', 1, 'mw', 3100],
      ['scale', 'ng_wijk', 0, 'wt1', 2800, { f: 0.7 }],
      ['t1', 'ng_schoolmw', 3, 'mw', 1800],
      ['t1', 'ng_woon', 0, 'woon2', 2600],
      ['t1', 'ng_buurt', 0, 'wt1', 1400],
      ['both', 'ggz_sggz', 2, 'ggz1', 3400],
      ['t1', 'ggz_bas', 2, 'ggz4', 2100],
      ['t1', 'ggz_bas', 1, 'ggz2', 2000],
      ['scale', 'ggz_sggz', 1, 'ggz1', 3900, { f: 0.5 }],
    ],
  },
  {
    id: 'BZHH09', family_name: 'Smeets', address: 'Ganzeweide 112', postcode: '6216 RP',
    neighbourhood: 'Pottenberg', director: 'r.dekker', switch: '2019-02-01',
    referral: { source: 'social_work', date: '2018-06-19',
      reason: 'Maatschappelijk werk ziet dat het gezin vastloopt. Er zijn schulden, er is overlast met de buren en de kinderen gaan vaak niet naar school.' },
    members: [
      ['Wendy', 'Smeets', 'parent', 1982, 'given'],
      ['John', 'Smeets', 'parent', 1979, 'given'],
      ['Bryan', 'Smeets', 'child', 2000, 'given'],
      ['Naomi', 'Smeets', 'child', 2004, 'given'],
      ['Jesse', 'Smeets', 'child', 2007, 'given'],
      ['Gerda', 'Smeets', 'other', 1953, 'refused'],
    ],
    specs: [
      ['both', 'bijst', 1, 'gem_wi', 18500],
      ['both', 'jeugd_ggz', 5, 'jggz', 14000],
      ['t1', 'jeugd_amb', 4, 'jz', 9800],
      ['t1', 'jeugd_ib', 4, 'ib', 6500],
      ['t1', 'jeugd_casusregie', 5, 'kompas', 7500],
      ['scale', 'wmo_bg', 1, 'brug', 9200, { f: 0.6 }],
      ['scale', 'wmo_bg', 2, 'brug', 9200, { f: 0.6 }],
      ['t1', 'part_coach', 3, 'stap', 4800],
      ['both', 'sch_traject', 2, 'gem_sch', 3600],
      ['both', 'bb_bewind', 2, 'bewind', 1800],
      ['t2', 'jeugd_gezin', 0, 'kompas', 12000],
      ['t2', 'part_werk', 3, 'stap', 5000],
      ['past', 'jeugd_amb', 3, 'jz', 8500],
      ['past', 'jeugd_dag', 5, 'dag', 14000],
      ['both', 'ng_woon', 0, 'woon1', 2600],
      ['both', 'ng_mw', 1, 'mw', 3400],
      ['t1', 'ng_mw', 2, 'mw', 3400],
      ['t1', 'ng_schoolmw', 4, 'mw', 2000],
      ['t1', 'ng_schoolmw', 5, 'mw', 2000],
      ['scale', 'ng_vt', 0, 'vt', 5500, { f: 0.5 }],
      ['t1', 'ng_buurt', 0, 'wt2', 1400],
      ['scale', 'ng_wijk', 0, 'wt2', 5000, { f: 0.8 }],
      ['both', 'uwv_reint', 2, 'uwv2', 9500],
      ['both', 'uwv_jobcoach', 3, 'uwv1', 6800],
      ['both', 'uwv_jobcoach', 1, 'uwv1', 4410],
      ['t1', 'ggz_sggz', 1, 'ggz1', 6000],
      ['t1', 'ggz_bas', 1, 'ggz2', 2500],
      ['scale', 'ggz_verslaving', 2, 'ggz3', 7000, { f: 0.8 }],
      ['t1', 'ggz_bas', 3, 'ggz4', 2200],
      ['both', 'ggz_psychiater', 2, 'ggz4', 3000],
    ],
  },
  {
    id: 'BZHH10', family_name: 'Peters', address: 'Berkenrode 9', postcode: '6216 HZ',
    neighbourhood: 'Malpertuis', director: 'm.bakker', switch: '2019-05-01',
    referral: { source: 'social_team', date: '2018-09-27',
      reason: 'Moeder krijgt hulp van veel kanten, maar voelt zich niet gehoord. Haar zoon Stijn zit thuis zonder werk.' },
    members: [
      ['Monique', 'Peters', 'parent', 1974, 'given'],
      ['Stijn', 'Peters', 'child', 1998, 'given'],
      ['Daan', 'Peters', 'child', 2004, 'given'],
    ],
    specs: [
      ['both', 'wmo_dag', 2, 'dagb', 11000],
      ['both', 'jeugd_ggz', 3, 'jggz', 14500],
      ['both', 'bijst', 1, 'gem_wi', 12500],
      ['scale', 'wmo_bg', 1, 'brug', 9500, { f: 0.7 }],
      ['t1', 'jeugd_amb', 3, 'jz', 7500],
      ['t1', 'part_coach', 1, 'stap', 3800],
      ['both', 'bb_bewind', 1, 'bewind', 1700],
      ['t2', 'jeugd_ib', 3, 'ib', 2500],
      ['past', 'jeugd_amb', 2, 'kompas', 7000],
      ['both', 'ng_mw', 1, 'mw', 3200],
      ['both', 'ng_woon', 0, 'woon2', 1900],
      ['t1', 'ng_wijk', 0, 'wt2', 2600],
      ['scale', 'ng_budget', 0, 'budget', 2400, { f: 0.9 }],
      ['both', 'uwv_jobcoach', 2, 'uwv1', 6507],
    ],
  },
  {
    id: 'BZHH11', family_name: 'Ramakers', address: 'Hazelaarpad 30', postcode: '6216 CW',
    neighbourhood: 'Caberg', director: 'r.dekker', switch: '2019-03-01',
    referral: { source: 'gp', date: '2018-08-08',
      reason: 'Moeder heeft last van angst en slaapt slecht. De huisarts ziet dat er veel hulp is, maar weinig samenhang.' },
    members: [
      ['Kelly', 'Ramakers', 'parent', 1990, 'given'],
      ['Mehmet', 'Yilmaz', 'parent', 1987, 'given'],
      ['Emir', 'Yilmaz', 'child', 2012, 'given'],
      ['Lina', 'Yilmaz', 'child', 2016, 'given'],
    ],
    specs: [
      ['both', 'bijst', 1, 'gem_wi', 9000, { goal: 'Aanvulling op het inkomen, zodat het gezin rond kan komen.' }],
      ['t1', 'jeugd_amb', 3, 'jz', 8800],
      ['t1', 'jeugd_dag', 4, 'dag', 9000],
      ['scale', 'wmo_bg', 1, 'ib', 8500, { f: 0.5 }],
      ['t1', 'part_taal', 2, 'stap', 3200],
      ['scale', 'sch_traject', 2, 'gem_sch', 3000, { f: 0.8 }],
      ['t1', 'ng_mw', 1, 'mw', 3000],
      ['both', 'ng_wijk', 0, 'wt1', 2400],
      ['t1', 'ng_vt', 0, 'vt', 2800],
      ['t1', 'ng_woon', 0, 'woon1', 1000],
      ['both', 'uwv_reint', 2, 'uwv2', 9342],
      ['t1', 'ggz_bas', 1, 'ggz2', 2600],
      ['scale', 'ggz_sggz', 1, 'ggz4', 2100, { f: 1.0 }],
    ],
  },
  {
    id: 'BZHH12', family_name: 'Wolfs', address: 'Meidoornhof 17', postcode: '6216 LS',
    neighbourhood: 'Malberg', director: 'm.bakker', switch: '2019-04-01',
    referral: { source: 'other', date: '2018-10-11',
      reason: 'De school van Rick meldt dat hij vaak boos is en weinig slaapt. Moeder heeft zelf ook begeleiding en vraagt om hulp.' },
    members: [
      ['Esther', 'Wolfs', 'parent', 1988, 'given'],
      ['Rick', 'Wolfs', 'child', 2010, 'given'],
      ['Julia', 'Wolfs', 'child', 2013, 'given'],
      ['Ton', 'Wolfs', 'other', 1958, 'pending'],
    ],
    specs: [
      ['both', 'bijst', 1, 'gem_wi', 12500],
      ['t1', 'jeugd_amb', 2, 'jz', 8000],
      ['scale', 'wmo_bg', 1, 'brug', 7500, { f: 0.6 }],
      ['t1', 'jeugd_ib', 2, 'ib', 5500],
      ['t2', 'jeugd_gezin', 0, 'jz', 7000],
      ['past', 'jeugd_dag', 3, 'dag', 12000],
    ],
  },
  {
    id: 'BZHH13', family_name: 'Claessens', address: 'Schuttersveld 64', postcode: '6216 PX',
    neighbourhood: 'Pottenberg', director: 'r.dekker', switch: '2019-03-01',
    referral: { source: 'social_team', date: '2018-07-24',
      reason: 'Het sociaal team meldt het gezin aan. Er is hulp voor bijna iedereen in huis, maar de problemen blijven.' },
    members: [
      ['Nicole', 'Claessens', 'parent', 1978, 'given'],
      ['Patrick', 'Claessens', 'parent', 1976, 'given'],
      ['Robin', 'Claessens', 'child', 2000, 'given'],
      ['Joey', 'Claessens', 'child', 2003, 'given'],
      ['Femke', 'Claessens', 'child', 2006, 'given'],
      ['Sophie', 'Claessens', 'child', 2009, 'given'],
    ],
    specs: [
      ['both', 'bijst', 2, 'gem_wi', 18800, { prof: null }],
      ['both', 'jeugd_ggz', 4, 'jggz', 15000],
      ['both', 'wmo_dag', 3, 'dagb', 11000],
      ['t1', 'jeugd_amb', 5, 'jz', 10000],
      ['t1', 'jeugd_amb', 6, 'jz', 10000],
      ['t1', 'jeugd_casusregie', 4, 'kompas', 7800],
      ['scale', 'wmo_bg', 1, 'brug', 9500, { f: 0.6 }],
      ['t1', 'wmo_bg', 2, 'ib', 8500],
      ['t1', 'part_coach', 2, 'stap', 4500],
      ['both', 'sch_traject', 1, 'gem_sch', 3600],
      ['both', 'bb_bewind', 1, 'bewind', 1900],
      ['t2', 'jeugd_gezin', 0, 'kompas', 14000],
      ['t2', 'jeugd_logeer', 6, 'logeer', 4500],
      ['past', 'jeugd_ib', 3, 'ib', 6500],
      ['past', 'wmo_hh', 1, 'hh', 3800],
      ['both', 'uwv_reint', 2, 'uwv2', 9800],
      ['both', 'uwv_jobcoach', 3, 'uwv1', 7887],
      ['t1', 'ggz_sggz', 1, 'ggz1', 6200],
      ['t1', 'ggz_bas', 1, 'ggz4', 2600],
      ['scale', 'ggz_fact', 2, 'ggz1', 5500, { f: 0.8 }],
      ['both', 'ggz_bas', 3, 'ggz2', 2100],
    ],
  },
  {
    id: 'BZHH16', family_name: 'Wijnen', address: 'Rozenbottel 2', postcode: '6216 SJ',
    neighbourhood: 'Malpertuis', director: 'm.bakker', switch: '2019-03-01',
    referral: { source: 'youth_doctor', date: '2018-09-20',
      reason: 'De jeugdarts ziet dat Milan veel thuis zit en niet naar school gaat. De ouders kunnen het niet meer aan.' },
    members: [
      ['Sabrina', 'Wijnen', 'parent', 1985, 'given'],
      ['Dennis', 'Frijns', 'parent', 1983, 'given'],
      ['Milan', 'Frijns', 'child', 2005, 'given'],
      ['Lieke', 'Frijns', 'child', 2008, 'given'],
      ['Bo', 'Frijns', 'child', 2017, 'given'],
    ],
    specs: [
      ['both', 'jeugd_amb', 4, 'jz', 8500],
      ['both', 'bijst', 1, 'gem_wi', 11500, { goal: 'Aanvulling op het inkomen, zodat het gezin rond kan komen.' }],
      ['t1', 'wmo_bg', 1, 'brug', 8000],
      ['t1', 'jeugd_ib', 3, 'ib', 7000],
      ['scale', 'part_coach', 2, 'stap', 4500, { f: 1.0 }],
      ['t1', 'sch_traject', 2, 'gem_sch', 1500],
      ['t2', 'jeugd_dag', 3, 'dag', 24000, { goal: 'Milan krijgt elke dag behandeling in een kleine groep. Zo kan hij thuis blijven wonen.' }],
      ['t2', 'jeugd_gezin', 0, 'kompas', 14000],
      ['t2', 'jeugd_ggz', 3, 'jggz', 10000],
      ['both', 'ng_mw', 1, 'mw', 3000],
      ['t1', 'ng_wijk', 0, 'wt2', 2600],
      ['t1', 'ng_buurt', 0, 'wt2', 1300],
      ['scale', 'ng_woon', 0, 'woon2', 1900, { f: 1.2 }],
      ['t2', 'ng_vt', 0, 'vt', 5500],
      ['t2', 'ng_schoolmw', 3, 'mw', 2000],
      ['both', 'uwv_reint', 2, 'uwv2', 7000],
      ['both', 'uwv_jobcoach', 1, 'uwv1', 4541],
      ['both', 'ggz_bas', 1, 'ggz2', 2500],
      ['t1', 'ggz_sggz', 2, 'ggz1', 5000],
      ['t2', 'ggz_sggz', 1, 'ggz4', 5500],
    ],
  },
];

// ---------------------------------------------------------------- people

const GIVEN = ['Sanne', 'Eva', 'Anouk', 'Maud', 'Iris', 'Femke', 'Marloes', 'Kim', 'Joyce', 'Ellen', 'Yvonne',
  'Miriam', 'Nathalie', 'Els', 'Hanneke', 'Loes', 'Noor', 'Fleur', 'Bianca', 'Karin', 'Samira', 'Aylin',
  'Jeroen', 'Tom', 'Bas', 'Roel', 'Maarten', 'Pieter', 'Luc', 'Guido', 'Frank', 'Stefan', 'Rob', 'Wim',
  'Thijs', 'Joep', 'Hamza', 'Erik', 'Koen', 'Ruud', 'Jelle', 'Sjef', 'Mustafa', 'Orlando', 'Priya', 'Dewi'];
const SURNAME = ['de Wit', 'Hendrikx', 'Schoonbrood', 'Pinckaers', 'Brouwers', 'Meijers', 'Dassen',
  'Bloemen', 'Vliegen', 'Notermans', 'Coenen', 'Willems', 'Kerckhoffs', 'Habets', 'Lenssen', 'Ubachs',
  'Geurts', 'Mertens', 'van Dijk', 'de Jong', 'Visser', 'Bos', 'Mulder', 'Kuijpers', 'Verhoeven', 'Hoekstra',
  'Bouali', 'Demir', 'Kaya', 'Sedney', 'Rozema', 'Wouters', 'Moonen', 'Engelen', 'Gorissen', 'Stassen',
  'Quaedvlieg', 'Jacobs', 'Keulers', 'Thewissen', 'Ortmans', 'Huijnen', 'Slangen', 'Crombach'];

// ---------------------------------------------------------------- build

function build(costs) {
  const rng = makeRng(seedOf('regie-demo-v1'));
  const orgId = new Map();
  const organisations = ORGS.map(([key, name, kind], i) => {
    const id = `ORG${String(i + 1).padStart(2, '0')}`;
    orgId.set(key, id);
    return { id, name, kind };
  });

  const professionals = [];
  const usedNames = new Set(HOUSEHOLDS.flatMap((h) => h.members.map((m) => `${m[0]} ${m[1]}`)));
  const usedPhones = new Set();
  const pools = new Map(); // `${org}|${role}` -> [professional]
  function newProfessional(orgKey, role) {
    let name;
    do { name = `${rng.pick(GIVEN)} ${rng.pick(SURNAME)}`; } while (usedNames.has(name));
    usedNames.add(name);
    let phone;
    do { phone = `06-1234${String(rng.int(0, 9999)).padStart(4, '0')}`; } while (usedPhones.has(phone));
    usedPhones.add(phone);
    const p = { id: `PRO${String(professionals.length + 1).padStart(3, '0')}`, name, organisation_id: orgId.get(orgKey), role, phone };
    professionals.push(p);
    const k = `${orgKey}|${role}`;
    if (!pools.has(k)) pools.set(k, []);
    pools.get(k).push(p);
    return p;
  }
  // Professionals serve several households: reuse one of the same organisation
  // and role with some probability, unless already used in this household
  // for another member (different professionals per member is the stacking
  // picture we want to show).
  function professionalFor(orgKey, role, usedHere) {
    const pool = (pools.get(`${orgKey}|${role}`) || []).filter((p) => !usedHere.has(p.id));
    if (pool.length && rng.chance(pool.length >= 2 ? 0.85 : 0.7)) return rng.pick(pool);
    return newProfessional(orgKey, role);
  }
  // contacts that do not deliver a provision themselves
  newProfessional('ins', 'zorgadviseur');
  newProfessional('gem_wi', 'consulent toegang');

  const csvIds = [...costs.keys()].sort();
  const defined = new Map(HOUSEHOLDS.map((h) => [h.id, h]));
  for (const id of csvIds) if (!defined.has(id)) fail(`household ${id} in the CSV has no demo definition`);
  for (const h of HOUSEHOLDS) if (!costs.has(h.id)) fail(`household ${h.id} is not in the CSV`);

  const households = csvIds.map((id) => buildHousehold(defined.get(id), costs.get(id)));
  // The twelve were guided and both moments were held on the report's dates;
  // then the families of the referral funnel that have no business case.
  for (const h of households) {
    h.status_history = guidedHistory(h, T1);
    h.moments = [{ moment: 'T1', date: T1, held: true }, { moment: 'T2', date: T2, held: true }];
  }
  const professionalOf = (org, role) => ((pools.get(`${org}|${role}`) || [])[0] || { id: null }).id;
  households.push(...extraHouseholds(orgId, professionalOf, T1));
  households.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    measurement_dates: { T1, T2 },
    directors: [
      { username: 'r.dekker', display_name: 'Ria Dekker', phone: '06-12340001', email: 'r.dekker@gezinsregie.example' },
      { username: 'm.bakker', display_name: 'Mohamed Bakker', phone: '06-12340002', email: 'm.bakker@gezinsregie.example' },
    ],
    organisations,
    professionals,
    households,
  };

  function buildHousehold(h, cost) {
    const hr = makeRng(seedOf(h.id));
    const members = h.members.map(([given_name, family_name, role, birth_year, consent_status], i) => ({
      id: `${h.id}-M${i + 1}`, given_name, family_name, role, birth_year, consent_status,
    }));
    const sw = monthIndex(h.switch);

    // 1. expand specs into pieces with a side (c = both moments, 1 = T1 only, 2 = T2 only, p = past)
    const pieces = [];
    h.specs.forEach(([kind, tpl, m, org, nominal, opts = {}], i) => {
      const t = T[tpl];
      if (!t) fail(`${h.id}: unknown template ${tpl}`);
      if (!orgId.has(org)) fail(`${h.id}: unknown organisation ${org}`);
      if (m > members.length) fail(`${h.id}: no member ${m}`);
      const base = { spec: i, kind, tpl, t, m, org, opts, cat: categoryOf(t.d) };
      if (kind === 'both') pieces.push({ ...base, side: 'c', w: nominal * 100 });
      else if (kind === 't1') pieces.push({ ...base, side: '1', w: nominal * 100 });
      else if (kind === 't2') pieces.push({ ...base, side: '2', w: nominal * 100 });
      else if (kind === 'past') pieces.push({ ...base, side: 'p', w: nominal * 100 });
      else if (kind === 'scale') {
        if (!(opts.f > 0)) fail(`${h.id}: scale spec ${i} needs f`);
        const old = { ...base, side: '1', w: nominal * 100, role: 'old' };
        const neu = { ...base, side: '2', w: Math.round(nominal * 100 * opts.f), role: 'new', pair: old };
        old.pair = neu;
        pieces.push(old, neu);
      } else fail(`${h.id}: unknown kind ${kind}`);
    });

    // 2. amounts per category
    for (const cat of CATEGORIES) {
      const A1 = cost.T1[cat] || 0, A2 = cost.T2[cat] || 0;
      const of = (side) => pieces.filter((p) => p.cat === cat && p.side === side);
      const pc = of('c'), p1 = of('1'), p2 = of('2');
      const sum = (ps) => ps.reduce((s, p) => s + p.w, 0);
      const where = `${h.id} ${cat}`;
      if (!A1 && !A2) {
        if (pc.length || p1.length || p2.length) fail(`${where}: provisions defined but no cost in the CSV`);
        continue;
      }
      let C;
      if (!pc.length) C = 0;
      else if (!p1.length && !p2.length) {
        if (A1 !== A2) fail(`${where}: only continuing provisions but T1 != T2`);
        C = A1;
      } else if (!p1.length) C = A1;
      else if (!p2.length) C = A2;
      else {
        const s1 = A1 / (sum(pc) + sum(p1)), s2 = A2 / (sum(pc) + sum(p2));
        C = Math.round((sum(pc) * Math.min(s1, s2)) / 100) * 100; // whole euros
      }
      const R1 = A1 - C, R2 = A2 - C;
      if ((R1 > 0) !== (p1.length > 0) || (R2 > 0) !== (p2.length > 0) || (C > 0) !== (pc.length > 0))
        fail(`${where}: provision plan does not fit the CSV (C=${C} R1=${R1} R2=${R2})`);
      const cents = cat === 'gemeente'; // declared costs carry cents; price lists and estimates are whole euros
      split(pc, C, cents, where);
      split(p1, R1, cents, where);
      split(p2, R2, cents, where);
    }
    for (const p of pieces.filter((x) => x.side === 'p')) p.amount = Math.round(p.w / 100) * 100 + (p.cat === 'gemeente' ? hr.int(0, 99) : 0);

    // 3. dates
    const [refY, refM] = parts(h.referral.date);
    const refIdx = refY * 12 + refM - 1;
    const earliest = (p) => {
      const by = p.m ? members[p.m - 1].birth_year : 0;
      return Math.max(2014 * 12, (by + p.t.age) * 12);
    };
    const T1idx = monthIndex(T1); // 2018-11
    const startBefore = (p, latestIdx) => {
      const lo = earliest(p);
      if (lo > latestIdx) fail(`${h.id}: ${p.tpl} for member ${p.m} cannot start before ${fromMonthIndex(latestIdx)}`);
      // non-indicated support and GGZ episodes tend to be more recent: take the later of two draws
      let idx = hr.int(lo, latestIdx);
      if (p.cat === 'niet_geindiceerd' || p.cat === 'zvw_ggz') idx = Math.max(idx, hr.int(lo, latestIdx));
      return fromMonthIndex(idx, hr.chance(0.2) ? 15 : 1);
    };
    for (const p of pieces) {
      if (p.side === 'p') {
        const lo = earliest(p);
        const hiEnd = 2018 * 12 + 5; // ends by June 2018
        const s = hr.int(lo, Math.min(2016 * 12 + 11, hiEnd - 12));
        const e = hr.int(s + 9, Math.min(s + 36, hiEnd));
        p.start = fromMonthIndex(s);
        p.end = lastOf(Math.floor(e / 12), (e % 12) + 1);
      } else if (p.side === 'c') {
        p.start = startBefore(p, T1idx - 2);
        p.end = (p.cat === 'uwv' && hr.chance(0.3)) ? '2020-12-31' : null;
      } else if (p.role === 'old') {
        p.start = startBefore(p, T1idx - 2);
        const switchIdx = sw + hr.int(0, 2);
        p.pair.start = fromMonthIndex(switchIdx);
        p.end = dayBefore(p.pair.start);
        p.pair.end = null;
      } else if (p.role === 'new') {
        // set with its pair
      } else if (p.side === '1') {
        p.start = startBefore(p, T1idx - 2);
        const e = Math.min(sw + hr.int(-1, 3), monthIndex('2019-09-01'));
        p.end = dayBefore(fromMonthIndex(e)); // last day before month e
        if (p.kind === 't1' && p.tpl !== 'sch_traject' && p.cat === 'gemeente' && hasSystemic(pieces, p)) {
          p.end = dayBefore(systemicStart(pieces, sw));
        }
      } else if (p.side === '2') {
        if (p.tpl === 'jeugd_gezin') p.start = systemicStart(pieces, sw);
        else p.start = fromMonthIndex(Math.min(sw + hr.int(0, 5), monthIndex('2019-09-01')));
        p.end = null;
      }
    }
    // referral must come before T1; sanity
    if (refIdx >= T1idx) fail(`${h.id}: referral date after T1`);

    // 4. professionals
    const usedHere = new Set();
    const profOf = new Map(); // `${org}|${role}|${m}` -> prof id within household
    for (const p of pieces) {
      if (p.role === 'new') continue;
      if ('prof' in p.opts && p.opts.prof === null) { p.prof = null; continue; }
      const key = `${p.org}|${p.t.role}|${p.m}`;
      if (profOf.has(key) && p.side !== 'p') { p.prof = profOf.get(key); continue; }
      const pr = professionalFor(p.org, p.t.role, usedHere);
      usedHere.add(pr.id);
      if (p.side !== 'p') profOf.set(key, pr.id);
      p.prof = pr.id;
    }
    for (const p of pieces.filter((x) => x.role === 'new')) {
      if (p.pair.prof === null || hr.chance(0.65)) p.prof = p.pair.prof; // same professional continues
      else { const pr = professionalFor(p.org, p.t.role, usedHere); usedHere.add(pr.id); p.prof = pr.id; } // turnover
    }

    // 5. emit, ordered by start date (stable)
    const order = pieces.map((p, i) => [p, i]).sort((a, b) => (a[0].start < b[0].start ? -1 : a[0].start > b[0].start ? 1 : a[1] - b[1]));
    const provisions = order.map(([p], n) => {
      const member = p.m ? members[p.m - 1] : null;
      const goal = (p.opts.goal || p.t.goal).replace('{n}', member ? member.given_name : 'het gezin');
      return {
        id: `${h.id}-P${String(n + 1).padStart(2, '0')}`,
        member_id: member ? member.id : null,
        domain: p.t.d,
        provider_id: orgId.get(p.org),
        professional_id: p.prof,
        goal,
        start_date: p.start,
        end_date: p.end,
        hours_per_week: hoursPerWeek(p),
        annual_cost_eur: fmtCents(p.amount),
        cost_basis: p.cat === 'gemeente' ? 'declared' : p.cat === 'zvw_ggz' ? 'estimate' : 'price_list',
        indicated: p.cat !== 'niet_geindiceerd',
      };
    });

    return {
      id: h.id,
      family_name: h.family_name,
      address: h.address,
      postcode: h.postcode,
      city: 'Maastricht',
      neighbourhood: h.neighbourhood,
      status: 'active',
      director: h.director,
      referral: { source: h.referral.source, reason: h.referral.reason, date: h.referral.date, ...SOURCE_OVERRIDES[h.id] },
      members,
      provisions,
    };
  }
}

function hasSystemic(pieces, p) {
  return pieces.some((x) => x.tpl === 'jeugd_gezin' && x.side === '2') && ['jeugd', 'wmo'].includes(p.t.d);
}
function systemicStart(pieces, sw) {
  return fromMonthIndex(sw); // the family arrangement starts on the household's switch date
}

// hours per week from the annual cost and the hourly rate, in tenths, rounded to half hours
function hoursPerWeek(p) {
  let tenths;
  if (p.t.rate === null) tenths = p.t.hours;
  else {
    const hours = p.amount / 100 / p.t.rate / 46; // 46 working weeks
    tenths = Math.max(5, Math.round(hours * 2) * 5);
  }
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

// split `total` cents over pieces proportionally to their weights; whole euros
// unless `cents`; the last piece takes the remainder so the sum is exact.
function split(ps, total, cents, where) {
  if (!ps.length) return;
  const W = ps.reduce((s, p) => s + p.w, 0);
  let left = total;
  ps.forEach((p, i) => {
    let a;
    if (i === ps.length - 1) a = left;
    else {
      a = Math.floor((total * p.w) / W);
      if (!cents) a = Math.round(a / 100) * 100;
      else a = Math.floor(a / 100) * 100 + (seedOf(`${where}${i}`) % 100); // declared amounts with cents
    }
    if (a < 10000) fail(`${where}: piece ${i} would be ${a} cents`);
    p.amount = a;
    left -= a;
  });
}

// ---------------------------------------------------------------- self-check

function activeOn(pv, d) { return pv.start_date <= d && (pv.end_date === null || pv.end_date >= d); }

function selfCheck(data, costs) {
  let bad = 0;
  for (const h of data.households.filter((x) => costs.has(x.id))) {
    for (const [mo, d] of [['T1', T1], ['T2', T2]]) {
      for (const cat of CATEGORIES) {
        const got = h.provisions.filter((p) => activeOn(p, d) && categoryOf(p.domain) === cat)
          .reduce((s, p) => s + parseCents(p.annual_cost_eur, p.id), 0);
        const want = costs.get(h.id)[mo][cat] || 0;
        if (got !== want) { console.error(`mismatch ${h.id} ${mo} ${cat}: ${got} != ${want}`); bad++; }
      }
    }
  }
  if (bad) fail(`${bad} mismatches`);
}

// ---------------------------------------------------------------- main

const costs = readCosts(CSV_PATH);
const data = build(costs);
selfCheck(data, costs);
mkdirSync(dirname(OUT_PATH), { recursive: true });
writeFileSync(OUT_PATH, JSON.stringify(data, null, 2) + '\n');
const nProv = data.households.reduce((s, h) => s + h.provisions.length, 0);
console.log(`wrote ${OUT_PATH}: ${data.households.length} households, ${data.organisations.length} organisations, ` +
  `${data.professionals.length} professionals, ${nProv} provisions`);
