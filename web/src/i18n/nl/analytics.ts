// Dutch texts: analytics. Part of the messages in ../nl.ts (key `analytics`).

export const analytics = {
  title: 'Analyse',
  intro:
    'Welke huishoudens kosten het meest, waar stapelt de ondersteuning zich op, en hoeveel kan gezinsregie besparen als elk huishouden in de doelgroep het resultaat van de pilot haalt?',
  form: {
    title: 'Selectie',
    year: 'Jaar',
    yearHint: 'Bijvoorbeeld 2019.',
    threshold: 'Grens doelgroep (euro per jaar)',
    thresholdHint: 'Huishoudens met jaarkosten vanaf dit bedrag horen bij de doelgroep.',
    date: 'Peildatum',
    dateHint: 'Voor stapeling, aanbieders en signalen. Standaard 31 december van het jaar.',
    potential: 'Voor het besparingspotentieel',
    t1: 'Meetmoment 1 (T1)',
    t2: 'Meetmoment 2 (T2)',
    directorCost: 'Kosten gezinsregisseur',
    fixedAmount: 'Vast bedrag per huishouden (euro)',
    fixedAmountHint: 'Alleen bij een vast bedrag. Bijvoorbeeld 8000.',
    submit: 'Toon analyse',
    reset: 'Standaardwaarden',
    invalidYear: 'Jaar: vul een jaartal in, bijvoorbeeld 2019.',
    invalidThreshold: 'Grens doelgroep: vul een heel bedrag in euro in, bijvoorbeeld 30000 of 30.000.',
    invalidDate: (field: string) => `${field}: vul een datum in.`,
    invalidFixedAmount: 'Vast bedrag: vul een bedrag in euro in, bijvoorbeeld 8000 of 8.000,00.',
    errorTitle: 'De analyse kon niet worden gemaakt.',
    checkField: (field: string) => `Controleer “${field}”.`,
    serverSaid: 'Melding van de server:',
  },
  forbidden: 'U hebt geen toegang tot de analyses. Ze zijn er voor analisten, teamleiders en beheerders.',
  loading: 'Bezig met berekenen…',
  loadError: 'Deze tabel kon niet worden opgehaald.',
  empty: 'Geen huishoudens in deze selectie.',
  downloadCsv: 'Download CSV',
  downloadOf: (what: string) => `van ${what}`,
  pseudonymNote:
    'Huishoudens staan hier alleen onder een pseudoniem (HH- en een code). U ziet geen huishoudnummers, namen of toelichtingen.',
  pareto: {
    title: 'Pareto: kosten per huishouden',
    intro: (year: string) =>
      `Huishoudens ingedeeld naar hun jaarkosten in ${year} voor gemeentelijke geïndiceerde voorzieningen (Jeugd, Wmo, bijstand en bijzondere bijstand; beschermd wonen telt niet mee).`,
    caption: 'Huishoudens, cliënten, voorzieningen en kosten per kostenklasse, met het totaal en de doelgroep',
    columns: {
      bin: 'Jaarkosten per huishouden',
      households: 'Huishoudens',
      clients: 'Cliënten',
      avgClients: 'Gem. cliënten',
      avgProvisions: 'Gem. voorzieningen',
      pctHouseholds: '% huishoudens',
      pctCost: '% kosten',
      avgCost: 'Gem. kosten',
      totalCost: 'Totale kosten',
    },
    bins: {
      total: 'Totaal',
      target: (amount: string) => `Doelgroep (${amount} of meer)`,
      below: (amount: string) => `Minder dan ${amount}`,
      between: (from: string, to: string) => `${from} tot ${to}`,
      atLeast: (amount: string) => `${amount} of meer`,
    },
    chartTitle: 'Aandeel in huishoudens en in kosten per kostenklasse',
    seriesHouseholds: '% huishoudens',
    seriesCost: '% kosten',
    chartLabel: (summary: string) =>
      `Staafdiagram van het aandeel huishoudens en het aandeel kosten per kostenklasse: ${summary}. Dezelfde cijfers staan in de tabel.`,
    chartItem: (bin: string, households: string, cost: string) =>
      `${bin}: ${households} van de huishoudens, ${cost} van de kosten`,
    targetSummary: (households: string, pctHouseholds: string, pctCost: string, amount: string) =>
      `De doelgroep (jaarkosten van ${amount} of meer) telt ${households}: ${pctHouseholds} van de huishoudens, samen goed voor ${pctCost} van de kosten.`,
  },
  targets: {
    title: 'Doelgroep',
    intro: (amount: string, year: string, date: string) =>
      `Huishoudens met jaarkosten van ${amount} of meer in ${year}, van hoog naar laag. Signalen gelden op ${date}.`,
    caption: 'Huishoudens in de doelgroep met jaarkosten, cliënten, voorzieningen, aanbieders, domeinen en signalen',
    columns: {
      rank: 'Rang',
      pseudonym: 'Pseudoniem',
      neighbourhood: 'Wijk',
      yearlyCost: 'Jaarkosten',
      clients: 'Cliënten',
      provisions: 'Voorzieningen',
      providers: 'Aanbieders',
      domains: 'Domeinen',
      signals: 'Signalen',
    },
    noSignals: 'Geen',
  },
  stacking: {
    title: 'Stapeling per wijk',
    intro: (date: string) =>
      `Huishoudens met 3 of meer lopende voorzieningen in Wmo, Jeugd, participatie en schuldhulp op ${date}, per wijk.`,
    caption: 'Per wijk: huishoudens, huishoudens met stapeling en hun aandeel',
    columns: {
      neighbourhood: 'Wijk',
      households: 'Huishoudens',
      stacked: 'Met stapeling',
      pct: '% met stapeling',
    },
    total: 'Totaal',
  },
  providers: {
    title: 'Aanbieders per wijk',
    intro: (date: string) => `Verschillende aanbieders van lopende Jeugd- en Wmo-voorzieningen op ${date}, per wijk.`,
    caption: 'Aantal verschillende aanbieders per wijk',
    columns: {
      neighbourhood: 'Wijk',
      providers: 'Aanbieders',
    },
    total: 'Totaal (verschillende aanbieders)',
    totalNote: 'Een aanbieder die in meer wijken werkt, telt in het totaal één keer.',
  },
  potential: {
    title: 'Besparingspotentieel',
    caption: 'Huishoudens in de doelgroep, netto besparing per huishouden en besparingspotentieel',
    formula: 'Huishoudens in de doelgroep × netto besparing per huishouden = besparingspotentieel',
    households: 'Huishoudens in de doelgroep',
    perHousehold: 'Netto besparing per huishouden',
    total: 'Besparingspotentieel',
    everyOf: (n: number) => (n === 1 ? 'het ene huishouden' : `elk van de ${n} huishoudens`),
    sentenceDown: (who: string, amount: string, perHousehold: string, t1: string, t2: string) =>
      `Als ${who} in de doelgroep dezelfde netto besparing haalt als gemiddeld in de businesscase tussen ${t1} en ${t2} (${perHousehold} per huishouden, na aftrek van de kosten van de gezinsregisseur), dalen de kosten met ${amount}.`,
    sentenceUp: (who: string, amount: string, perHousehold: string, t1: string, t2: string) =>
      `Als ${who} in de doelgroep hetzelfde resultaat haalt als gemiddeld in de businesscase tussen ${t1} en ${t2}, stijgen de kosten met ${amount} (${perHousehold} per huishouden meer, inclusief de kosten van de gezinsregisseur).`,
    sentenceZero: (who: string, t1: string, t2: string) =>
      `Als ${who} in de doelgroep hetzelfde resultaat haalt als gemiddeld in de businesscase tussen ${t1} en ${t2}, veranderen de kosten niet.`,
    caution:
      'Dit is een aanname, geen meting: de huishoudens van de pilot laten niet zien dat elk huishouden in de doelgroep dit resultaat haalt.',
    negativeNote: 'Een negatief bedrag is een besparing.',
    assumption: 'Op welke aanname rust dit bedrag?',
    assumptionText: (perHousehold: string, t1: string, t2: string) =>
      `Aangenomen is dat elk huishouden in de doelgroep dezelfde netto besparing per huishouden haalt als gemiddeld in de businesscase tussen ${t1} en ${t2}: ${perHousehold}. Een negatief bedrag betekent dat de kosten dalen.`,
  },
  signals: {
    stacking: 'Stapeling (3+ voorzieningen)',
    one_provider_several_members: 'Eén aanbieder voor meerdere gezinsleden',
    several_ggz_providers: 'Meerdere GGZ-aanbieders voor één persoon',
    many_providers: '10 of meer aanbieders',
  },
} as const;
