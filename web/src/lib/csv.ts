import type { AnalyticsCell } from './types';

/**
 * Client-side CSV for the tables on the analyst dashboard (the analytics
 * endpoints have no `format` parameter). RFC 4180: comma-separated, CRLF line
 * ends, fields with a comma, quote or line break in double quotes.
 */

/** Characters that make a spreadsheet read a text cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One text cell, made safe for spreadsheets: a text starting with = + - @ (or
 * a tab or carriage return) gets a single quote in front, so it is shown as
 * text and never run as a formula. Numbers are not touched (a negative amount
 * stays a number).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: null → empty, numbers as is, text neutralised and quoted when needed. */
export function csvField(value: AnalyticsCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table: a header row, then one line per row in column order. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, AnalyticsCell>>[],
  headers: readonly string[] = columns,
): string {
  const lines = [headers.map((h) => csvField(h)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Offers `csv` as a file download (Blob + temporary anchor). A byte-order mark
 * goes first so spreadsheet programs read the text as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the browser reads the blob after the click has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
