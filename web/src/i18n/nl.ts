/**
 * All user-facing text of the Regie web UI (Dutch).
 *
 * Keep every string that a person can see or hear (including aria labels and
 * page titles) in this module, so that another language can follow by adding
 * a module with the same shape (see `Messages`).
 */

export const nl = {
  locale: 'nl-NL',
  app: {
    name: 'Regie',
    tagline: 'Integraal overzicht van zorg en ondersteuning per huishouden',
    skipLink: 'Direct naar de inhoud',
    mainNav: 'Hoofdmenu',
    footer: 'Regie — gezinsregie voor gemeenten',
    loading: 'Bezig met laden…',
    titleSuffix: 'Regie',
  },
  header: {
    signedInAs: 'Ingelogd als',
    signOut: 'Uitloggen',
    signingOut: 'Bezig met uitloggen…',
  },
  nav: {
    households: 'Huishoudens',
  },
  login: {
    title: 'Inloggen',
    intro: 'Log in met uw gebruikersnaam en wachtwoord.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    submitting: 'Bezig met inloggen…',
    errorInvalid: 'De gebruikersnaam of het wachtwoord is onjuist.',
    errorThrottled: 'Te veel mislukte pogingen. Wacht even en probeer het daarna opnieuw.',
    errorRequired: 'Vul uw gebruikersnaam en wachtwoord in.',
    errorGeneric: 'Inloggen is niet gelukt. Probeer het later opnieuw.',
    signedOut: 'U bent uitgelogd.',
    sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  },
  households: {
    title: 'Huishoudens',
    intro: 'De huishoudens waarvoor u gezinsregisseur bent.',
    introOther: 'De huishoudens waartoe u toegang hebt.',
    caption: 'Huishoudens met status, aantal gezinsleden, voorzieningen en jaarkosten',
    count: (n: number) => (n === 1 ? '1 huishouden' : `${n} huishoudens`),
    empty: 'Er zijn geen huishoudens.',
    columns: {
      familyName: 'Gezin',
      neighbourhood: 'Wijk',
      status: 'Status',
      director: 'Gezinsregisseur',
      members: 'Gezinsleden',
      provisions: 'Voorzieningen',
      annualCost: 'Jaarkosten',
    },
    total: 'Totaal',
    costNote: 'Jaarkosten zijn de kosten van de lopende voorzieningen van vandaag.',
  },
  household: {
    titlePrefix: 'Huishouden',
    familyPrefix: 'Gezin',
    breadcrumb: 'Kruimelpad',
    back: 'Terug naar huishoudens',
    notFound: 'Dit huishouden bestaat niet of u hebt er geen toegang toe.',
    details: 'Gegevens',
    address: 'Adres',
    neighbourhood: 'Wijk',
    status: 'Status',
    director: 'Gezinsregisseur',
    referral: 'Aanmelding',
    referralSource: 'Aangemeld door',
    referralDate: 'Datum aanmelding',
    referralReason: 'Reden van aanmelding',
    members: 'Gezinsleden',
    membersCaption: 'Gezinsleden met rol, geboortejaar en toestemming',
    memberColumns: {
      name: 'Naam',
      role: 'Rol',
      birthYear: 'Geboortejaar',
      consent: 'Toestemming',
    },
    noMembers: 'Er zijn geen gezinsleden vastgelegd.',
    careMap: 'Zorgkaart',
    careMapIntro: 'Alle voorzieningen per gezinslid: wie helpt, waarmee en wat het kost.',
    showEnded: 'Toon ook beëindigde voorzieningen',
    wholeHousehold: 'Hele huishouden',
    unknownMember: 'Onbekend gezinslid',
    careMapCaption: (who: string) => `Voorzieningen voor ${who}`,
    noProvisions: 'Geen lopende voorzieningen.',
    noProvisionsAtAll: 'Er zijn geen voorzieningen vastgelegd.',
    provisionColumns: {
      domain: 'Domein',
      provider: 'Aanbieder',
      professional: 'Hulpverlener',
      goal: 'Doel',
      since: 'Sinds',
      hoursPerWeek: 'Uren per week',
      annualCost: 'Jaarkosten',
      costBasis: 'Kostenbasis',
    },
    ended: 'beëindigd',
    until: 't/m',
    costByCategory: 'Kosten per categorie',
    costByCategoryIntro: 'Jaarkosten van de lopende voorzieningen, per financieringsbron.',
    costByCategoryIntroAsOf: (date: string) =>
      `Jaarkosten van de voorzieningen die lopen op ${date}, per financieringsbron.`,
    costCaption: 'Jaarkosten per categorie',
    costColumns: {
      category: 'Categorie',
      annualCost: 'Jaarkosten',
    },
    total: 'Totaal',
    totalActive: 'Totaal lopende voorzieningen',
    chartLabel: (summary: string) => `Staafdiagram van de jaarkosten per categorie: ${summary}`,
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet.',
    link: 'Naar de huishoudens',
  },
  errors: {
    generic: 'Er ging iets mis bij het ophalen van de gegevens. Probeer het later opnieuw.',
    forbidden: 'U hebt geen toegang tot deze gegevens.',
    retry: 'Opnieuw proberen',
  },
  empty: '—',
  unknown: 'Onbekend',
  labels: {
    householdStatus: {
      referred: 'Aangemeld',
      intake: 'Intake',
      active: 'Actief',
      aftercare: 'Nazorg',
      closed: 'Afgesloten',
      dropped: 'Uitgevallen',
    },
    userRole: {
      director: 'Gezinsregisseur',
      professional: 'Hulpverlener',
      member: 'Gezinslid',
      analyst: 'Analist',
      team_lead: 'Teamleider',
      administrator: 'Beheerder',
    },
    memberRole: {
      parent: 'Ouder',
      child: 'Kind',
      other: 'Overig gezinslid',
    },
    consentStatus: {
      given: 'Gegeven',
      pending: 'Aangevraagd',
      refused: 'Geweigerd',
      withdrawn: 'Ingetrokken',
    },
    domain: {
      jeugd: 'Jeugd',
      wmo: 'Wmo',
      participatie: 'Participatie',
      schuldhulp: 'Schuldhulp',
      bijstand: 'Bijstand',
      bijzondere_bijstand: 'Bijzondere bijstand',
      beschermd_wonen: 'Beschermd wonen',
      zvw_ggz: 'GGZ (zorgverzekering)',
      uwv: 'UWV',
      niet_geindiceerd: 'Niet-geïndiceerd',
      wlz: 'Wlz',
      maatschappelijke_opvang: 'Maatschappelijke opvang',
    },
    costCategory: {
      gemeente: 'Gemeente (geïndiceerd)',
      niet_geindiceerd: 'Niet-geïndiceerd',
      uwv: 'UWV',
      zvw_ggz: 'GGZ (zorgverzekering)',
    },
    costBasis: {
      declared: 'Gedeclareerd',
      price_list: 'Prijslijst',
      estimate: 'Schatting',
    },
    referralSource: {
      gp: 'Huisarts',
      practice_nurse: 'Praktijkondersteuner',
      wmo: 'Wmo-loket',
      social_team: 'Sociaal team',
      youth_doctor: 'Jeugdarts',
      social_work: 'Maatschappelijk werk',
      other: 'Anders',
    },
  },
  months: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language module must have (same keys, any text). */
export type Messages = Widen<typeof nl>;

/** The language module in use. */
export const t: Messages = nl;
