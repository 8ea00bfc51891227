// Browser steps for a new family from referral to consent (issue 19): the
// director registers a referral, adds two members with their BSN (a BSN that
// is already known shows the existing file), records consent for both (one
// verbally with a witness), sees the consent state on the household page and
// withdraws one. Called from run.mjs while the demo director is signed in,
// after a demo member got the BSN 111222333; axe runs on every page.

const KNOWN_BSN = '111222333';
const NEW_BSNS = ['123456782', '999999990'];

export async function intakeSteps({ step, assert, page, baseUrl, checkPage, expectHeading, api }) {
  let householdId = '';

  await step('the director opens "Nieuwe aanmelding" from the menu and registers a referral', async () => {
    await page.goto(`${baseUrl}/huishoudens`);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expectHeading(page, 'Nieuwe aanmelding');
    await checkPage(page, 'aanmelding-leeg');
    const form = page.getByTestId('referral-form');
    await form.getByRole('button', { name: 'Gezin aanmelden' }).click();
    await form.locator('[role="alert"]').first().waitFor();
    assert(/Achternaam van het gezin/.test(await form.locator('[role="alert"]').first().innerText()), 'missing fields not named');
    await checkPage(page, 'aanmelding-fouten');
    await form.getByLabel('Achternaam van het gezin').fill('Nieuwenhuis');
    await form.getByLabel('Aangemeld via').selectOption({ label: 'Huisarts samen met POH' });
    await form.getByLabel('Reden van aanmelding').fill('Veel hulpverleners, niemand heeft overzicht');
    await form.getByLabel('Naam van de verwijzer').fill('Dokter Jansen en POH Smeets');
    await form.getByLabel('Straat en huisnummer').fill('Nieuwe Weg 12');
    await form.getByLabel('Postcode').fill('6222 XY');
    await form.getByLabel('Plaats').fill('Maastricht');
    await form.getByLabel('Wijk').fill('Wyckerpoort');
    await form.getByRole('button', { name: 'Gezin aanmelden' }).click();
    await page.getByTestId('registered').waitFor();
    assert(/Nieuwenhuis/.test(await page.getByTestId('registered').innerText()), 'no confirmation of the registration');
    await checkPage(page, 'aanmelding-gezinsleden');
  });

  await step('a BSN already known shows the existing file and is not stored', async () => {
    const form = page.getByTestId('member-form');
    await form.getByLabel('Voornaam').fill('Petra');
    await form.getByLabel('Geboortedatum').fill('1984-03-12');
    await form.getByLabel('Rol in het gezin').selectOption('parent');
    await form.getByLabel('BSN').fill('123456789');
    await form.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await form.locator('[role="alert"]').first().waitFor();
    assert(/elfproef/.test(await form.locator('[role="alert"]').first().innerText()), 'the eleven-check is not done in the browser');
    await form.getByLabel('BSN').fill(KNOWN_BSN);
    await form.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const dup = page.getByTestId('duplicates');
    await dup.waitFor();
    const text = await dup.innerText();
    assert(/Dit BSN is al bekend/.test(text), `no duplicate message: ${text}`);
    assert((await dup.getByRole('link', { name: /Open het dossier van gezin/ }).count()) === 1, 'no link to the existing file');
    assert((await form.getByLabel('BSN').inputValue()) === '', 'the BSN stayed in the form');
    const html = await page.content();
    assert(!html.includes(KNOWN_BSN), 'the full BSN is in the page');
    assert(!page.url().includes(KNOWN_BSN), 'the BSN is in the URL');
    await checkPage(page, 'aanmelding-dubbel-bsn');
  });

  await step('the director adds two members with their BSN, shown masked', async () => {
    const form = page.getByTestId('member-form');
    await form.getByLabel('BSN').fill(NEW_BSNS[0]);
    await form.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await page.getByText('Petra Nieuwenhuis is toegevoegd.').waitFor();
    await form.getByLabel('Voornaam').fill('Daan');
    await form.getByLabel('Geboortedatum').fill(`${new Date().getFullYear() - 9}-06-01`);
    await form.getByLabel('Rol in het gezin').selectOption('child');
    await form.getByLabel('BSN').fill(NEW_BSNS[1]);
    await form.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await page.getByText('Daan Nieuwenhuis is toegevoegd.').waitFor();
    const table = await page.getByTestId('intake-members').innerText();
    assert(/\*{6}782/.test(table) && /\*{6}990/.test(table), `BSNs not masked in the list: ${table}`);
    const html = await page.content();
    for (const b of NEW_BSNS) assert(!html.includes(b), 'a full BSN is still in the page');
    await checkPage(page, 'aanmelding-twee-gezinsleden');
    await page.getByRole('link', { name: 'Naar het dossier van het gezin' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/huishoudens/'));
    householdId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    await expectHeading(page, 'Gezin Nieuwenhuis');
    const file = (await api('GET', `/api/v1/households/${encodeURIComponent(householdId)}`)).body.household;
    assert(file.referral.source === 'gp_with_practice_nurse', `source: ${file.referral.source}`);
    assert(file.referral.referrer === 'Dokter Jansen en POH Smeets', 'referrer not stored');
    assert(file.members.length === 2 && file.members.every((m) => m.bsn_masked), 'members or BSNs missing on the server');
    assert(file.members.every((m) => m.consent_status === 'pending'), 'consent shown before any was recorded');
    await page.getByTestId('consents').waitFor();
    await checkPage(page, 'dossier-nieuw-gezin');
  });

  const record = async ({ member, purpose, verbalWitness, guardian }) => {
    const section = page.getByTestId('consents');
    await section.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const form = page.getByTestId('consent-form');
    await form.getByLabel('Gezinslid').selectOption({ label: member });
    if (guardian) await form.getByLabel('Gegeven door (ouder)').selectOption({ label: guardian });
    await form.getByLabel('Doel').selectOption({ label: purpose });
    await form.getByLabel('Organisatie', { exact: true }).selectOption({ index: 1 });
    if (verbalWitness) {
      await form.getByLabel('Hoe gegeven').selectOption('verbal_witnessed');
      await form.getByLabel('Naam van de getuige').fill(verbalWitness);
    }
    await form.getByRole('button', { name: 'Tekst tonen' }).click();
    const sheet = form.getByTestId('consent-text');
    await sheet.waitFor();
    const text = await sheet.innerText();
    assert(/U mag altijd stoppen/.test(text), `no plain-language text: ${text}`);
    assert((await sheet.getByRole('button', { name: 'Tekst printen om te tekenen' }).count()) === 1, 'no print button');
    return form;
  };

  await step('the director records consent for both members, one verbally with a witness, with the text to sign', async () => {
    let form = await record({ member: 'Petra Nieuwenhuis', purpose: 'Regie: de hulp samen afstemmen' });
    await page.emulateMedia({ media: 'print' });
    await checkPage(page, 'toestemming-tekst-print');
    await page.emulateMedia({ media: 'screen' });
    await checkPage(page, 'toestemming-tekst');
    await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await page.getByText('De toestemming is vastgelegd.').waitFor();
    // A child below the guardian age: a parent gives it.
    form = await record({
      member: 'Daan Nieuwenhuis',
      purpose: 'Kosten opvragen bij gemeente en zorgverzekeraar',
      verbalWitness: 'Anna de Vries',
      guardian: 'Petra Nieuwenhuis',
    });
    assert(/jonger dan/.test(await form.innerText()), 'the guardian rule is not explained');
    await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="consent-row"]').length === 2);
    const rows = await page.getByTestId('consents').innerText();
    assert(/getuige: Anna de Vries/.test(rows) && /gegeven door Petra Nieuwenhuis/.test(rows), `how it was given: ${rows}`);
    await checkPage(page, 'toestemming-twee');
  });

  await step('the household page shows the consent state from the records, and a withdrawal changes it', async () => {
    const members = page.getByTestId('members');
    await page.waitForFunction(() => (document.querySelector('[data-testid="members"]')?.textContent ?? '').split('Gegeven').length === 3);
    const row = page.getByTestId('consent-row').filter({ hasText: 'Daan Nieuwenhuis' });
    await row.getByRole('button', { name: /^Intrekken/ }).click();
    const confirm = page.getByTestId('withdraw-confirm');
    await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('De toestemming is ingetrokken.').waitFor();
    await page.waitForFunction(() => /Ingetrokken/.test(document.querySelector('[data-testid="members"]')?.textContent ?? ''));
    assert(/Ingetrokken/.test(await row.getByTestId('consent-state').innerText()), 'the record does not show the withdrawal');
    const file = (await api('GET', `/api/v1/households/${encodeURIComponent(householdId)}`)).body.household;
    const states = Object.fromEntries(file.members.map((m) => [m.given_name, m.consent_status]));
    assert(states.Petra === 'given' && states.Daan === 'withdrawn', `server states: ${JSON.stringify(states)}`);
    assert(/Gegeven/.test(await members.innerText()), 'the given consent is not shown');
    await checkPage(page, 'toestemming-ingetrokken');
  });
}
