// The second factor in browser tests: RFC 6238 codes (HMAC-SHA-1, 30 s, 6
// digits) from the base32 secret `regie demo` prints, as an authenticator app
// computes them. The server accepts each time step once (and the next step
// early), so codes() hands out a new step per sign-in and waits when needed.
import crypto from 'node:crypto';

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpAt(base32Secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(base32Secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** The secret of an otpauth:// URI. */
export function secretOfUri(uri) {
  const m = /[?&]secret=([A-Z2-7]+)/i.exec(uri);
  if (!m) throw new Error(`no secret in ${uri}`);
  return m[1];
}

/** A code source that never repeats a time step for one user. */
export function codes() {
  const last = new Map();
  return async (user, base32Secret) => {
    let step = Math.floor(Date.now() / 30_000);
    if (last.has(user) && step <= last.get(user)) step = last.get(user) + 1;
    while (step > Math.floor(Date.now() / 30_000) + 1) await new Promise((r) => setTimeout(r, 500));
    last.set(user, step);
    return totpAt(base32Secret, step);
  };
}
