// Dutch texts: businessCase. Part of the messages in ../nl.ts (key `businessCase`).

export const businessCase = {
  title: 'Maatschappelijke businesscase',
  intro:
    'Kosten van zorg en ondersteuning op meetmoment 1 (T1) en meetmoment 2 (T2), het verschil per huishouden en per categorie, en de besparing na aftrek van de kosten van de gezinsregisseur — opgebouwd zoals tabel 3, 4 en 5 van het evaluatierapport.',
  form: {
    title: 'Selectie en uitgangspunten',
    period: 'Meetmomenten',
    t1: 'Meetmoment 1 (T1)',
    t2: 'Meetmoment 2 (T2)',
    selection: 'Welke huishoudens',
    selectionHint: 'Laat leeg voor alle huishoudens waartoe u toegang hebt.',
    neighbourhood: 'Wijk (optioneel)',
    household: 'Huishouden-id (optioneel)',
    householdHint: 'De link "Businesscase van dit huishouden" op de pagina van een huishouden vult dit veld in.',
    directorCost: 'Kosten gezinsregisseur',
    modes: {
      norm: 'Norm (uren × weken × tarief)',
      fixed: 'Vast bedrag per huishouden',
      registered: 'Geregistreerde uren',
    },
    modeHints: {
      norm: '2,5 uur per week × 45 weken × het uurtarief.',
      fixed: 'Eén bedrag per huishouden, zoals het rapport (€ 8.000).',
      registered: 'De geschreven tijd (direct, indirect, reistijd) × het uurtarief, omgerekend naar een jaar.',
    },
    fixedAmount: 'Bedrag per huishouden (euro)',
    hourlyRate: 'Uurtarief gezinsregisseur (euro)',
    amountHint: 'Bijvoorbeeld 8000 of 8.000,00.',
    submit: 'Berekenen',
    reset: 'Standaardwaarden',
    invalidAmount: (field: string) =>
      `${field}: vul een bedrag in euro in, bijvoorbeeld 8000 of 8.000,00.`,
    required: (field: string) => `${field}: vul een datum in.`,
    checkField: (field: string) => `Controleer “${field}”.`,
    serverSaid: 'Melding van de server:',
    errorTitle: 'De businesscase kon niet worden berekend.',
  },
  loading: 'De businesscase wordt berekend…',
  forbidden: 'U hebt geen toegang tot de businesscase.',
  notFound: 'Dit huishouden bestaat niet of u hebt er geen toegang toe.',
  result: 'Resultaat',
  summary: (count: string, t1: string, t2: string) =>
    `${count}; meetmoment 1 op ${t1}, meetmoment 2 op ${t2}.`,
  summaryMode: (mode: string, rate: string) => `Kosten gezinsregisseur: ${mode}; uurtarief ${rate}.`,
  filterNeighbourhood: (name: string) => `Wijk: ${name}.`,
  filterHousehold: (name: string) => `Huishouden: ${name}.`,
  numberedHousehold: (n: number) => `Huishouden ${n}`,
  otherHousehold: 'Een huishouden buiten deze tabel',
  pseudonymised:
    'De huishoudens zijn gepseudonimiseerd: u ziet codes in plaats van huishoudnummers, en geen toelichtingen.',
  empty: 'Er zijn geen huishoudens met deze selectie.',
  downloads: 'Downloaden en afdrukken',
  downloadXlsx: 'Download Excel (XLSX)',
  downloadCsv: 'Download CSV',
  print: 'Afdrukken',
  table3: {
    title: 'Tabel 3. Kostenbesparing per huishouden',
    caption: 'Kosten per huishouden op T1 en T2, het verschil en het verschil in procenten',
    household: 'Huishouden',
    total: 'Totaal',
  },
  table4: {
    title: 'Tabel 4. Kosten per categorie en gemiddelde besparing per huishouden',
    caption:
      'Kosten per categorie op T1 en T2, het verschil, het verschil in procenten en het gemiddelde per huishouden met die categorie',
    category: 'Categorie',
    households: 'Aantal huishoudens',
    average: 'Gemiddeld per huishouden',
    averageNote:
      'Het gemiddelde per categorie is gedeeld door het aantal huishoudens dat kosten in die categorie heeft.',
    total: 'Totaal',
  },
  table5: {
    title: 'Tabel 5. Besparing na aftrek van de kosten van de gezinsregisseur',
    caption: 'Verschil in kosten van ondersteuning, kosten gezinsregisseur en saldo, totaal en per huishouden',
    item: 'Onderdeel',
    total: 'Totale kosten',
    perHousehold: 'Gemiddeld per huishouden',
    rows: {
      support_cost_difference: 'Verschil kosten ondersteuning',
      director_cost: 'Kosten gezinsregisseur',
      net: 'Saldo',
    },
    note: 'Een negatief bedrag is een besparing.',
  },
  columns: {
    t1: 'Meetmoment 1 (T1)',
    t2: 'Meetmoment 2 (T2)',
    difference: 'Verschil T1 en T2',
    differencePct: '% verschil',
  },
  chart: {
    title: 'Kosten per categorie op T1 en T2',
    seriesT1: (date: string) => `T1 (${date})`,
    seriesT2: (date: string) => `T2 (${date})`,
    label: (summary: string) =>
      `Staafdiagram van de kosten per categorie op meetmoment 1 en meetmoment 2: ${summary}. Dezelfde bedragen staan in tabel 4.`,
    item: (category: string, t1: string, t2: string) => `${category}: T1 ${t1}, T2 ${t2}`,
  },
  director: {
    title: 'Kosten gezinsregisseur: hoe berekend',
    used: 'Gebruikt in deze businesscase',
    norm: 'Norm uit uren',
    difference: 'Verschil met de norm',
    usedFixed: (amount: string) => `Vast bedrag: ${amount} per huishouden`,
    usedNorm: (amount: string) => `Norm: ${amount} per huishouden`,
    usedRegistered: (total: string, average: string) =>
      `Geregistreerde uren: ${total} in totaal, gemiddeld ${average} per huishouden`,
    normFormula: (hours: string, weeks: string, rate: string, amount: string) =>
      `${hours} uur per week × ${weeks} weken × ${rate} per uur = ${amount} per huishouden`,
    differenceMore: (amount: string) => `${amount} per huishouden meer dan de norm`,
    differenceLess: (amount: string) => `${amount} per huishouden minder dan de norm`,
    differenceNone: 'Geen: het gebruikte bedrag is gelijk aan de norm',
    reportRounding: (norm: string) =>
      `Het evaluatierapport rekent met € 8.000 per huishouden: de norm van ${norm} afgerond. Hier ziet u welk bedrag is gebruikt en hoeveel het van de norm afwijkt.`,
    registeredTime: 'Geregistreerde tijd in de periode',
    registeredNote:
      'Alleen tijd voor direct cliëntcontact, indirect cliëntgebonden werk en reistijd telt mee; projecttijd niet.',
    totalLabel: 'Totaal kosten gezinsregisseur',
    totalText: (amount: string, count: string) => `${amount} voor ${count}`,
  },
  virtual: {
    title: 'Virtuele besparingen',
    notIncludedStrong: 'Niet meegeteld in de besparingen hierboven.',
    notIncluded:
      'Virtuele besparingen zijn kosten van duurdere zorg die door de inzet van de gezinsregisseur is voorkomen, zoals een uithuisplaatsing of een huisuitzetting. Ze zijn geschat, niet gemeten, en staan daarom los van tabel 3, 4 en 5.',
    caption: 'Virtuele besparingen per huishouden',
    household: 'Huishouden',
    kind: 'Wat is voorkomen',
    amount: 'Geschat bedrag',
    note: 'Toelichting',
    recordedOn: 'Vastgelegd op',
    total: 'Totaal virtuele besparingen',
    none: 'Er zijn geen virtuele besparingen vastgelegd voor deze huishoudens.',
  },
} as const;
