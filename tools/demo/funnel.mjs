// The demo's families beyond the twelve with a business case, so that the
// referral funnel over the demo reproduces the report's §5.2 (table 1): 20
// referrals, six drop-outs by their reason, 14 families guided, 12 business
// cases (one family without a second measurement, one with too little data).
// Also the status history and measurement moments of every demo family.
// Used by generate.mjs; plain data and small functions, no randomness.

// Referral source and reason of three of the twelve, so that the twenty
// referrals add up to table 1 by source.
export const SOURCE_OVERRIDES = {
  BZHH10: {
    source: 'gp_with_practice_nurse',
    reason: 'De huisarts en de POH zien dat moeder hulp krijgt van veel kanten, maar zich niet gehoord voelt. Haar zoon Stijn zit thuis zonder werk.',
  },
  BZHH13: {
    source: 'gp_with_safety_house',
    reason: 'De huisarts en het Veiligheidshuis melden het gezin samen aan. Er is hulp voor bijna iedereen in huis, maar de problemen blijven.',
  },
  BZHH16: {
    source: 'gp',
    reason: 'De huisarts ziet dat Milan veel thuis zit en niet naar school gaat. De ouders kunnen het niet meer aan.',
  },
};

const DAY = 24 * 60 * 60 * 1000;
function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

// A guided family: referred, a phone call and home visit (intake) ten days
// later, guided from T1 on; T1 and T2 held on the report's dates.
export function guidedHistory(h, t1) {
  return [
    { status: 'referred', date: h.referral.date, by: h.director },
    { status: 'intake', date: addDays(h.referral.date, 10), by: h.director },
    { status: 'active', date: t1, by: h.director },
  ];
}

// The families that dropped out before a director guided them, and the two
// guided families without a business case. Members are [given, family, role, birth year, consent].
const EXTRA = [
  {
    id: 'BZHH04', family_name: 'Kurvers', address: 'Vogelzang 22', postcode: '6216 AK', neighbourhood: 'Malberg',
    director: 'r.dekker', status: 'active', source: 'gp', date: '2018-10-04',
    reason: 'De huisarts ziet dat vader steeds somberder wordt en dat de kinderen veel thuis zitten. Er is veel hulp, maar niemand stuurt.',
    members: [['Ronald', 'Kurvers', 'parent', 1975, 'given'], ['Sabine', 'Kurvers', 'parent', 1978, 'given'],
      ['Lotte', 'Kurvers', 'child', 2008, 'given']],
    // Still guided, but T2 was never held: "nog geen tweede meetmoment".
    moments: [{ moment: 'T1', date: '2018-11-01', held: true }],
    provisions: [
      ['wmo', 1, 'brug', 'ambulant begeleider', '2017-03-01', null, '4.0', '11840.00', 'Ronald krijgt hulp bij post, geld en afspraken, zodat er meer overzicht is.'],
      ['jeugd', 3, 'jz', 'jeugdhulpverlener', '2017-09-01', null, '2.5', '9360.00', 'Lotte leert beter omgaan met boosheid en gaat weer elke dag naar school.'],
      ['zvw_ggz', 1, 'ggz1', 'psycholoog', '2018-02-01', '2019-06-30', '1.0', '4370.00', 'Ronald heeft gesprekken met een psycholoog over somberheid en stress.'],
      ['niet_geindiceerd', 0, 'wt1', 'wijkteammedewerker', '2018-01-15', null, '1.0', '3128.00', 'Het wijkteam helpt het gezin met vragen en denkt mee over de juiste hulp.'],
    ],
  },
  {
    id: 'BZHH05', family_name: 'Vroemen', address: 'Mergelweg 7', postcode: '6216 PN', neighbourhood: 'Caberg',
    director: 'm.bakker', status: 'active', source: 'gp_with_practice_nurse', date: '2018-09-11',
    reason: 'De huisarts en de POH maken zich zorgen over moeder en de twee jongens. Er zijn schulden en er is veel spanning thuis.',
    members: [['Nicole', 'Vroemen', 'parent', 1983, 'given'], ['Daan', 'Vroemen', 'child', 2007, 'given'],
      ['Sem', 'Vroemen', 'child', 2010, 'given']],
    // Both moments held, but the costs at the start could not be gathered:
    // the care map holds nothing before 2019, "onvoldoende gegevens".
    moments: [{ moment: 'T1', date: '2018-11-01', held: true }, { moment: 'T2', date: '2019-11-01', held: true }],
    provisions: [
      ['jeugd', 2, 'kompas', 'gezinscoach', '2019-02-01', null, '3.0', '10920.00', 'Daan leert zelf plannen en afspraken nakomen, thuis en op school.'],
      ['schuldhulp', 1, 'gem_sch', 'schuldhulpverlener', '2019-03-01', null, '1.0', '3220.00', 'De schulden zijn in beeld en er komt een regeling met de schuldeisers.'],
    ],
  },
  dropped('BZHH14', 'Lardinois', 'Heerderweg 101', '6216 HC', 'Malpertuis', 'r.dekker', 'gp', '2018-05-22',
    'De huisarts vraagt of een gezinsregisseur kan meekijken. Moeder heeft een nieuwe baan en de kinderen gaan goed naar school.',
    [['Miranda', 'Lardinois', 'parent', 1980, 'pending'], ['Jesse', 'Lardinois', 'child', 2009, 'pending']], 'not_needed'),
  dropped('BZHH15', 'Beckers', 'Tongerseweg 58', '6216 VB', 'Caberg', 'm.bakker', 'gp', '2018-06-14',
    'De huisarts ziet een vader die alleen voor twee kinderen zorgt. Er is hulp van familie en de situatie is rustig.',
    [['Marco', 'Beckers', 'parent', 1976, 'pending'], ['Julia', 'Beckers', 'child', 2006, 'pending']], 'not_needed'),
  dropped('BZHH17', 'Jongen', 'Pastoor Moonenstraat 3', '6216 TL', 'Pottenberg', 'r.dekker', 'wmo', '2018-07-02',
    'Het Wmo-loket en de thuisbegeleiding vragen om een gezinsregisseur. Er zijn zes hulpverleners bij het gezin.',
    [['Patricia', 'Jongen', 'parent', 1972, 'refused'], ['Kevin', 'Jongen', 'child', 2004, 'refused']], 'no_consent'),
  dropped('BZHH18', 'Schreurs', 'Bosscherweg 19', '6216 BK', 'Malberg', 'm.bakker', 'gp', '2018-07-30',
    'De huisarts ziet dat moeder vaak bij het spreekuur komt met zorgen over haar dochter en over geld.',
    [['Ingrid', 'Schreurs', 'parent', 1981, 'given'], ['Floor', 'Schreurs', 'child', 2005, 'given']], 'withdrew'),
  dropped('BZHH19', 'Hermkens', 'Daalhoef 40', '6216 DH', 'Malpertuis', 'r.dekker', 'gp', '2018-08-16',
    'De huisarts meldt een gezin met veel ruzie thuis. De zoon zit al een half jaar thuis van school.',
    [['Ramon', 'Hermkens', 'parent', 1974, 'given'], ['Dion', 'Hermkens', 'child', 2003, 'given']], 'withdrew'),
  dropped('BZHH20', 'Nelissen', 'Akerstraat 120', '6221 CR', 'Heer', 'm.bakker', 'gp', '2018-09-05',
    'De huisarts vraagt hulp voor een moeder met drie kinderen. Er zijn schulden en veel hulpverleners.',
    [['Esther', 'Nelissen', 'parent', 1985, 'pending'], ['Milan', 'Nelissen', 'child', 2011, 'pending']], 'outside_area'),
];

