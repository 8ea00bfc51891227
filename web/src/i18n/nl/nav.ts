// Dutch texts: nav. Part of the messages in ../nl.ts (key `nav`).

export const nav = {
  households: 'Huishoudens',
  businessCase: 'Businesscase',
  analytics: 'Analyse',
  priceList: 'Prijslijst',
  outcomes: 'Uitkomsten',
  caseload: 'Caseload',
  messages: 'Berichten',
  own: 'Ons gezin',
  accounts: 'Accounts',
  work: 'Mijn werk',
  myWork: 'Mijn werk',
  team: 'Gezinnen van het team',
  funnel: 'Instroom',
} as const;
