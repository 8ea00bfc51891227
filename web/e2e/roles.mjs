// Browser steps for "every role's day without a dead end" (issue 20): each
// demo role signs in, lands on its own start page and does its main task from
// there. Every page is checked with axe-core at desktop width (1366x900) and
// at phone width (390), and must not scroll sideways. Called from run.mjs with
// its helpers; contexts come from its newContext, which watches for script errors.

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

export async function roleSteps({ step, assert, newContext, baseUrl, logins, checkPage, expectHeading, signInForm, nextCode }) {
  /** axe and no sideways scrolling, at desktop and at phone width; the page ends at desktop width. */
  const checkBothWidths = async (page, label) => {
    for (const [name, size] of [['desktop', DESKTOP], ['telefoon', PHONE]]) {
      await page.setViewportSize(size);
      // Let the layout (and the charts, which follow their box) settle at the new width.
      await page.waitForTimeout(150);
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      assert(scroll <= inner, `${label} at ${name} width scrolls sideways: ${scroll}px > ${inner}px`);
      await checkPage(page, `${label}-${name}`);
    }
    await page.setViewportSize(DESKTOP);
  };

  const signIn = async (role, path, heading) => {
    const who = logins[role]?.[0];
    assert(who, `the demo did not print a "Sign in as ${role}" line`);
    const context = await newContext(role, { locale: 'nl-NL', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/inloggen`);
    await expectHeading(page, 'Inloggen');
    await signInForm(page, who.username, who.password);
    await page.waitForURL((url) => url.pathname === path);
    if (heading) await expectHeading(page, heading);
    return { context, page, who };
  };

  const menuText = (page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText();
  const menuLink = (page, name) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });

  /** An API context signed in as `login` (with the app code when the account has one). */
  const apiAs = async (login) => {
    const ctx = await newContext(`${login.username} (API)`);
    const code = login.totp ? await nextCode(login.username, login.totp) : undefined;
    const r = await ctx.request.post(`${baseUrl}/api/v1/session`, { data: { username: login.username, password: login.password, code } });
    assert(r.status() === 200, `sign-in of ${login.username} answered ${r.status()}`);
    const csrf = (await r.json()).csrf_token;
    return { ctx, csrf };
  };

  await step('roles: the director lands on "Mijn werk" and opens a family from there', async () => {
    const { context, page } = await signIn('director', '/mijn-werk', 'Mijn werk');
    await page.getByTestId('start-due').waitFor();
    const families = page.getByTestId('start-households').getByRole('link');
    await families.first().waitFor();
    assert((await families.count()) >= 6, `only ${await families.count()} households on the start page`);
    assert((await menuLink(page, 'Mijn werk').getAttribute('aria-current')) === 'page', 'the start page is not current in the menu');
    await checkBothWidths(page, 'rollen-regisseur-start');
    const name = (await families.first().innerText()).trim();
    await families.first().click();
    await page.waitForURL((url) => /^\/huishoudens\/[^/]+$/.test(url.pathname));
    await expectHeading(page, `Gezin ${name}`);
    await page.locator('[data-testid="status-panel"]').waitFor();
    await checkBothWidths(page, 'rollen-regisseur-gezin');
    await context.close();
  });

  let assignedName = null;
  await step('roles: a director assigns the team lead to one of their households (API)', async () => {
    const lead = logins.team_lead?.[0];
    assert(lead, 'the demo did not print a "Sign in as team_lead" line');
    const director = logins.director?.[0];
    const { ctx, csrf } = await apiAs(director);
    const list = await (await ctx.request.get(`${baseUrl}/api/v1/households`)).json();
    const target = list.households.find((h) => h.may_open);
    assert(target, 'the director has no household to share');
    const r = await ctx.request.put(
      `${baseUrl}/api/v1/households/${encodeURIComponent(target.id)}/team-leads/${encodeURIComponent(lead.username)}`,
      { headers: { 'X-CSRF-Token': csrf } },
    );
    assert(r.status() === 200, `assigning the team lead answered ${r.status()}`);
    assignedName = target.family_name;
    await ctx.close();
  });

  await step('roles: the team lead lands on the team\'s families, changes a status there and opens the assigned file', async () => {
    const { context, page } = await signIn('team_lead', '/team', 'Gezinnen van het team');
    const assigned = page.getByTestId('team-assigned');
    const others = page.getByTestId('team-others');
    await others.getByTestId('team-household').first().waitFor();
    assert((await others.getByRole('link').count()) === 0, 'a household the team lead is not assigned to has a link');
    const open = assigned.getByRole('link', { name: `Dossier ${assignedName}`, exact: true });
    await open.waitFor();
    const nav = await menuText(page);
    assert(!/Huishoudens/.test(nav), `the team lead's menu offers the household list: ${nav}`);
    await checkBothWidths(page, 'rollen-teamleider-start');

    // The main task: change the status of a household whose file is not theirs.
    const card = others.locator('[data-testid="team-household"]:has(select)').first();
    const family = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
    const select = card.getByLabel(`Nieuwe status voor ${family}`, { exact: true });
    const choice = await select.locator('option').evaluateAll((opts) =>
      opts.map((o) => ({ value: o.value, label: o.textContent })).find((o) => o.value && o.value !== 'dropped'),
    );
    assert(choice, `no status to move ${family} to`);
    await select.selectOption(choice.value);
    await card.getByRole('button', { name: 'Status wijzigen', exact: true }).click();
    const done = card.getByRole('status');
    await done.waitFor();
    assert((await done.innerText()).includes(`De status is nu ${choice.label}`), `no confirmation: ${await done.innerText()}`);
    const onServer = await page.evaluate(async () => (await (await fetch('/api/v1/households')).json()).households);
    const moved = onServer.find((h) => h.family_name === family);
    assert(moved?.status === choice.value, `the server has ${family} as ${moved?.status}, expected ${choice.value}`);
    await checkPage(page, 'rollen-teamleider-status');

    await open.click();
    await page.waitForURL((url) => /^\/huishoudens\/[^/]+$/.test(url.pathname));
    await expectHeading(page, `Gezin ${assignedName}`);
    await page.locator('[data-testid="status-panel"]').waitFor();
    await checkBothWidths(page, 'rollen-teamleider-dossier');
    await context.close();
  });

  await step('roles: the analyst lands on Analyse, runs an analysis and sees the figure; no page refuses them', async () => {
    const { context, page } = await signIn('analyst', '/analyse', 'Analyse');
    const nav = await menuText(page);
    assert(!/Huishoudens|Caseload/.test(nav), `the analyst's menu offers pages that refuse them: ${nav}`);
    await page.getByTestId('pareto-chart').waitFor();
    await page.getByLabel('Jaar', { exact: true }).fill('2018');
    await page.getByRole('button', { name: 'Toon analyse', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('year') === '2018');
    const chart = page.getByTestId('pareto-chart');
    await chart.waitFor();
    assert(/huishoudens/.test((await chart.getAttribute('aria-label')) ?? ''), 'the chart has no figures in its name');
    await page.locator('[data-testid="potential-total"]').waitFor();
    await checkBothWidths(page, 'rollen-analist-analyse');
    for (const [item, heading] of [['Uitkomsten', 'Uitkomsten'], ['Businesscase', 'Maatschappelijke businesscase']]) {
      await menuLink(page, item).click();
      await expectHeading(page, heading);
      await page.waitForLoadState('networkidle');
      assert((await page.locator('main [role="alert"]').count()) === 0, `${item} shows an error to the analyst: ${await page.locator('main').innerText()}`);
      await checkBothWidths(page, `rollen-analist-${item.toLowerCase()}`);
    }
    await context.close();
  });

  await step('roles: the administrator lands on Accounts and opens the price list and the messages', async () => {
    const { context, page } = await signIn('administrator', '/accounts', 'Accounts');
    await page.locator('tr[data-username="gezin"]').waitFor();
    await checkBothWidths(page, 'rollen-beheerder-accounts');
    await menuLink(page, 'Prijslijst').click();
    await expectHeading(page, 'Prijslijst');
    await page.locator('main table tbody tr').first().waitFor();
    await checkBothWidths(page, 'rollen-beheerder-prijslijst');
    await menuLink(page, 'Berichten').click();
    await page.waitForURL((url) => url.pathname === '/berichten');
    await page.waitForLoadState('networkidle');
    await checkBothWidths(page, 'rollen-beheerder-berichten');
    await context.close();
  });

  await step('roles: the household member lands on /mijn', async () => {
    const { context, page } = await signIn('member', '/mijn', null);
    await page.waitForFunction(() => /^Ons gezin/.test(document.querySelector('main h1')?.textContent ?? ''));
    await page.getByRole('heading', { level: 2, name: /Wie helpt ons en waarom/ }).waitFor();
    await checkBothWidths(page, 'rollen-gezin-mijn');
    await context.close();
  });
}
