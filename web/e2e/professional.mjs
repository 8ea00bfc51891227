// Browser steps for a professional's day (issue 20): the demo professional
// signs in, lands on their start page with exactly the two families whose
// consent covers them, opens each family's shared plan, marks an action done
// (it stays done after a reload), on a desktop and on a phone; a professional
// whose organisation no family consented to (made by the administrator
// through the API) sees no family and gets no plan. axe-core on every page.
// Called from run.mjs with its helpers.

const DESKTOP = { locale: 'nl-NL', viewport: { width: 1366, height: 900 } };
const PHONE = { locale: 'nl-NL', viewport: { width: 390, height: 844 }, isMobile: true };

// Codes and ids that must never reach the screen of these pages.
const NOT_ON_SCREEN = /BZHH|PRO0|ORG\d|\b(finances|daily_functioning|mental_wellbeing|school_work|housing|participation|in_progress|planning|scheduled|professional|director|member|scale_up|scale_down)\b/;

export async function professionalSteps({ step, assert, newContext, baseUrl, logins, checkPage, expectHeading, signInForm, knownLogins, nextCode }) {
  const pro = logins.professional?.[0];
  let context = null;
  let page = null;
  let work = null;

  const signIn = async (p, username, password) => {
    await p.goto(`${baseUrl}/inloggen`);
    await expectHeading(p, 'Inloggen');
    await signInForm(p, username, password);
    await p.waitForURL((url) => url.pathname === '/werk');
    await expectHeading(p, 'Mijn werk');
  };
  const mainText = async (p) => p.locator('main').innerText();
  const noCodes = async (p, where) => {
    const text = await mainText(p);
    const bad = NOT_ON_SCREEN.exec(text);
    assert(!bad, `"${bad?.[0]}" shows on ${where}`);
  };
  const noSidewaysScroll = async (p, where) => {
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 390, `${where} scrolls sideways on a phone: ${width}px`);
  };

  await step('the demo prints a professional login ("hulpverlener")', async () => {
    assert(pro, 'the demo did not print a "Sign in as professional" line');
    assert(pro.username === 'hulpverlener', `professional login is "${pro.username}"`);
    context = await newContext('professional', DESKTOP);
    page = await context.newPage();
  });

  await step('the professional signs in and lands on their start page with exactly two families', async () => {
    await signIn(page, pro.username, pro.password);
    const r = await context.request.get(`${baseUrl}/api/v1/me/work`);
    assert(r.status() === 200, `GET /api/v1/me/work answered ${r.status()}`);
    work = await r.json();
    assert(work.households.length === 2, `the server lists ${work.households.length} families`);
    const rows = page.locator('[data-testid="work-families"] tbody tr');
    await rows.first().waitFor();
    assert((await rows.count()) === 2, `the start page lists ${await rows.count()} families`);
    const text = await page.getByTestId('work-families').innerText();
    for (const h of work.households) assert(text.includes(h.family_name), `family ${h.family_name} not listed`);
    const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText();
    assert(/Mijn werk/.test(nav) && !/Huishoudens|Caseload/.test(nav), `menu of a professional: ${nav}`);
    assert(work.actions.length >= 2, `only ${work.actions.length} actions of their own`);
    assert((await page.locator('[data-testid="work-actions"] tbody tr').count()) === work.actions.length, 'actions on the page differ from the server');
    assert((await page.locator('[data-testid="work-round-tables"] tbody tr').count()) === work.round_tables.length, 'round tables differ from the server');
    await noCodes(page, 'the start page');
    await checkPage(page, 'hulpverlener-start');
  });

  await step('the professional opens the shared plan of each family and marks an action done that stays done', async () => {
    for (const h of work.households) {
      await page.goto(`${baseUrl}/werk`);
      await expectHeading(page, 'Mijn werk');
      await page.getByRole('link', { name: `Gezinsplan van gezin ${h.family_name}` }).click();
      await page.waitForURL((url) => url.pathname === `/huishoudens/${encodeURIComponent(h.id)}/plan`);
      await expectHeading(page, `Gezinsplan van gezin ${h.family_name}`);
      const shared = await (await context.request.get(`${baseUrl}/api/v1/households/${encodeURIComponent(h.id)}/shared-plan`)).json();
      await page.getByTestId('mandate-holder').waitFor();
      assert((await page.getByTestId('mandate-holder').innerText()).includes(shared.mandate.holder), 'mandate holder not shown');
      // Who granted the mandate, in which words and for how long (the demo records a grant for these families).
      assert(shared.mandate.grant && !('recorded_by' in shared.mandate.grant), `grant in the shared plan: ${JSON.stringify(shared.mandate.grant)}`);
      const grantText = await page.getByTestId('mandate-grant').innerText();
      assert(grantText.includes(shared.mandate.grant.granted_by) && grantText.includes(shared.mandate.grant.scope), `grant not shown: ${grantText}`);
      const goals = page.getByTestId('shared-goal');
      assert((await goals.count()) === shared.plan.goals.length, `goals ${await goals.count()} vs ${shared.plan.goals.length}`);
      assert(shared.plan.goals.length >= 1, `no goal of ${h.family_name} to see`);
      assert((await page.getByTestId('shared-round-table').count()) === shared.round_tables.length, 'round tables differ');
      await noCodes(page, `the shared plan of ${h.family_name}`);
      await checkPage(page, `hulpverlener-plan-${h.family_name}`);

      const row = page.locator('[data-testid="my-action"][data-status="open"]').first();
      const what = (await row.locator('th').innerText()).trim();
      const button = row.getByTestId('action-status');
      const label = await button.getAttribute('aria-label');
      assert(label === `Gedaan: ${what}`, `the button reads "${label}", not "Gedaan: ${what}"`);
      await button.click();
      await page.getByRole('button', { name: `Weer open: ${what}` }).waitFor();
      await page.reload();
      await expectHeading(page, `Gezinsplan van gezin ${h.family_name}`);
      const after = page.locator('[data-testid="my-action"]', { has: page.locator('th', { hasText: what }) });
      await after.first().waitFor();
      assert((await after.first().getAttribute('data-status')) === 'done', `"${what}" is not done after a reload`);
      assert((await after.first().getByTestId('action-state').innerText()).trim() === 'Gedaan', 'state not shown as "Gedaan"');
    }
    // The start page says the same.
    await page.goto(`${baseUrl}/werk`);
    await page.locator('[data-testid="work-actions"] tbody tr[data-status="done"]').first().waitFor();
    assert((await page.locator('[data-testid="work-actions"] tbody tr[data-status="done"]').count()) === 2, 'not two done actions on the start page');
    await checkPage(page, 'hulpverlener-start-gedaan');
  });

  await step('the professional opens a family\'s file from the start page, read-only', async () => {
    const h = work.households[0];
    await page.getByRole('link', { name: `Dossier van gezin ${h.family_name}` }).click();
    await page.waitForURL((url) => url.pathname === `/huishoudens/${encodeURIComponent(h.id)}`);
    await page.getByRole('heading', { level: 2, name: 'Gezinsleden' }).waitFor();
    assert((await page.getByRole('button', { name: /Wijzigen|Toevoegen/ }).count()) === 0, 'the professional gets edit buttons');
    await page.getByRole('link', { name: 'Gezinsplan', exact: true }).waitFor();
    await checkPage(page, 'hulpverlener-dossier');
    await context.close();
  });

  await step('on a phone (390 wide) the start page and a shared plan fit and pass axe', async () => {
    const phone = await newContext('professional (phone)', PHONE);
    const p = await phone.newPage();
    await signIn(p, pro.username, pro.password);
    await p.locator('[data-testid="work-families"] tbody tr').first().waitFor();
    await noSidewaysScroll(p, 'the start page');
    await checkPage(p, 'hulpverlener-start-telefoon');
    const h = work.households[1];
    await p.getByRole('link', { name: `Gezinsplan van gezin ${h.family_name}` }).click();
    await expectHeading(p, `Gezinsplan van gezin ${h.family_name}`);
    await p.getByTestId('shared-goal').first().waitFor();
    await noSidewaysScroll(p, 'the shared plan');
    await checkPage(p, 'hulpverlener-plan-telefoon');
    await phone.close();
  });

  await step('a professional without consent sees no family and gets no plan', async () => {
    const admin = logins.administrator?.[0];
    assert(admin, 'no administrator login');
    const api = await newContext('administrator (API)');
    const session = await api.request.post(`${baseUrl}/api/v1/session`, {
      data: { username: admin.username, password: admin.password, code: await nextCode(admin.username, admin.totp) },
    });
    assert(session.status() === 200, `administrator sign-in answered ${session.status()}`);
    const csrf = (await session.json()).csrf_token;
    // Bianca de Jong is on two families' care teams, neither of which consented to her organisation.
    const made = await api.request.post(`${baseUrl}/api/v1/accounts`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { username: 'e2e.hulp', display_name: 'E2E Hulpverlener', role: 'professional', professional_id: 'PRO020' },
    });
    assert(made.status() === 201, `creating the professional answered ${made.status()}: ${await made.text()}`);
    const created = await made.json();
    const secret = new URL(created.otpauth_uri).searchParams.get('secret');
    knownLogins.set('e2e.hulp', { password: created.initial_password, totp: secret });
    await api.close();

    for (const [label, options] of [['desktop', DESKTOP], ['telefoon', PHONE]]) {
      const ctx = await newContext(`professional without consent (${label})`, options);
      const p = await ctx.newPage();
      await signIn(p, 'e2e.hulp', created.initial_password);
      await p.getByTestId('work-no-families').waitFor();
      assert((await p.locator('[data-testid="work-families"]').count()) === 0, 'a family table for a professional without consent');
      const text = await mainText(p);
      for (const h of work.households) assert(!text.includes(h.family_name), `${h.family_name} shows without consent`);
      if (label === 'telefoon') await noSidewaysScroll(p, 'the empty start page');
      await checkPage(p, `hulpverlener-zonder-toestemming-${label}`);
      if (label === 'desktop') {
        for (const h of work.households) {
          const r = await ctx.request.get(`${baseUrl}/api/v1/households/${encodeURIComponent(h.id)}/shared-plan`);
          assert(r.status() === 403, `shared plan of ${h.family_name} without consent answered ${r.status()}`);
          const body = await r.text();
          assert(!body.includes(h.family_name), 'the refusal names the family');
        }
        const h = work.households[0];
        await p.goto(`${baseUrl}/huishoudens/${encodeURIComponent(h.id)}/plan`);
        const alert = p.locator('[role="alert"]');
        await alert.waitFor();
        assert(/kunt u niet inzien/.test(await alert.innerText()), `refusal text: ${await alert.innerText()}`);
        assert(!(await mainText(p)).includes(h.family_name), 'the refused plan page names the family');
        await checkPage(p, 'hulpverlener-zonder-toestemming-plan');
      }
      await ctx.close();
    }
  });
}
