import { t } from '../i18n/nl';

/**
 * Money is kept as integer cents everywhere. The only division happens here,
 * for display, and it is an exact integer division (no floating-point sums).
 */

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) {
    throw new TypeError(`bedrag moet een geheel aantal centen zijn: ${cents}`);
  }
}

/** Whole euros, rounded half away from zero, computed with integer arithmetic. */
export function centsToWholeEuros(cents: number): number {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100 + (rest >= 50 ? 1 : 0);
  return cents < 0 ? -euros : euros;
}

const wholeEuroFormat = new Intl.NumberFormat(t.locale, {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/**
 * Formats integer cents as whole euros in Dutch notation, e.g.
 * 1234567 → "€ 12.346" (with a non-breaking space after the euro sign).
 */
export function formatEuros(cents: number): string {
  return wholeEuroFormat.format(centsToWholeEuros(cents));
}

/**
 * Formats integer cents exactly, e.g. 1234567 → "€ 12.345,67".
 * The euro part is formatted as an integer and the cents are appended, so no
 * fractional number is ever created.
 */
export function formatEurosExact(cents: number): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100;
  // -0 keeps the minus sign for amounts between -1 and -99 cents.
  const euroText = wholeEuroFormat.format(cents < 0 ? -euros : euros);
  return `${euroText},${String(rest).padStart(2, '0')}`;
}

/** Sum of integer cents; throws rather than silently losing precision. */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    assertCents(v);
    total += v;
  }
  assertCents(total);
  return total;
}

/**
 * Formats an amount that is already a whole number of euros (the server's
 * report tables), e.g. -49416 → "€ -49.416".
 */
export function formatWholeEuros(euros: number): string {
  if (!Number.isSafeInteger(euros)) {
    throw new TypeError(`bedrag moet een geheel aantal euro's zijn: ${euros}`);
  }
  return wholeEuroFormat.format(euros);
}

/** Whole euros when the amount has no cents ("€ 70"), else exact ("€ 70,50"). */
export function formatEurosCompact(cents: number): string {
  assertCents(cents);
  return cents % 100 === 0 ? formatEuros(cents) : formatEurosExact(cents);
}

/**
 * Reads an amount in euros as typed by a person and returns integer cents, or
 * null when it is not a non-negative amount. Accepts Dutch notation
 * ("8.000", "8.000,50", "15000,5") and a decimal point with one or two
 * decimals ("8000.50"); an optional "€" and spaces are ignored. No
 * floating-point arithmetic is used.
 */
export function parseEuroInput(text: string): number | null {
  const s = text.replace(/[€\s\u00a0]/g, '');
  let euros: string;
  let fraction = '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})?$/.exec(s))) {
    euros = (m[1] ?? '').replace(/\./g, '');
    fraction = m[2] ?? '';
  } else if ((m = /^(\d+)\.(\d{1,2})$/.exec(s))) {
    euros = m[1] ?? '';
    fraction = m[2] ?? '';
  } else if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) {
    euros = s.replace(/\./g, '');
  } else if (/^\d+$/.test(s)) {
    euros = s;
  } else {
    return null;
  }
  const cents = Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Integer cents as a plain decimal for a URL: 800000 → "8000", 7050 → "70.50". */
export function centsToDecimal(cents: number): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100;
  const sign = cents < 0 ? '-' : '';
  return rest === 0 ? `${sign}${euros}` : `${sign}${euros}.${String(rest).padStart(2, '0')}`;
}

/** total / count in integer cents, rounded half away from zero. */
export function divideCents(total: number, count: number): number {
  assertCents(total);
  if (!Number.isSafeInteger(count) || count <= 0) {
    throw new RangeError(`ongeldig aantal: ${count}`);
  }
  const abs = Math.abs(total);
  const rest = abs % count;
  const quotient = (abs - rest) / count + (rest * 2 >= count ? 1 : 0);
  return total < 0 ? -quotient : quotient;
}
