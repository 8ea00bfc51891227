// Browser steps for the household's own view (issue 8): a household member
// signs in on a phone-sized screen, reads their own household in plain
// language and "who looked at our file", and gets "Geen toegang" (403) for
// another household's URL. Called from run.mjs with its helpers; contexts come
// from its newContext, which watches their pages for script errors.

export async function ownSteps({ step, assert, newContext, baseUrl, logins, checkPage, expectHeading, signInForm, nextCode }) {
  const member = logins.member?.[0];
  const directors = logins.director ?? [];
  let context = null;
  let page = null;
  let householdId = null;
  let directorName = null;

  await step('the demo prints a household member login ("gezin")', async () => {
    assert(member, 'the demo did not print a "Sign in as member" line');
    assert(member.username === 'gezin', `member login is "${member.username}", expected "gezin"`);
    context = await newContext('member', { locale: 'nl-NL', viewport: { width: 390, height: 844 }, isMobile: true });
    page = await context.newPage();
  });

  await step('the household\'s director looks at the file first', async () => {
    // Find the member's household through their own API, then let its director open it.
    const probe = await newContext('member (API)');
    let r = await probe.request.post(`${baseUrl}/api/v1/session`, { data: { username: member.username, password: member.password } });
    assert(r.status() === 200, `member sign-in answered ${r.status()}`);
    r = await probe.request.get(`${baseUrl}/api/v1/me`);
    assert(r.status() === 200, `GET /api/v1/me answered ${r.status()}`);
    householdId = (await r.json()).household.id;
    await probe.close();
    for (const d of directors) {
      const ctx = await newContext('director (API)');
      const code = d.totp ? await nextCode(d.username, d.totp) : undefined;
      await ctx.request.post(`${baseUrl}/api/v1/session`, { data: { username: d.username, password: d.password, code } });
      const look = await ctx.request.get(`${baseUrl}/api/v1/households/${encodeURIComponent(householdId)}`);
      if (look.status() === 200) {
        directorName = (await look.json()).household.director.display_name;
        // Many looks on one day: the family sees one line with how many.
        for (let i = 0; i < 21; i++) await ctx.request.get(`${baseUrl}/api/v1/households/${encodeURIComponent(householdId)}`);
      }
      await ctx.close();
      if (directorName) break;
    }
    assert(directorName, `no demo director could open household ${householdId}`);
  });

  await step('"gezin" signs in on a phone and lands on /mijn, in plain language', async () => {
    await page.goto(`${baseUrl}/inloggen`);
    await expectHeading(page, 'Inloggen');
    await signInForm(page, member.username, member.password);
    await page.waitForURL((url) => url.pathname === '/mijn');
    await page.getByRole('heading', { level: 2, name: /Wie helpt ons en waarom/ }).waitFor();
    assert((await page.getAttribute('html', 'lang')) === 'nl', 'html lang is not "nl"');
    for (const name of ['Uw gezinsregisseur', 'Wie helpt ons en waarom', 'Wat kost de hulp', 'Ons plan en onze doelen',
      'Mijn spinnenweb', 'Onze afspraken', 'Wie keek er in ons dossier']) {
      assert(await page.getByRole('heading', { level: 2, name: new RegExp(name) }).count() === 1, `no heading "${name}"`);
    }
    const helpers = await page.getByTestId('own-helpers').innerText();
    assert(/Van: /.test(helpers) || /Er komt nu niemand/.test(helpers), `helpers not in plain words: ${helpers}`);
    // The director of record with the phone and e-mail from the demo file, as links that call and write.
    const director = page.getByTestId('own-director');
    const contact = await director.innerText();
    assert(contact.includes(`Naam: ${directorName}`), `the director block does not name ${directorName}: ${contact}`);
    const tel = await director.getByRole('link', { name: /^06-/ }).getAttribute('href');
    assert(/^tel:06\d{8}$/.test(tel ?? ''), `the director's phone link is "${tel}"`);
    const mail = await director.getByRole('link', { name: /@/ }).getAttribute('href');
    assert(/^mailto:[^@]+@[^@]+$/.test(mail ?? ''), `the director's e-mail link is "${mail}"`);
    // What the support costs per year, in euros and plain words, with what is counted.
    const cost = await page.getByTestId('own-cost').innerText();
    assert(/kost samen €\s?[\d.]+ per jaar\./.test(cost) || /geen kosten/.test(cost), `no yearly cost in words: ${cost}`);
    assert(/telt hier niet mee/.test(cost) || /geen kosten/.test(cost), `the cost does not say what is left out: ${cost}`);
    assert(!/_|cents|EUR/.test(cost), `the cost text has codes in it: ${cost}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 390, `the page is wider than the phone: ${width}px`);
    const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText();
    assert(!/Huishoudens/.test(nav), 'a household member sees the directors\' menu');
    await checkPage(page, 'mijn');
  });

  await step('"who looked at our file" lists the director\'s look', async () => {
    const list = page.getByTestId('file-views');
    await list.waitFor();
    const text = await list.innerText();
    assert(text.includes(directorName), `"${directorName}" is not in the list: ${text}`);
    assert(/gezinsregisseur/.test(text), `the role is not in plain words: ${text}`);
    await page.getByRole('heading', { level: 2, name: /Wie keek er in ons dossier/ }).scrollIntoViewIfNeeded();
    await checkPage(page, 'mijn-dossier');
  });

  await step('the director\'s many looks today are one line that says how many times', async () => {
    // One line per person, organisation and day: the 22 reads above (and any
    // earlier steps' reads by the same director today) are counted, not repeated.
    const lines = await page.getByTestId('file-views').getByRole('listitem').allInnerTexts();
    const theirs = lines.filter((l) => l.includes(directorName));
    assert(theirs.length === 1, `the director has ${theirs.length} lines today, expected 1: ${theirs.join(' | ')}`);
    const times = Number((/(\d+) keer/.exec(theirs[0]) ?? [])[1]);
    assert(times >= 22, `the line does not say the director looked 22 times or more: ${theirs[0]}`);
    await checkPage(page, 'mijn-dossier-per-dag');
  });

  await step('another household\'s URL answers 403 and shows "Geen toegang"', async () => {
    const other = householdId === 'BZHH02' ? 'BZHH03' : 'BZHH02';
    const api = await page.evaluate(async (id) => (await fetch(`/api/v1/households/${id}`)).status, other);
    assert(api === 403, `GET /api/v1/households/${other} answered ${api}`);
    const own = await page.evaluate(async (id) => (await fetch(`/api/v1/households/${id}`)).status, householdId);
    assert(own === 403, `a member opens even their own household URL: ${own}`);
    const answer = page.waitForResponse((res) => res.url().endsWith(`/api/v1/households/${other}`));
    await page.goto(`${baseUrl}/huishoudens/${other}`);
    assert((await answer).status() === 403, 'the page did not get a 403');
    await expectHeading(page, 'Geen toegang');
    await checkPage(page, 'geen-toegang');
  });

  await step('the member signs out', async () => {
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/inloggen');
    await context.close();
  });
}
