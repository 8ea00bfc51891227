// Dutch texts: errors. Part of the messages in ../nl.ts (key `errors`).

export const errors = {
  generic: 'Er ging iets mis bij het ophalen van de gegevens. Probeer het later opnieuw.',
  forbidden: 'U hebt geen toegang tot deze gegevens.',
  retry: 'Opnieuw proberen',
} as const;