function dropped(id, family_name, address, postcode, neighbourhood, director, source, date, reason, members, why) {
  return { id, family_name, address, postcode, neighbourhood, director, status: 'dropped', source, date, reason,
    members, drop_reason: why, moments: [], provisions: [] };
}

// The extra families as demo households. `orgId` maps organisation keys to
// ids; `professionalOf(orgKey, role)` gives an existing professional's id or null.
export function extraHouseholds(orgId, professionalOf, t1) {
  return EXTRA.map((h) => {
    const members = h.members.map(([given_name, family_name, role, birth_year, consent_status], i) => ({
      id: `${h.id}-M${i + 1}`, given_name, family_name, role, birth_year, consent_status,
    }));
    const provisions = h.provisions.map(([domain, m, org, role, start, end, hours, cost, goal], i) => {
      if (!orgId.has(org)) throw new Error(`${h.id}: unknown organisation ${org}`);
      const cat = ['niet_geindiceerd', 'uwv', 'zvw_ggz'].includes(domain) ? domain : 'gemeente';
      return {
        id: `${h.id}-P${String(i + 1).padStart(2, '0')}`,
        member_id: m ? members[m - 1].id : null,
        domain,
        provider_id: orgId.get(org),
        professional_id: professionalOf(org, role),
        goal,
        start_date: start,
        end_date: end,
        hours_per_week: hours,
        annual_cost_eur: cost,
        cost_basis: cat === 'gemeente' ? 'declared' : cat === 'zvw_ggz' ? 'estimate' : 'price_list',
        indicated: cat !== 'niet_geindiceerd',
      };
    });
    const referral = { source: h.source, reason: h.reason, date: h.date };
    const status_history = h.status === 'dropped'
      ? [
        { status: 'referred', date: h.date, by: h.director },
        { status: 'intake', date: addDays(h.date, 8), by: h.director },
        { status: 'dropped', date: addDays(h.date, 30), by: h.director, drop_reason: h.drop_reason },
      ]
      : guidedHistory({ referral, director: h.director }, t1);
    return {
      id: h.id,
      family_name: h.family_name,
      address: h.address,
      postcode: h.postcode,
      city: 'Maastricht',
      neighbourhood: h.neighbourhood,
      status: h.status,
      director: h.director,
      referral,
      ...(h.drop_reason ? { drop_reason: h.drop_reason } : {}),
      members,
      provisions,
      status_history,
      moments: h.moments,
    };
  });
}
