// Dutch texts: notFound. Part of the messages in ../nl.ts (key `notFound`).

export const notFound = {
  title: 'Pagina niet gevonden',
  text: 'Deze pagina bestaat niet.',
  link: 'Naar de huishoudens',
} as const;
