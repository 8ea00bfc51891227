// Browser steps for signing in through the municipality's systems (issue 23):
// a director signs in through the test OpenID Connect provider's own pages, a
// household member through the "DigiD" broker to /mijn, a BSN of nobody gets
// a plain Dutch page, and a scheduled round table reaches each participant
// by mail with a valid .ics, read back from the SMTP sink's Maildir.
// The provider and the sink are started once by scripts/test.sh
// (tests/identity/start.sh); without them these steps are skipped by name.
import fs from 'node:fs';
import path from 'node:path';

/** The server flags that point Regie at the test provider and SMTP sink; null when they are not running. */
export function identityServerArgs(env = process.env) {
  if (!env.REGIE_TEST_OIDC_STAFF_ISSUER || !env.REGIE_TEST_SMTP_URL) return null;
  return [
    '--oidc-staff-name', 'Gemeente Demo',
    '--oidc-staff-issuer', env.REGIE_TEST_OIDC_STAFF_ISSUER,
    '--oidc-staff-client-id', 'regie-staff',
    '--oidc-staff-client-secret-file', env.REGIE_TEST_OIDC_STAFF_SECRET_FILE,
    '--oidc-citizen-issuer', env.REGIE_TEST_OIDC_CITIZEN_ISSUER,
    '--oidc-citizen-client-id', 'regie-digid',
    '--oidc-citizen-client-secret-file', env.REGIE_TEST_OIDC_CITIZEN_SECRET_FILE,
    '--smtp-url', env.REGIE_TEST_SMTP_URL,
    '--smtp-user', env.REGIE_TEST_SMTP_USER,
    '--smtp-password-file', env.REGIE_TEST_SMTP_PASSWORD_FILE,
    '--smtp-ca-file', env.REGIE_TEST_SMTP_CA,
    '--mail-from', 'regie@gemeente.example',
    '--mail-queue-interval', '1',
  ];
}

/** Messages in the sink's Maildir whose envelope names `address`. */
function delivered(address) {
  const box = process.env.REGIE_TEST_MAILDIR;
  const out = [];
  for (const sub of ['new', 'cur']) {
    const dir = path.join(box, sub);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      if (text.split('\n', 1)[0].includes(address)) out.push(text);
    }
  }
  return out;
}

