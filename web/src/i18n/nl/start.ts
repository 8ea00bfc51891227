// Dutch texts: start. Part of the messages in ../nl.ts (key `start`).

export const start = {
  title: 'Mijn werk',
  intro: 'Wat er bij uw huishoudens moet gebeuren, en al uw huishoudens op een rij.',
  households: 'Mijn huishoudens',
  perYear: 'per jaar',
  signals: (list: string) => `Signalen: ${list}`,
  due: {
    title: 'Wat moet er gebeuren',
    none: 'Er staat nu niets open.',
    aftercare: (date: string) => `Nazorgcontact uiterlijk ${date}`,
    roundTable: (title: string, date: string) => `Rondetafel "${title}" op ${date}`,
    roundTablePlanning: (title: string, date: string) => `Rondetafel "${title}" nog inplannen, uiterlijk ${date}`,
    plan: 'Nog geen gezinsplan waar het gezin akkoord mee is',
    overdue: 'Te laat',
  },
} as const;
