// Dutch texts: noAccess. Part of the messages in ../nl.ts (key `noAccess`).

export const noAccess = {
  title: 'Geen toegang',
  text: 'U mag deze pagina niet zien.',
  member: 'U ziet alleen uw eigen gezin.',
  link: 'Naar ons gezin',
  linkStaff: 'Naar de huishoudens',
} as const;
