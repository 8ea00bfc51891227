// Dutch texts: header. Part of the messages in ../nl.ts (key `header`).

export const header = {
  signedInAs: 'Ingelogd als',
  signOut: 'Uitloggen',
  signingOut: 'Bezig met uitloggen…',
} as const;
