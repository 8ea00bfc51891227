// Dutch texts: priceList. Part of the messages in ../nl.ts (key `priceList`).

export const priceList = {
  title: 'Prijslijst',
  intro:
    'De sociale prijslijst: de prijs per eenheid waarmee niet-geïndiceerde ondersteuning en schattingen worden berekend.',
  versionsNote:
    'Een nieuwe versie geldt vanaf haar datum; eerdere momentopnamen houden de oude prijs.',
  caption: 'Alle versies van de prijslijst met code, naam, eenheid, bedrag en datum van ingang',
  loading: 'Bezig met laden…',
  loadError: 'De prijslijst kon niet worden opgehaald.',
  empty: 'De prijslijst is nog leeg.',
  columns: {
    code: 'Code',
    name: 'Naam',
    unit: 'Eenheid',
    amount: 'Bedrag',
    validFrom: 'Geldig vanaf',
  },
  readOnly: 'Alleen een beheerder kan versies toevoegen.',
  form: {
    title: 'Versie toevoegen',
    code: 'Code',
    codeHint: 'Bijvoorbeeld MW-01. Gebruik een bestaande code voor een nieuwe prijs van dezelfde dienst.',
    name: 'Naam',
    unit: 'Eenheid',
    amount: 'Bedrag (euro)',
    amountHint: 'Per eenheid, bijvoorbeeld 85,50.',
    validFrom: 'Geldig vanaf',
    submit: 'Versie toevoegen',
    saved: (code: string, date: string) => `Opgeslagen: ${code} geldt vanaf ${date}.`,
    errorTitle: 'Niet opgeslagen.',
    serverSaid: 'Melding van de server:',
    required: (field: string) => `${field}: vul dit veld in.`,
    invalidAmount: 'Bedrag: vul een bedrag in euro in, bijvoorbeeld 85,50.',
    invalidDate: 'Geldig vanaf: vul een datum in.',
    invalidUnit: 'Eenheid: kies een eenheid uit de lijst.',
    conflict: (code: string, date: string) =>
      `Voor ${code} bestaat al een versie die geldt vanaf ${date}. Kies een andere datum.`,
    forbidden: 'Alleen een beheerder kan de prijslijst aanvullen.',
  },
} as const;
