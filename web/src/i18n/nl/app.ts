// Dutch texts: app. Part of the messages in ../nl.ts (key `app`).

export const app = {
  name: 'Regie',
  tagline: 'Integraal overzicht van zorg en ondersteuning per huishouden',
  skipLink: 'Direct naar de inhoud',
  mainNav: 'Hoofdmenu',
  footer: 'Regie — gezinsregie voor gemeenten',
  loading: 'Bezig met laden…',
  titleSuffix: 'Regie',
} as const;
