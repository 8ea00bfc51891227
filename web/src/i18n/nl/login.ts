// Dutch texts: login. Part of the messages in ../nl.ts (key `login`).

export const login = {
  title: 'Inloggen',
  intro: 'Log in met uw gebruikersnaam en wachtwoord.',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  submit: 'Inloggen',
  submitting: 'Bezig met inloggen…',
  errorInvalid: 'De gebruikersnaam of het wachtwoord is onjuist.',
  errorThrottled: 'Te veel mislukte pogingen. Wacht even en probeer het daarna opnieuw.',
  errorRequired: 'Vul uw gebruikersnaam en wachtwoord in.',
  errorGeneric: 'Inloggen is niet gelukt. Probeer het later opnieuw.',
  signedOut: 'U bent uitgelogd.',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  code: 'Code uit de app',
  codeHint: 'De 6 cijfers die uw authenticator-app nu toont.',
  codeNeeded: 'Uw wachtwoord is goed. Vul nu de code uit uw authenticator-app in.',
  errorCode: 'De code is onjuist of al gebruikt. Wacht op de volgende code en probeer het opnieuw.',
  errorCodeRequired: 'Vul de 6 cijfers uit uw authenticator-app in.',
  errorNoSecondFactor:
    'Voor dit account is nog geen authenticator-app ingesteld. Vraag de beheerder om dat te doen.',
} as const;
