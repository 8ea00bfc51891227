// Browser steps for the mandate as granted, other organisations' plans and
// withdrawing a decision (issue 19). Called from run.mjs after the plan steps,
// while the director is signed in and the household has a recorded decision.

const isoDay = (offset) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

export async function mandateSteps({ step, assert, page, baseUrl, householdId, checkPage, api }) {
  const householdUrl = `${baseUrl}/huishoudens/${encodeURIComponent(householdId)}`;
  const hh = `/api/v1/households/${encodeURIComponent(householdId)}`;

  await step('another organisation\'s plan is recorded and the household shows "more than one plan"', async () => {
    await page.goto(`${householdUrl}/plan`);
    const section = page.locator('[data-testid="external-plans"]');
    await section.waitFor();
    await section.getByLabel('Organisatie', { exact: true }).fill('Jeugdbescherming Limburg');
    await section.getByLabel('Naam van het plan', { exact: true }).fill('Plan van aanpak ondertoezichtstelling');
    await section.getByLabel('Regiehouder bij die organisatie', { exact: true }).fill('J. Smits');
    await section.getByLabel('Loopt vanaf', { exact: true }).fill(isoDay(-60));
    await section.getByRole('button', { name: 'Plan vastleggen' }).click();
    await section.getByText('Het plan is vastgelegd.').waitFor();
    const list = await section.locator('[data-testid="external-plan-list"]').innerText();
    assert(/Jeugdbescherming Limburg/.test(list) && /Loopt/.test(list), `the plan is not listed as running: ${list}`);
    await checkPage(page, 'gezinsplan-andere-plannen');
    const household = (await api('GET', hh)).body.household;
    const codes = (household.signals ?? []).map((s) => s.code);
    assert(codes.includes('several_plans'), `no several_plans signal: ${JSON.stringify(codes)}`);
    await page.goto(householdUrl);
    await page.getByText('Meer dan één gezinsplan').first().waitFor();
  });

  await step('the mandate is recorded; a decision outside it is refused in plain words', async () => {
    await page.goto(`${householdUrl}/plan`);
    const section = page.locator('[data-testid="mandate"]');
    await section.locator('[data-testid="mandate-none"]').waitFor();
    await section.getByLabel('Verleend door', { exact: true }).fill('M. de Vries, teamleider Sociaal Domein');
    await section.getByLabel('Verleend op', { exact: true }).fill(isoDay(-1));
    await section.getByLabel('Geldig vanaf', { exact: true }).fill(isoDay(-1));
    for (const kind of ['Starten', 'Opschalen', 'Vervangen door systemische aanpak']) {
      const box = section.getByLabel(kind, { exact: true });
      if (await box.count()) await box.uncheck();
    }
    await section.getByLabel('Reikwijdte en voorwaarden', { exact: true }).fill('Jeugd en Wmo, tot 20.000 euro per jaar');
    await section.getByRole('button', { name: 'Mandaat vastleggen' }).click();
    await section.getByText('Het mandaat is vastgelegd.').waitFor();
    const facts = await section.locator('[data-testid="mandate-grant"]').first().innerText();
    assert(/M\. de Vries/.test(facts) && /Stoppen/i.test(facts) && !/Vervangen/.test(facts), `grant shown as: ${facts}`);
    const grant = (await api('GET', `${hh}/mandate`)).body.in_force;
    assert(grant && !grant.kinds.includes('replace'), `grant stored as ${JSON.stringify(grant)}`);
    const refused = await api('POST', `${hh}/decisions`, {
      kind: 'start', reason: 'extra hulp', effective_date: isoDay(40),
      start: [{ domain: 'mantelzorg', provider_id: (await api('GET', hh)).body.household.provisions[0].provider?.id ?? 'O1', annual_cost_cents: 100000 }],
    });
    assert(refused.status === 400 && /mandate granted by/.test(refused.body?.error?.message ?? ''), `a start outside the mandate was not refused: ${refused.status}`);
    await checkPage(page, 'gezinsplan-mandaat');
  });

  await step('a decision recorded by mistake is withdrawn: it stays in the log and the care map goes back', async () => {
    const decisions = (await api('GET', `${hh}/decisions`)).body.decisions;
    const target = decisions.find((d) => d.withdrawable);
    assert(target, 'no decision that can be withdrawn');
    const before = (await api('GET', hh)).body.household.provisions.length;
    const log = page.locator('[data-testid="decision-log"]');
    await log.getByRole('button', { name: /intrekken$/ }).first().click();
    await log.getByLabel('Waarom trekt u dit besluit in?', { exact: true }).fill('Vastgelegd bij het verkeerde gezin');
    await log.getByRole('button', { name: 'Besluit intrekken' }).click();
    await log.getByText(/Ingetrokken door/).first().waitFor();
    const after = (await api('GET', `${hh}/decisions`)).body.decisions.find((d) => d.id === target.id);
    assert(after && after.withdrawn && after.withdrawn.reason === 'Vastgelegd bij het verkeerde gezin', 'the withdrawal is not recorded');
    const household = (await api('GET', hh)).body.household;
    assert(household.provisions.length === before - target.started.length, 'the started provisions are still on the care map');
    for (const id of target.stopped) {
      const p = household.provisions.find((x) => x.id === id);
      assert(p && (p.end_date === null || p.end_date >= target.effective_date), `provision ${id} still ends before the decision's date`);
    }
    await checkPage(page, 'gezinsplan-besluit-ingetrokken');
  });
}
