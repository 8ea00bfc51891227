// Dutch texts: outcomes. Part of the messages in ../nl.ts (key `outcomes`).

export const outcomes = {
  title: 'Uitkomsten',
  householdTitle: 'Uitkomsten van dit huishouden',
  intro:
    'Per onderdeel en vraag: bij hoeveel personen is de score van T1 naar T2 verbeterd, gelijk gebleven of verslechterd, en de gemiddelde verandering.',
  scopeAll: 'Alle huishoudens waarvan u gezinsregisseur bent.',
  scopeSome: (ids: string) => `Huishoudens: ${ids}.`,
  caption: 'Uitkomsten van T1 naar T2 per vragenlijst en onderdeel',
  householdCaption: 'Uitkomsten van T1 naar T2 van dit huishouden',
  columns: {
    instrument: 'Vragenlijst',
    item: 'Onderdeel of vraag',
    improved: 'Verbeterd',
    same: 'Gelijk',
    declined: 'Verslechterd',
    persons: 'Personen',
    meanChange: 'Gemiddelde verandering',
  },
  none: 'Nog geen personen met een meting op T1 en op T2.',
  loadError: 'De uitkomsten konden niet worden opgehaald.',
  forbidden: 'Alleen een gezinsregisseur ziet de uitkomsten van de eigen huishoudens.',
  downloads: 'Downloads',
  downloadCsv: 'Download CSV',
  downloadXlsx: 'Download Excel (XLSX)',
} as const;
