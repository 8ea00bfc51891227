#!/usr/bin/env node
// Generates the demo measurements (data/demo/measurements.csv) from the pilot's
// questionnaire scores (shared/data/pilot/responses.csv), so that the outcome
// report over the demo database is the report's table 2.
//
//   node tools/demo/measurements.mjs [responses.csv] [households.json] [measurements.csv]
//
// The k-th person of a pilot household (by person id) becomes the k-th oldest
// member of the demo household. Positive Health scores per dimension become
// seven item answers whose mean is exactly that score. Deterministic output.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESPONSES = process.argv[2] ? resolve(process.argv[2]) : resolve(REPO, '..', 'shared', 'data', 'pilot', 'responses.csv');
const HOUSEHOLDS = process.argv[3] ? resolve(process.argv[3]) : resolve(REPO, 'data', 'demo', 'households.json');
const OUT = process.argv[4] ? resolve(process.argv[4]) : resolve(REPO, 'data', 'demo', 'measurements.csv');
const ITEMS_PER_DIMENSION = 7;

function fail(msg) {
  console.error(`measurements.mjs: ${msg}`);
  process.exit(1);
}

const demo = JSON.parse(readFileSync(HOUSEHOLDS, 'utf8'));
const dates = demo.measurement_dates;
const lines = readFileSync(RESPONSES, 'utf8').trim().split(/\r?\n/);
const header = lines.shift().split(',');
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) fail(`${RESPONSES}: no column ${name}`);
  return i;
};
const [cH, cP, cI, cItem, cM, cS] = ['household_id', 'person_id', 'instrument', 'item', 'moment', 'score'].map(col);
const rows = lines.map((l, n) => {
  const f = l.split(',');
  const score = Number(f[cS]);
  if (!Number.isInteger(score)) fail(`${RESPONSES}:${n + 2}: score ${f[cS]} is not a whole number`);
  return { household: f[cH], person: f[cP], instrument: f[cI], item: f[cItem], moment: f[cM], score };
});

// person -> member, per household
const memberOf = new Map();
for (const h of demo.households) {
  const persons = [...new Set(rows.filter((r) => r.household === h.id).map((r) => r.person))].sort();
  const members = [...h.members].sort((a, b) => a.birth_year - b.birth_year || a.id.localeCompare(b.id));
  if (persons.length > members.length) fail(`${h.id}: ${persons.length} persons but ${members.length} members`);
  persons.forEach((p, k) => memberOf.set(`${h.id}/${p}`, members[k].id));
}

const out = ['household_id,member_id,instrument,moment,measured_on,item,value'];
for (const r of rows) {
  const member = memberOf.get(`${r.household}/${r.person}`);
  if (!member) fail(`${r.household}: not a demo household`);
  const on = dates[r.moment];
  if (!on) fail(`moment ${r.moment} has no date`);
  if (r.instrument === 'positive_health') {
    // Seven answers around the score; their mean is the score itself.
    const answers = Array(ITEMS_PER_DIMENSION).fill(r.score);
    if (r.score >= 1 && r.score <= 9) {
      answers[0] = r.score - 1;
      answers[1] = r.score + 1;
    }
    answers.forEach((v, i) => out.push(`${r.household},${member},${r.instrument},${r.moment},${on},${r.item}_${i + 1},${v}`));
  } else {
    out.push(`${r.household},${member},${r.instrument},${r.moment},${on},${r.item},${r.score}`);
  }
}
writeFileSync(OUT, out.join('\n') + '\n');
console.log(`wrote ${out.length - 1} answers to ${OUT}`);
