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