/** The decoded body of the MIME part of `type`. */
function part(message, type) {
  const at = message.indexOf(`Content-Type: ${type}`);
  if (at < 0) return '';
  const start = message.indexOf('\r\n\r\n', at) >= 0 ? message.indexOf('\r\n\r\n', at) : message.indexOf('\n\n', at);
  const end = message.indexOf('--', start);
  return Buffer.from(message.slice(start, end).replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Through the provider's own (development) pages: any login, any password, then consent. */
async function throughProvider(page, login) {
  await page.locator('input[name="login"]').waitFor({ state: 'visible' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('test');
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([
    consent.waitFor({ state: 'visible' }).then(() => consent.click()),
    page.waitForURL((url) => url.pathname.startsWith('/inloggen/terug') || url.port !== new URL(page.url()).port),
  ]).catch(() => {});
}

export async function identitySteps({ step, skip, assert, newContext, baseUrl, logins, checkPage, expectHeading, nextCode }) {
  if (!identityServerArgs()) {
    skip('sign-in through the identity provider and DigiD, and mail (no test provider or SMTP sink: run scripts/test.sh)');
    return;
  }
  const director = logins.director?.[0];
  let directorPage = null;

  await step('the sign-in page offers the organisation\'s account and DigiD', async () => {
    const ctx = await newContext('director (provider)', { locale: 'nl-NL' });
    directorPage = await ctx.newPage();
    await directorPage.goto(`${baseUrl}/inloggen`);
    await expectHeading(directorPage, 'Inloggen');
    await directorPage.getByRole('link', { name: 'Inloggen met Gemeente Demo' }).waitFor();
    await directorPage.getByRole('link', { name: 'Inloggen met DigiD' }).waitFor();
    await checkPage(directorPage, 'inloggen-aanbieders');
  });

  await step('a director signs in through the identity provider\'s own pages and lands on their start page', async () => {
    // The demo gives its directors an e-mail address; the provider names the person by it.
    await directorPage.getByRole('link', { name: 'Inloggen met Gemeente Demo' }).click();
    await throughProvider(directorPage, `${director.username}@gezinsregie.example`);
    await directorPage.waitForURL((url) => url.pathname === '/mijn-werk', { timeout: 20_000 });
    await expectHeading(directorPage, 'Mijn werk');
    const header = await directorPage.locator('header').innerText();
    assert(/Gezinsregisseur/.test(header), `header does not show the director's role: ${header}`);
    await checkPage(directorPage, 'mijn-werk-via-aanbieder');
  });

  // The household of the demo member, and a BSN for its adult member, set by its director.
  const member = logins.member?.[0];
  let householdId = null;
  let api = null;
  let csrf = null;
  await step('the household\'s director records a BSN for the member', async () => {
    const probe = await newContext('member (API)');
    let r = await probe.request.post(`${baseUrl}/api/v1/session`, { data: { username: member.username, password: member.password } });
    householdId = (await (await probe.request.get(`${baseUrl}/api/v1/me`)).json()).household.id;
    await probe.close();
    for (const d of logins.director ?? []) {
      const ctx = await newContext('director (API)');
      r = await ctx.request.post(`${baseUrl}/api/v1/session`, {
        data: { username: d.username, password: d.password, code: await nextCode(d.username, d.totp) },
      });
      const token = (await r.json()).csrf_token;
      const file = await ctx.request.get(`${baseUrl}/api/v1/households/${encodeURIComponent(householdId)}`);
      if (file.status() !== 200) continue;
      const members = (await file.json()).household.members;
      const linda = members.find((m) => m.given_name === 'Linda');
      assert(linda, `no member Linda in ${householdId}`);
      r = await ctx.request.put(
        `${baseUrl}/api/v1/households/${encodeURIComponent(householdId)}/members/${encodeURIComponent(linda.id)}/bsn`,
        { data: { bsn: '730120491' }, headers: { 'X-CSRF-Token': token } },
      );
      assert(r.status() === 204, `setting the BSN answered ${r.status()}: ${await r.text()}`);
      api = ctx;
      csrf = token;
      return;
    }
    throw new Error('no demo director may open the member\'s household');
  });

  await step('a household member signs in with DigiD (through the broker) and sees /mijn', async () => {
    const ctx = await newContext('member (DigiD)', { locale: 'nl-NL', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await throughProvider(page, '730120491');
    await page.waitForURL((url) => url.pathname === '/mijn' || url.pathname === '/inloggen/terug', { timeout: 20_000 });
    const refused = page.getByTestId('sign-in-refused');
    await Promise.race([page.waitForURL((url) => url.pathname === '/mijn', { timeout: 20_000 }), refused.waitFor({ timeout: 20_000 })]);
    assert(new URL(page.url()).pathname === '/mijn', `refused: ${await refused.innerText().catch(() => '')}`);
    await page.locator('main h1').waitFor();
    assert(!page.url().includes('730120491'), `the BSN is in the address: ${page.url()}`);
    assert(!(await page.content()).includes('730120491'), 'the BSN is on the page');
    await checkPage(page, 'mijn-via-digid');
    await ctx.close();
  });

  await step('a BSN that matches no household member gets a plain Dutch page and nothing else', async () => {
    const ctx = await newContext('stranger (DigiD)', { locale: 'nl-NL' });
    const page = await ctx.newPage();
    await page.goto(`${baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await throughProvider(page, '730120508');
    await page.waitForURL((url) => url.pathname === '/inloggen/terug', { timeout: 20_000 });
    await expectHeading(page, 'Inloggen is niet gelukt');
    const text = await page.getByTestId('sign-in-refused').innerText();
    assert(/niet vinden als gezinslid/.test(text), `unexpected text: ${text}`);
    assert(!(await page.content()).includes('730120508'), 'the BSN is on the page');
    assert(!page.url().includes('code='), `the code stayed in the address: ${page.url()}`);
    const session = await ctx.request.get(`${baseUrl}/api/v1/session`);
    assert(session.status() === 401, `a session exists after a refused sign-in (${session.status()})`);
    await checkPage(page, 'inloggen-geen-gezinslid');
    await ctx.close();
  });

  await step('scheduling a round table mails each participant an invitation with a valid .ics', async () => {
    const tag = Date.now();
    const emails = [`anna.${tag}@example.org`, `bas.${tag}@example.org`];
    const base = `${baseUrl}/api/v1/households/${encodeURIComponent(householdId)}/round-tables`;
    let r = await api.request.post(base, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        title: 'Ronde tafel (e2e)',
        window_from: '2030-03-01',
        window_to: '2030-03-31',
        duration_minutes: 60,
        location: 'Wijkcentrum',
        participants: emails.map((email, i) => ({ kind: 'other', name: `Deelnemer ${i + 1}`, email, required: true })),
      },
    });
    assert(r.status() === 201, `adding the round table answered ${r.status()}: ${await r.text()}`);
    const rt = await r.json();
    r = await api.request.post(`${base}/${rt.id}/schedule`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { start: '2030-03-05T13:00:00Z', version: rt.version },
    });
    assert(r.status() === 200, `scheduling answered ${r.status()}: ${await r.text()}`);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && emails.some((e) => delivered(e).length === 0)) await new Promise((res) => setTimeout(res, 500));
    for (const e of emails) {
      const got = delivered(e);
      assert(got.length === 1, `${e} got ${got.length} mails`);
      const ics = part(got[0], 'text/calendar');
      assert(/^BEGIN:VCALENDAR\r\n/.test(ics) && /\r\nEND:VCALENDAR\r\n?$/.test(ics), `not a calendar:\n${ics}`);
      assert(/\r\nMETHOD:REQUEST\r\n/.test(ics), 'no METHOD:REQUEST');
      assert(/\r\nDTSTART:20300305T130000Z\r\n/.test(ics), `wrong start:\n${ics}`);
      assert((ics.match(/\r\nATTENDEE/g) ?? []).length === 2, 'not two attendees');
      assert(/5 maart 2030 om 14:00/.test(part(got[0], 'text/plain')), 'the mail text does not say when');
    }
  });
}
