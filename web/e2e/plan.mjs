// Browser steps for the household plan, mandate decisions, round tables,
// aftercare and caseload (issue 7). Called from run.mjs while the director is
// signed in; uses its step/assert/checkPage helpers.

const isoDay = (offset) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** Whole euros from "€ 12.345" (Dutch notation). */
const euros = (text) => Number(text.replace(/[^\d-]/g, ''));

export async function planSteps({ step, assert, page, baseUrl, householdId, checkPage, checkAtPhoneSize, expectHeading, api }) {
  const householdUrl = `${baseUrl}/huishoudens/${encodeURIComponent(householdId)}`;
  const effective = isoDay(30);
  let familyName = '';

  await step('the director opens the household plan from the household page', async () => {
    await page.goto(householdUrl);
    await page.getByRole('heading', { level: 2, name: 'Zorgkaart' }).waitFor();
    familyName = (await page.locator('main h1').innerText()).replace(/^Gezin\s+/, '').trim();
    await page.getByRole('link', { name: 'Gezinsplan, besluiten, ronde tafels en nazorg' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/plan'));
    await page.getByRole('heading', { level: 2, name: 'Eén gezinsplan' }).waitFor();
    await page.locator('[data-testid="plan-editor"]').waitFor();
    await checkPage(page, 'gezinsplan-leeg');
  });

  await step('the director makes a plan from the wish for change, in the household\'s own words', async () => {
    // The wish was recorded next to the member's spider web (measurements); here it becomes a goal.
    const household = (await api('GET', `/api/v1/households/${encodeURIComponent(householdId)}`)).body.household;
    const member = household.members[0];
    const wishText = 'We willen een huis waar we rust hebben';
    const made = await api('POST', `/api/v1/households/${encodeURIComponent(householdId)}/wishes`,
      { member_id: member.id, dimension: 'quality_of_life', text: wishText });
    assert(made.status === 201, `wish not recorded: ${made.status} ${JSON.stringify(made.body)}`);
    await page.reload();
    const editor = page.locator('[data-testid="plan-editor"]');
    await editor.getByRole('button', { name: /^Doel(en)? maken van de/ }).click();
    const goalSets = editor.locator('fieldset.regie-fieldset');
    let mine = null;
    for (let i = 0; i < (await goalSets.count()); i++) {
      const words = await goalSets.nth(i).getByLabel('In de woorden van het gezin').inputValue();
      if (words === wishText) mine = goalSets.nth(i);
    }
    assert(mine, 'no goal was made from the wish, in the household\'s words');
    assert((await mine.getByLabel('Veranderwens').inputValue()) === made.body.id, 'the goal does not refer to the wish');
    assert((await mine.getByLabel('Levensdomein').inputValue()) === 'quality_of_life', 'the goal is not in the wish\'s domain');
    await mine.getByLabel('Levensdomein').selectOption('housing');
    await mine.getByLabel('Professionele formulering').fill('Stabiele huisvesting en schuldenregeling');
    await mine.getByRole('button', { name: 'Actie toevoegen' }).click();
    await mine.getByLabel('Actie', { exact: true }).fill('Aanvraag urgentie bij de woningcorporatie');
    await mine.getByLabel('Uiterlijk').fill(isoDay(14));
    await editor.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText('Opgeslagen als versie 1.').waitFor();
    const goals = await page.locator('[data-testid="plan-goals-1"]').innerText();
    assert(/We willen een huis waar we rust hebben/.test(goals), `household words not shown: ${goals}`);
    assert(/Wonen/.test(goals) && /Aanvraag urgentie/.test(goals), `goal or action missing: ${goals}`);
    await checkPage(page, 'gezinsplan-versie-1');
    await checkAtPhoneSize(page, 'gezinsplan-versie-1');
  });

  await step('the household and a professional agree to the plan', async () => {
    const form = page.getByRole('form', { name: 'Akkoord vastleggen' });
    const boxes = form.locator('input[type="checkbox"]');
    await boxes.first().check();
    const count = await boxes.count();
    if (count > 2) await boxes.nth(count - 2).check();
    await form.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await page.locator('[data-testid="plan-agreement"]', { hasText: 'Akkoord op' }).waitFor();
  });

  let before = null;
  await step('the director records a decision that stops two provisions and starts one systemic one', async () => {
    before = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/households/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
      return (await res.json()).household;
    }, householdId);
    const form = page.locator('[data-testid="decision-form"]');
    await form.getByLabel('Soort besluit').selectOption('replace');
    await form.getByLabel('Ingangsdatum').fill(effective);
    await form.getByLabel('Reden').fill('Losse trajecten vervangen door één aanbieder voor het hele gezin');
    const stops = form.locator('[data-testid="decision-stop"] input[type="checkbox"]');
    await stops.first().waitFor();
    assert((await stops.count()) >= 2, 'fewer than two provisions run on the effective date');
    await stops.nth(0).check();
    await stops.nth(1).check();
    await form.getByLabel('Domein').selectOption('jeugd');
    const provider = form.getByLabel('Aanbieder');
    assert((await provider.inputValue()) === '', 'a provider is chosen before the director chose one');
    await provider.selectOption({ index: 1 });
    await form.getByLabel('Kosten per jaar (euro)').fill('18.000');
    await form.getByLabel('Doel').fill('Systeemtherapie voor het hele gezin');
    const preview = form.locator('[data-testid="decision-preview"]');
    const lines = await preview.locator('[data-testid="decision-preview-lines"]').innerText();
    assert((lines.match(/Stopt:/g) ?? []).length === 2 && /Nieuw:.*18\.000/.test(lines), `preview lines: ${lines}`);
    const runs = (p, d) => p.start_date <= d && (!p.end_date || d <= p.end_date);
    const without = before.provisions.filter((p) => runs(p, effective)).reduce((s, p) => s + p.annual_cost_cents, 0);
    const shownWithout = euros(await preview.locator('[data-testid="preview-before"]').innerText());
    assert(shownWithout === Math.round(without / 100), `preview without the decision ${shownWithout}, expected ${Math.round(without / 100)}`);
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd').waitFor();
    assert((await form.getByLabel('Aanbieder').inputValue()) === '', 'the form kept the provider after saving');
    const row = page.locator('[data-testid="decision-log"] tbody tr').first();
    await row.waitFor();
    const text = await row.innerText();
    assert(/Vervangen door systemische aanpak/.test(text) && /2 gestopt/.test(text) && /1 gestart/.test(text), `log row: ${text}`);
    assert(/besparing|extra/.test(text), `no cost effect in the log: ${text}`);
    await checkPage(page, 'gezinsplan-besluit');
    await checkAtPhoneSize(page, 'gezinsplan-besluit');
  });

  await step('the projection shows the care map and the cost change from the effective date; today nothing changed', async () => {
    const after = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/households/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
      return (await res.json()).household;
    }, householdId);
    assert(after.total_annual_cost_cents === before.total_annual_cost_cents,
      `today's cost changed: ${before.total_annual_cost_cents} → ${after.total_annual_cost_cents}`);
    const runs = (p, d) => p.start_date <= d && (!p.end_date || d <= p.end_date);
    const then = after.provisions.filter((p) => runs(p, effective)).reduce((s, p) => s + p.annual_cost_cents, 0);
    const now = after.provisions.filter((p) => runs(p, after.as_of)).reduce((s, p) => s + p.annual_cost_cents, 0);
    const projection = page.locator('[data-testid="projection"]');
    await projection.waitFor();
    const shownNow = euros(await projection.locator('[data-testid="projection-now"]').innerText());
    const shownThen = euros(await projection.locator('[data-testid="projection-then"]').innerText());
    assert(shownNow === Math.round(now / 100), `projection now ${shownNow}, expected ${Math.round(now / 100)}`);
    assert(shownThen === Math.round(then / 100), `projection then ${shownThen}, expected ${Math.round(then / 100)}`);
    assert(shownThen !== shownNow, 'the projected cost did not change');
    const careMap = await projection.locator('[data-testid="projection-care-map"]').innerText();
    assert(/Jeugd/.test(careMap) && /18\.000/.test(careMap), `the systemic provision is not on the projected care map: ${careMap}`);
  });

  await step('a round table finds the earliest common slot and is scheduled with invitations', async () => {
    const form = page.locator('[data-testid="round-table-form"]');
    await form.getByLabel('Onderwerp').fill('Eerste ronde tafel');
    const areas = form.locator('textarea[id$="-av"]');
    const n = await areas.count();
    for (let i = 0; i < n; i += 1) await areas.nth(i).fill(`${isoDay(7)} 09:00-12:00\n${isoDay(8)} 13:00-15:00`);
    // One participant only has the afternoon: the earliest common slot is then.
    await areas.nth(0).fill(`${isoDay(8)} 13:30-16:00`);
    await form.getByRole('button', { name: 'Overleg aanmaken' }).click();
    await page.getByText('Het overleg is aangemaakt.').waitFor();
    const card = page.locator('[data-testid="round-table"]').first();
    await card.getByRole('button', { name: 'Eerste gezamenlijke moment zoeken' }).click();
    const answer = card.locator('[data-testid="slot-answer"]');
    await answer.waitFor();
    const text = await answer.innerText();
    assert(/13:30/.test(text), `unexpected slot: ${text}`);
    await card.getByRole('button', { name: 'Dit moment vastleggen' }).click();
    const scheduled = page.locator('[data-testid="round-table"]', { hasText: 'Gepland' }).first();
    await scheduled.waitFor();
    const href = await scheduled.locator('a[href$="invitation.ics"]').first().getAttribute('href');
    const ics = await page.request.get(`${baseUrl}${href}`);
    assert(ics.status() === 200, `invitation answered ${ics.status()}`);
    const body = await ics.text();
    assert(/BEGIN:VCALENDAR/.test(body) && /METHOD:REQUEST/.test(body) && /DTSTART:\d{8}T\d{6}Z/.test(body), 'not an iCalendar invitation');
    await checkPage(page, 'gezinsplan-ronde-tafel');
    await checkAtPhoneSize(page, 'gezinsplan-ronde-tafel');
  });

  await step('after the round table the director records attendance and minutes', async () => {
    const card = page.locator('[data-testid="round-table"]', { hasText: 'Gepland' }).first();
    const form = card.getByRole('form', { name: 'Verslag: Eerste ronde tafel' });
    await form.locator('select').first().selectOption('present');
    await form.getByLabel('Verslag', { exact: true }).fill('Afgesproken: één aanbieder voor het hele gezin.');
    await form.getByLabel('Overleg is gehouden').check();
    await form.getByRole('button', { name: 'Verslag en aanwezigheid opslaan' }).click();
    await page.locator('[data-testid="round-table"]', { hasText: 'Gehouden' }).first().waitFor();
  });

  await step('every step is in the household timeline', async () => {
    await page.goto(householdUrl);
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline.waitFor();
    const more = timeline.getByRole('button', { name: /Toon alle/ });
    if (await more.count()) await more.click();
    const text = await timeline.innerText();
    for (const label of ['Gezinsplan opgesteld', 'Gezinsplan akkoord', 'Besluit (mandaat)', 'Beëindigd op de zorgkaart', 'Toegevoegd aan de zorgkaart', 'Rondetafeloverleg']) {
      assert(text.includes(label), `"${label}" is not in the timeline`);
    }
  });

  await step('aftercare: monthly contacts, a contact recorded, and back to active', async () => {
    await page.goto(`${householdUrl}/plan`);
    const section = page.locator('[data-testid="aftercare"]');
    await section.getByRole('button', { name: 'Nazorg starten' }).click();
    await section.getByText('De nazorg is gestart.').waitFor();
    await section.locator('[data-testid="aftercare-status"]').waitFor();
    await section.getByLabel('Notitie').fill('Telefonisch contact, het gaat goed');
    await section.getByRole('button', { name: 'Contact vastleggen' }).click();
    await section.locator('[data-testid="aftercare-contacts"]', { hasText: 'het gaat goed' }).waitFor();
    await checkPage(page, 'gezinsplan-nazorg');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Caseload', exact: true }).click();
    await expectHeading(page, 'Caseload');
    const due = await page.locator('[data-testid="caseload-aftercare"]').innerText();
    assert(due.includes(familyName), `the household in aftercare is not on the due list: ${due}`);
    const decisions = await page.locator('[data-testid="caseload-decisions"]').innerText();
    assert(decisions.includes(familyName) && /besparing|extra/.test(decisions), `no saving per decision: ${decisions}`);
    await checkPage(page, 'caseload');
    await checkAtPhoneSize(page, 'caseload');
    await page.goto(`${householdUrl}/plan`);
    await page.locator('[data-testid="aftercare"]').getByRole('button', { name: 'Terug naar actief' }).click();
    await page.getByText('Het huishouden is weer actief.').waitFor();
  });
}
