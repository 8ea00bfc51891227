// The ten steps of the way of working (report appendix 2, issue 19) for a
// family that did not exist when the server started: a server on an empty
// store with one director account made by `regie account create`, then, all
// in the browser: the referral, members with their BSN, consent, the contact
// log, T1 measurements for two members, provisions, a round table, a mandate
// decision with its cost effect, T2 measurements, and the family's business
// case on its own dates. axe-core and the text scanner run on every page.
// Called from run.mjs with its helpers.

import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { secretOfUri } from './totp.mjs';

const DIRECTOR = { username: 'r.nieuw', name: 'Renate Nieuw', password: 'een-lang-wachtwoord-voor-de-test' };

const isoDay = (offset) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** `regie serve` on a new database holding nothing but one director's account. */
async function startEmptyServer({ regieBin, webRoot, dir, assert }) {
  const db = path.join(dir, 'leeg.db');
  const key = path.join(dir, 'leeg.key');
  const pw = path.join(dir, 'director.pw');
  fs.writeFileSync(pw, `${DIRECTOR.password}\n`, { mode: 0o600 });
  // The key that seals BSNs and second-factor secrets, as an operator makes it (docs/operations.md).
  fs.writeFileSync(key, crypto.randomBytes(32), { mode: 0o600 });
  execFileSync(regieBin, ['db', 'migrate', '--db', db], { stdio: 'pipe' });
  const uri = execFileSync(
    regieBin,
    ['account', 'create', '--db', db, '--secret-key-file', key, '--username', DIRECTOR.username,
      '--display-name', DIRECTOR.name, '--role', 'director', '--password-file', pw],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
  assert(uri.startsWith('otpauth://'), `account create printed no otpauth URI: ${uri}`);
  const child = spawn(regieBin, ['serve', '--db', db, '--port', '0', '--web-root', webRoot, '--secret-key-file', key], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  readline.createInterface({ input: child.stderr }).on('line', (l) => output.push(l));
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address from regie serve:\n${output.join('\n')}`)), 30_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m && m[1] !== '0') {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`regie serve exited (${code}):\n${output.join('\n')}`)));
  });
  return { child, baseUrl, totp: secretOfUri(uri) };
}

export async function flowSteps({
  step, assert, regieBin, webRoot, tempDir, newContext, checkPage, expectHeading, signInForm, knownLogins, stopServer,
}) {
  const dir = fs.mkdtempSync(path.join(tempDir, 'leeg-'));
  let server = null;
  let context = null;
  let page = null;
  let baseUrl = '';
  let householdId = '';
  let file = '';
  const T1 = isoDay(-365);
  const START = isoDay(-420);
  const DECIDED = isoDay(-60);
  const api = (method, p) =>
    page.evaluate(async ([m, u]) => {
      const res = await fetch(u, { method: m, headers: { Accept: 'application/json' } });
      return { status: res.status, body: await res.json().catch(() => null) };
    }, [method, p]);

  try {
    await step('flow: a server starts on an empty store with one director account', async () => {
      server = await startEmptyServer({ regieBin, webRoot, dir, assert });
      baseUrl = server.baseUrl;
      knownLogins.set(DIRECTOR.username, { password: DIRECTOR.password, totp: server.totp });
      context = await newContext('nieuw gezin', { locale: 'nl-NL', viewport: { width: 1366, height: 900 } });
      page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await expectHeading(page, 'Inloggen');
      await signInForm(page, DIRECTOR.username, DIRECTOR.password);
      await expectHeading(page, 'Mijn werk');
      const list = await api('GET', '/api/v1/households');
      assert(list.status === 200 && list.body.households.length === 0, `the store is not empty: ${JSON.stringify(list.body)}`);
      await checkPage(page, 'leeg-mijn-werk');
    });

    await step('flow 1: the referral arrives and the family is registered with two members and their BSN', async () => {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe aanmelding' }).click();
      await expectHeading(page, 'Nieuwe aanmelding');
      const form = page.getByTestId('referral-form');
      await form.getByLabel('Achternaam van het gezin').fill('Hoogveld');
      await form.getByLabel('Aangemeld via').selectOption({ label: 'Huisarts samen met POH' });
      await form.getByLabel('Reden van aanmelding').fill('Veel hulpverleners, niemand heeft het overzicht');
      await form.getByLabel('Datum van aanmelding').fill(isoDay(-400));
      await form.getByLabel('Straat en huisnummer').fill('Akerweg 3');
      await form.getByLabel('Postcode').fill('6221 AB');
      await form.getByLabel('Plaats').fill('Maastricht');
      await form.getByLabel('Wijk').fill('Wyckerpoort');
      await form.getByRole('button', { name: 'Gezin aanmelden' }).click();
      await page.getByTestId('registered').waitFor();
      const members = page.getByTestId('member-form');
      for (const [given, born, role, bsn] of [['Petra', '1984-03-12', 'parent', '123456782'], ['Daan', `${new Date().getFullYear() - 9}-06-01`, 'child', '999999990']]) {
        await members.getByLabel('Voornaam').fill(given);
        await members.getByLabel('Geboortedatum').fill(born);
        await members.getByLabel('Rol in het gezin').selectOption(role);
        await members.getByLabel('BSN').fill(bsn);
        await members.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
        await page.getByText(`${given} Hoogveld is toegevoegd.`).waitFor();
      }
      const html = await page.content();
      assert(!html.includes('123456782') && !html.includes('999999990'), 'a full BSN is in the page');
      await checkPage(page, 'nieuw-gezin-aanmelding');
      await page.getByRole('link', { name: 'Naar het dossier van het gezin' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/huishoudens/'));
      householdId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
      file = `${baseUrl}/huishoudens/${encodeURIComponent(householdId)}`;
      await expectHeading(page, 'Gezin Hoogveld');
      await checkPage(page, 'nieuw-gezin-dossier');
    });

    await step('flow 2: after the first phone call the file moves to intake; the history names who and when', async () => {
      await page.getByTestId('status-panel').getByRole('button', { name: 'Zet op Intake' }).click();
      await page.getByTestId('status-panel').getByText('Intake', { exact: false }).first().waitFor();
      const history = page.getByTestId('status-history');
      await history.getByTestId('status-row').nth(1).waitFor();
      const text = await history.innerText();
      assert(/Aangemeld/.test(text) && /Intake/.test(text) && text.includes(DIRECTOR.name), `status history: ${text}`);
      assert(!text.includes(DIRECTOR.username), 'the history shows a user name');
      await checkPage(page, 'nieuw-gezin-intake');
    });

    await step('flow 3: the organisations the family names are added, and both members give consent', async () => {
      const care = page.getByTestId('care-map-section');
      for (const [name, kind] of [['Jeugdhulp De Schakel', 'Zorgaanbieder'], ['Thuisbegeleiding Maasoever', 'Zorgaanbieder']]) {
        await care.getByRole('button', { name: 'Organisatie toevoegen' }).click();
        const form = page.getByTestId('organisation-form');
        await form.getByLabel('Naam van de organisatie').fill(name);
        await form.getByLabel('Soort organisatie').selectOption({ label: kind });
        await checkPage(page, 'nieuw-gezin-organisatie');
        await form.getByRole('button', { name: 'Organisatie opslaan' }).click();
        await page.getByText(`${name} is toegevoegd.`).waitFor();
      }
      await care.getByRole('button', { name: 'Hulpverlener toevoegen' }).click();
      const pro = page.getByTestId('professional-form');
      await pro.getByLabel('Naam').fill('Sven Coumans');
      await pro.getByLabel('Organisatie').selectOption({ label: 'Jeugdhulp De Schakel' });
      await pro.getByLabel('Functie').fill('jeugdhulpverlener');
      await pro.getByRole('button', { name: 'Hulpverlener opslaan' }).click();
      await page.getByText('Sven Coumans is toegevoegd en staat nu in de lijst.').waitFor();
      for (const [member, purpose, guardian] of [
        ['Petra Hoogveld', 'Regie: de hulp samen afstemmen', null],
        ['Daan Hoogveld', 'Kosten opvragen bij gemeente en zorgverzekeraar', 'Petra Hoogveld'],
      ]) {
        await page.getByTestId('consents').getByRole('button', { name: 'Toestemming vastleggen' }).click();
        const form = page.getByTestId('consent-form');
        await form.getByLabel('Gezinslid').selectOption({ label: member });
        if (guardian) await form.getByLabel('Gegeven door (ouder)').selectOption({ label: guardian });
        await form.getByLabel('Doel').selectOption({ label: purpose });
        await form.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Jeugdhulp De Schakel' });
        await form.getByRole('button', { name: 'Tekst tonen' }).click();
        await form.getByTestId('consent-text').waitFor();
        await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
        await page.getByText('De toestemming is vastgelegd.').waitFor();
      }
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="consent-row"]').length === 2);
      await checkPage(page, 'nieuw-gezin-toestemming');
    });

    await step('flow 4: the phone call, the home visit and a talk with a professional go into the contact log and the time registration', async () => {
      const log = page.getByTestId('contacts');
      const form = log.getByTestId('contact-form');
      const add = async (kind, date, minutes, extra = async () => {}) => {
        await form.getByLabel('Soort contact').selectOption({ label: kind });
        await form.getByLabel('Datum', { exact: true }).fill(date);
        await form.getByLabel('Duur in minuten').fill(String(minutes));
        await extra();
        await form.getByRole('button', { name: 'Contact opslaan' }).click();
        await form.getByText('Het contact is vastgelegd.', { exact: false }).waitFor();
      };
      await add('Telefoongesprek', isoDay(-395), 20, () => form.getByLabel('Korte notitie').fill('Kennismaking, huisbezoek afgesproken'));
      await add('Huisbezoek', T1, 90, async () => {
        await form.getByLabel('Reistijd in minuten').fill('25');
        await form.getByLabel('Korte notitie').fill('Spinnenweb ingevuld met Petra en Daan');
      });
      await add('Gesprek met hulpverlener', isoDay(-200), 30, () => form.getByLabel('Hulpverlener').selectOption({ label: 'Sven Coumans' }));
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"]').length === 3);
      const rows = await log.getByTestId('contact-table').innerText();
      assert(/Huisbezoek/.test(rows) && /1 uur 30 min/.test(rows) && /25 min reistijd/.test(rows), `contact log: ${rows}`);
      assert(/met Sven Coumans/.test(rows), `the professional is not named: ${rows}`);
      const time = (await api('GET', `/api/v1/households/${encodeURIComponent(householdId)}/time-entries`)).body.time_entries;
      const sum = (kind) => time.filter((x) => x.kind === kind).reduce((s, x) => s + x.minutes, 0);
      assert(sum('direct') === 110 && sum('travel') === 25 && sum('indirect') === 30, `time entries: ${JSON.stringify(time)}`);
      await page.getByTestId('household-work').getByText('1 uur 30 min').first().waitFor();
      const timeline = await page.getByTestId('timeline').innerText();
      assert(/Contact: Huisbezoek, 1 uur 30 min: Spinnenweb/.test(timeline), `the home visit is not on the timeline: ${timeline}`);
      await checkPage(page, 'nieuw-gezin-contacten');
    });

    const measure = async (given, moment, date) => {
      await page.goto(file);
      const block = page.locator('[data-testid="member-measurements"]', { hasText: `${given} Hoogveld` });
      await block.getByRole('button', { name: /^Nieuwe meting/ }).click();
      const form = block.getByRole('form', { name: /^Nieuwe meting voor/ });
      await form.getByLabel('Vragenlijst').selectOption('general');
      await form.getByLabel('Moment').selectOption(moment);
      await form.getByLabel('Datum van de meting').fill(date);
      await form.getByRole('button', { name: 'Meting starten' }).click();
      await page.waitForURL((url) => /\/metingen\/[^/]+$/.test(url.pathname));
      const q = page.locator('[data-testid="question"]').first();
      await q.locator('label.regie-choice__label').nth(moment === 'T1' ? 1 : 3).click();
      await q.getByText('Opgeslagen.').waitFor();
      await page.getByRole('button', { name: 'Afronden', exact: true }).click();
      await page.locator('[data-testid="finished"]').waitFor();
    };

    await step('flow 5: T1 for two members at the home visit; the family becomes active and T1 is its own start', async () => {
      await measure('Petra', 'T1', T1);
      await checkPage(page, 'nieuw-gezin-meting-t1');
      await measure('Daan', 'T1', T1);
      await page.goto(file);
      await page.getByTestId('status-panel').getByRole('button', { name: 'Zet op Actief' }).click();
      await page.getByTestId('status-history').getByTestId('status-row').nth(2).waitFor();
      const moments = await page.getByTestId('moment-dates').innerText();
      const t1Text = await page.evaluate((d) => new Date(`${d}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }), T1);
      assert(moments.includes(t1Text), `T1 is not the day of the first measurement (${t1Text}): ${moments}`);
      assert(/T2[\s\S]*gepland/.test(moments), `T2 is not planned: ${moments}`);
      await checkPage(page, 'nieuw-gezin-meetmomenten');
    });

    await step('flow 6: the provisions of both members go on the care map, from before T1', async () => {
      const care = page.getByTestId('care-map-section');
      for (const [member, domain, org, cost, goal] of [
        ['Daan Hoogveld', 'jeugd', 'Jeugdhulp De Schakel', '15.000', 'Daan gaat weer elke dag naar school'],
        ['Petra Hoogveld', 'wmo', 'Thuisbegeleiding Maasoever', '9.000', 'Petra krijgt hulp bij post en geld'],
      ]) {
        await care.getByRole('button', { name: 'Voorziening toevoegen' }).click();
        const form = page.getByTestId('provision-editor');
        await form.getByLabel('Voor wie').selectOption({ label: member });
        await form.getByLabel('Domein').selectOption(domain);
        await form.getByLabel('Aanbieder').selectOption({ label: org });
        await form.getByLabel('Doel').fill(goal);
        await form.getByLabel('Startdatum').fill(START);
        await form.getByLabel('Kosten per jaar (euro)').fill(cost);
        await form.getByRole('button', { name: 'Opslaan' }).click();
        await page.getByText('De voorziening is opgeslagen.').waitFor();
      }
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="care-map"] tbody tr').length >= 2);
      await checkPage(page, 'nieuw-gezin-zorgkaart');
    });

    await step('flow 7: a round table with the professionals finds a common time and is scheduled', async () => {
      await page.getByRole('link', { name: 'Gezinsplan, besluiten, ronde tafels en nazorg' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/plan'));
      const form = page.locator('[data-testid="round-table-form"]');
      await form.getByLabel('Onderwerp').fill('Ronde tafel gezin Hoogveld');
      const areas = form.locator('textarea[id$="-av"]');
      for (let i = 0; i < (await areas.count()); i += 1) await areas.nth(i).fill(`${isoDay(7)} 09:00-12:00`);
      await form.getByRole('button', { name: 'Overleg aanmaken' }).click();
      await page.getByText('Het overleg is aangemaakt.').waitFor();
      const card = page.locator('[data-testid="round-table"]').first();
      await card.getByRole('button', { name: 'Eerste gezamenlijke moment zoeken' }).click();
      await card.locator('[data-testid="slot-answer"]').waitFor();
      await card.getByRole('button', { name: 'Dit moment vastleggen' }).click();
      await page.locator('[data-testid="round-table"]', { hasText: 'Gepland' }).first().waitFor();
      await checkPage(page, 'nieuw-gezin-ronde-tafel');
    });

    await step('flow 8: under mandate two provisions are replaced by one for the whole family, with the cost effect', async () => {
      const form = page.locator('[data-testid="decision-form"]');
      await form.getByLabel('Soort besluit').selectOption('replace');
      await form.getByLabel('Ingangsdatum').fill(DECIDED);
      await form.getByLabel('Reden').fill('Eén aanbieder voor het hele gezin in plaats van twee losse trajecten');
      const stops = form.locator('[data-testid="decision-stop"] input[type="checkbox"]');
      await stops.nth(1).waitFor();
      await stops.nth(0).check();
      await stops.nth(1).check();
      await form.getByLabel('Domein').selectOption('jeugd');
      await form.getByLabel('Aanbieder').selectOption({ label: 'Jeugdhulp De Schakel' });
      await form.getByLabel('Kosten per jaar (euro)').fill('12.000');
      await form.getByLabel('Doel').fill('Gezinsbegeleiding voor Petra en Daan samen');
      await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await page.getByText('Het besluit is vastgelegd').waitFor();
      const row = await page.locator('[data-testid="decision-log"] tbody tr').first().innerText();
      assert(/2 gestopt/.test(row) && /1 gestart/.test(row) && /besparing/.test(row) && /12\.000/.test(row), `decision log: ${row}`);
      await checkPage(page, 'nieuw-gezin-besluit');
    });

    await step('flow 9: T2 is due on the start page, and is measured for both members', async () => {
      await page.goto(`${baseUrl}/mijn-werk`);
      await expectHeading(page, 'Mijn werk');
      const due = page.getByTestId('due-t2_measurement');
      await due.waitFor();
      assert(/Hoogveld/.test(await due.innerText()) && /Tweede meting \(T2\)/.test(await due.innerText()), `due: ${await due.innerText()}`);
      await checkPage(page, 'nieuw-gezin-t2-herinnering');
      await measure('Petra', 'T2', isoDay(0));
      await measure('Daan', 'T2', isoDay(0));
      await page.goto(file);
      const bc = page.getByTestId('moments-business-case');
      await bc.waitFor();
      assert(/telt mee in de businesscase/.test(await bc.innerText()) && !/nog niet/.test(await bc.innerText()), `moments: ${await bc.innerText()}`);
      await page.goto(`${baseUrl}/mijn-werk`);
      await page.getByTestId('start-due').waitFor();
      assert((await page.getByTestId('due-t2_measurement').count()) === 0, 'T2 is still due after it was measured');
    });

    await step("flow 10: the family's business case uses its own T1 and T2 and shows the decision's saving", async () => {
      await page.goto(file);
      await page.getByRole('link', { name: 'Businesscase van dit huishouden' }).click();
      await expectHeading(page, 'Maatschappelijke businesscase');
      await page.locator('[data-testid="table-3"]').waitFor();
      const q = new URL(page.url()).searchParams;
      assert(q.get('dates') === 'own' && q.get('household') === householdId, `not on own dates: ${page.url()}`);
      const json = await page.evaluate(async () => (await fetch(`/api/v1/businesscase${window.location.search}`)).json());
      assert(json.household_count === 1, `households counted: ${json.household_count}`);
      const dates = json.family_dates[householdId];
      assert(dates && dates.t1 === T1 && dates.t2 === isoDay(0), `own dates: ${JSON.stringify(dates)}`);
      assert(json.total.t1_cents === 2_400_000 && json.total.t2_cents === 1_200_000, `T1/T2: ${JSON.stringify(json.total)}`);
      const row = await page.locator('[data-testid="table-3"] tbody tr').first().innerText();
      assert(/Hoogveld/.test(row) && /12\.000/.test(row), `table 3: ${row}`);
      const summary = await page.getByTestId('businesscase-summary').innerText();
      assert(/eigen meetmomenten/.test(summary), `summary: ${summary}`);
      await checkPage(page, 'nieuw-gezin-businesscase');
    });
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) await stopServer(server.child).catch(() => {});
  }
}
