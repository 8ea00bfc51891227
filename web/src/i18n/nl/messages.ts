// Dutch texts: messages. Part of the messages in ../nl.ts (key `messages`).

export const messages = {
  title: 'Berichten inlezen',
  intro:
    'Lees iJw- en iWmo-berichten (release 3.2) in: toewijzingen (301), start (305) en stop (307) van zorg en declaraties (323). Een bericht wordt helemaal of helemaal niet verwerkt.',
  form: 'Berichten inlezen',
  standard: 'Soort berichten',
  ijw: 'iJw (Jeugdwet)',
  iwmo: 'iWmo (Wmo)',
  files: 'Berichtbestanden (XML)',
  filesHint: 'U kunt meerdere bestanden kiezen. Toewijzingen worden eerst verwerkt.',
  submit: 'Inlezen',
  busy: 'Bezig met inlezen…',
  noFiles: 'Kies ten minste één XML-bestand.',
  results: 'Resultaat per bestand',
  imported: (message: string, count: number) =>
    `Ingelezen: ${message}, ${count === 1 ? '1 voorziening' : `${count} voorzieningen`} op de zorgkaart bijgewerkt.`,
  already: (message: string) => `Al eerder ingelezen: ${message}; er is niets gewijzigd.`,
  refused: 'Geweigerd, er is niets opgeslagen:',
  refusedRule: (rule: string, reason: string, where: string) =>
    `${
      rule === 'XSD'
        ? 'Geweigerd, het bestand volgt het schema van de standaard niet'
        : rule === 'XML'
          ? 'Geweigerd, het bestand is geen geldige XML'
          : rule === 'Regie'
            ? 'Geweigerd door een controle van Regie'
            : `Geweigerd volgens regel ${rule} van de standaard`
    }: ${reason}${where ? ` (bij ${where})` : ''}. Er is niets opgeslagen.`,
  warning: 'Let op:',
  readError: 'Het bestand kon niet worden gelezen.',
  history: 'Eerder aangeboden bestanden',
  historyIntro: 'Wie welk bestand wanneer heeft aangeboden, en wat ermee is gebeurd.',
  historyCaption: 'Aangeboden berichtbestanden, nieuwste eerst',
  historyEmpty: 'Er zijn nog geen bestanden aangeboden.',
  historyError: 'De eerder aangeboden bestanden konden niet worden geladen.',
  historyColumns: { at: 'Wanneer', by: 'Door', file: 'Bestand', outcome: 'Uitkomst' },
  providers: 'Aanbieders koppelen',
  providersIntro:
    'Deze aanbieders kent Regie alleen van hun AGB-code. Koppel ze één keer aan een organisatie; daarna staat op de zorgkaart de naam van die organisatie.',
  providerLabel: (name: string) => `Organisatie voor ${name}`,
  providerChoose: 'Kies een organisatie',
  providerLink: 'Koppelen',
  providerLinked: (name: string, org: string) => `${name} is gekoppeld aan ${org}.`,
  providerError: 'Koppelen is niet gelukt.',
  outcomeAccepted: 'Ingelezen',
  outcomeAlready: 'Al eerder ingelezen, niets gewijzigd',
  outcomeRefused: (rule: string) => (rule ? `Geweigerd (regel ${rule})` : 'Geweigerd'),
  forbidden: 'Alleen een beheerder kan berichten inlezen.',
} as const;
