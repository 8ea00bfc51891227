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
  errorUseProvider: 'Medewerkers loggen in met het account van hun organisatie. Gebruik de knop hierboven.',
  providersTitle: 'Inloggen met een ander account',
  withProvider: (name: string) => `Inloggen met ${name}`,
  providerStaffHint: 'Voor medewerkers: met het account van uw organisatie.',
  providerCitizenHint: 'Voor gezinsleden: met uw DigiD.',
  passwordTitle: 'Inloggen met gebruikersnaam en wachtwoord',
  errorProvider: 'De inlogdienst is nu niet bereikbaar. Probeer het later opnieuw.',
  back: {
    title: 'Bezig met inloggen',
    busy: 'Een ogenblik, we controleren uw gegevens…',
    failedTitle: 'Inloggen is niet gelukt',
    failed: 'Het inloggen is niet gelukt of duurde te lang. Probeer het opnieuw.',
    cancelled: 'U heeft het inloggen afgebroken.',
    unknownPerson:
      'U bent ingelogd bij uw organisatie, maar u heeft nog geen toegang tot Regie. Vraag de beheerder van Regie om een account.',
    noMember:
      'Wij kunnen u niet vinden als gezinslid in Regie. Heeft u een gezinsregisseur? Neem dan contact met hem of haar op.',
    tooYoung: 'U bent te jong om zelf in te loggen. Uw ouder of verzorger kan de gegevens van het gezin bekijken.',
    unavailable: 'De inlogdienst is nu niet bereikbaar. Probeer het later opnieuw.',
    again: 'Terug naar inloggen',
  },
} as const;
