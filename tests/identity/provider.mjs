#!/usr/bin/env node
// A real OpenID Connect provider on loopback for Regie's tests: one issuer
// for staff (as a municipality's Entra ID or Keycloak would be) and one as
// the DigiD broker, each with its own client and keys. Sign-in goes through
// the provider's own pages (oidc-provider's development interactions): the
// "login" typed there is the person's e-mail address (staff) or BSN (DigiD).
//
//   node provider.mjs DIR
//
// Writes the client secrets to DIR/staff.secret and DIR/citizen.secret and
// prints one JSON line with both issuers once they listen; stops on SIGTERM.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Provider from 'oidc-provider';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node provider.mjs DIR');
  process.exit(2);
}

function listen() {
  const server = http.createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function makeProvider(issuer, clientId, secret, claimsOf, claims) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `${clientId}-${Date.now()}`, use: 'sig', alg: 'RS256' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: secret,
        // A native client may come back to a loopback address on any port
        // (RFC 8252 7.3): each test's Regie listens on a port of its own.
        application_type: 'native',
        redirect_uris: ['http://127.0.0.1/inloggen/terug'],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...claimsOf(id) }) }),
    claims,
    // The claims go into the ID token itself, as Regie reads them there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  return provider;
}

const staffServer = await listen();
const citizenServer = await listen();
const staffIssuer = `http://127.0.0.1:${staffServer.address().port}`;
const citizenIssuer = `http://127.0.0.1:${citizenServer.address().port}`;
const staffSecret = crypto.randomBytes(24).toString('hex');
const citizenSecret = crypto.randomBytes(24).toString('hex');
fs.writeFileSync(path.join(dir, 'staff.secret'), `${staffSecret}\n`, { mode: 0o600 });
fs.writeFileSync(path.join(dir, 'citizen.secret'), `${citizenSecret}\n`, { mode: 0o600 });

const staff = makeProvider(staffIssuer, 'regie-staff', staffSecret,
  (login) => ({ email: login, email_verified: true, name: login }),
  { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] });
// The broker hands over the BSN in a claim of its own; its subject is a pseudonym.
const citizen = makeProvider(citizenIssuer, 'regie-digid', citizenSecret,
  (login) => ({ bsn: login }),
  { openid: ['sub', 'bsn'] });
staffServer.on('request', staff.callback());
citizenServer.on('request', citizen.callback());

process.stdout.write(`${JSON.stringify({ staff: staffIssuer, citizen: citizenIssuer })}\n`);
const stop = () => {
  staffServer.close();
  citizenServer.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
