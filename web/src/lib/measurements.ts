import { t } from '../i18n/nl';
import { formatDecimal1 } from './format';
import type {
  FilledBy,
  Measurement,
  OutcomeTable,
  Questionnaire,
  QuestionnaireGroup,
  QuestionnaireItem,
} from './types';

const m = t.measurements;

// --- answers, missing items and scores ---------------------------------------------

/** The answer to one item, or null when it has not been answered (never 0). */
export function answerValue(measurement: Pick<Measurement, 'answers'>, key: string): number | null {
  const v = measurement.answers?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An answer as text: the choice's label, the number, or "nog niet ingevuld". */
export function answerText(item: Pick<QuestionnaireItem, 'choices'>, value: number | null): string {
  if (value === null) return m.notAnswered;
  const choice = item.choices.find((c) => c.value === value);
  return choice ? choice.label : String(value);
}

/** A score with one decimal as the server rounded it; a missing score is "nog niet ingevuld". */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return m.notAnswered;
  return formatDecimal1(value);
}

export function allItems(q: Pick<Questionnaire, 'groups'>): QuestionnaireItem[] {
  return (q.groups ?? []).flatMap((g) => g.items ?? []);
}

/**
 * The parts shown one at a time while filling in. Instruments without
 * dimensions (ICECAP-A, the general questions) come as one item per group:
 * they are shown together as one part.
 */
export function displayGroups(q: Pick<Questionnaire, 'key' | 'title' | 'groups'>): QuestionnaireGroup[] {
  const groups = (q.groups ?? []).filter((g) => (g.items ?? []).length > 0);
  if (groups.length > 1 && groups.every((g) => g.items.length === 1)) {
    return [{ key: q.key, label: q.title, items: groups.flatMap((g) => g.items) }];
  }
  return groups;
}

/**
 * How many items are still open. The server's `missing` list counts when it
 * is there; otherwise the items without an answer are counted.
 */
export function missingCount(
  measurement: Pick<Measurement, 'answers' | 'missing'>,
  q?: Pick<Questionnaire, 'groups'>,
): number {
  if (Array.isArray(measurement.missing)) return measurement.missing.length;
  if (!q) return 0;
  return allItems(q).filter((item) => answerValue(measurement, item.key) === null).length;
}

export interface Progress {
  answered: number;
  total: number;
}

export function groupProgress(group: QuestionnaireGroup, measurement: Pick<Measurement, 'answers'>): Progress {
  const answered = group.items.filter((i) => answerValue(measurement, i.key) !== null).length;
  return { answered, total: group.items.length };
}

export function totalProgress(q: Pick<Questionnaire, 'groups'>, measurement: Pick<Measurement, 'answers'>): Progress {
  const items = allItems(q);
  const answered = items.filter((i) => answerValue(measurement, i.key) !== null).length;
  return { answered, total: items.length };
}

/** The first part with an open item (where someone continues); 0 when all are answered. */
export function firstOpenGroup(groups: readonly QuestionnaireGroup[], measurement: Pick<Measurement, 'answers'>): number {
  const i = groups.findIndex((g) => g.items.some((item) => answerValue(measurement, item.key) === null));
  return i < 0 ? 0 : i;
}

const indexFormat = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

const isIcecap = (instrument: string) => instrument.startsWith('icecap');

/**
 * The ICECAP-A capability index as text, or null: for instruments without
 * one, and when the server sent none (no tariff file), where the levels
 * stand in for it (see `icecapLevels`).
 */
export function indexText(measurement: Pick<Measurement, 'instrument' | 'index'>): string | null {
  if (!isIcecap(measurement.instrument)) return null;
  const v = measurement.index;
  return typeof v === 'number' && Number.isFinite(v) ? m.index(indexFormat.format(v)) : null;
}

export interface IcecapLevels {
  /** Per attribute its name and chosen level, in the questionnaire's order. */
  levels: string;
  /** The sum of the levels with its range; null until every attribute is answered, as a part sum would look low. */
  sum: string | null;
  note: string;
}

/**
 * Without the index an ICECAP-A measurement still says something: the level
 * of each attribute and their plain sum. Null for other instruments, and when
 * the index itself is there.
 */
export function icecapLevels(
  measurement: Pick<Measurement, 'instrument' | 'index' | 'answers'>,
  q: Pick<Questionnaire, 'groups' | 'index_tariff'> | undefined,
): IcecapLevels | null {
  if (!isIcecap(measurement.instrument) || indexText(measurement) !== null || !q) return null;
  const items = allItems(q);
  if (items.length === 0) return null;
  const values = items.map((item) => answerValue(measurement, item.key));
  const levels = items.map((item, i) => m.level(item.label, values[i] ?? null)).join(', ');
  const min = items.reduce((s, i) => s + i.min, 0);
  const max = items.reduce((s, i) => s + i.max, 0);
  const complete = values.every((v): v is number => v !== null);
  const sum = complete ? m.levelSum(values.reduce((s, v) => s + v, 0), min, max) : null;
  const lowest = Math.min(...items.map((i) => i.min));
  const highest = Math.max(...items.map((i) => i.max));
  // With the tariff file the index only waits for the open attributes.
  const note = q.index_tariff ? m.indexPending : m.levelsNote(lowest, highest);
  return { levels, sum, note };
}

// --- moments -------------------------------------------------------------------------

/** "T2" → 2; anything else → Infinity (sorted last). */
export function momentNumber(moment: string): number {
  const match = /^T(\d+)$/i.exec(moment.trim());
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

export function compareMoments(a: string, b: string): number {
  const d = momentNumber(a) - momentNumber(b);
  if (d !== 0 && Number.isFinite(d)) return d;
  if (momentNumber(a) === momentNumber(b)) return a.localeCompare(b);
  return Number.isFinite(momentNumber(a)) ? -1 : 1;
}

/** Measurements in order: member, then moment, then instrument. */
export function sortMeasurements<T extends Pick<Measurement, 'moment' | 'instrument' | 'measured_on'>>(
  list: readonly T[],
): T[] {
  return [...list].sort(
    (a, b) =>
      compareMoments(a.moment, b.moment) ||
      a.instrument.localeCompare(b.instrument) ||
      a.measured_on.localeCompare(b.measured_on),
  );
}

/** The next moment for a member and instrument: T1 when there is none, else one after the highest. */
export function nextMoment(existing: readonly Pick<Measurement, 'moment' | 'instrument'>[], instrument: string): string {
  const used = existing
    .filter((x) => x.instrument === instrument)
    .map((x) => momentNumber(x.moment))
    .filter(Number.isFinite);
  return `T${used.length === 0 ? 1 : Math.max(...used) + 1}`;
}

/** Moments offered in the form: T1 up to at least T3, and always the next free one. */
export function momentOptions(existing: readonly Pick<Measurement, 'moment' | 'instrument'>[], instrument: string): string[] {
  const last = Math.max(3, momentNumber(nextMoment(existing, instrument)));
  return Array.from({ length: last }, (_, i) => `T${i + 1}`);
}

// --- instruments ---------------------------------------------------------------------

/**
 * Whether the child version fits: by birth year when it is known (under 18
 * this year), else by the family role. A grown-up "child" of the family
 * fills in the adult version.
 */
export function isMinor(member: { role: string; birth_year: number | null }, year = new Date().getFullYear()): boolean {
  if (typeof member.birth_year === 'number') return year - member.birth_year < 18;
  return member.role === 'child';
}

/**
 * Every questionnaire, the best fitting first: the ones the member already
 * has measurements with (for the next moment), then the ones for their age
 * group, then the rest (the director may still choose another).
 */
export function instrumentsFor(
  questionnaires: readonly Questionnaire[],
  minor: boolean,
  used: readonly string[] = [],
): Questionnaire[] {
  const audience = minor ? 'child' : 'adult';
  const rank = (q: Questionnaire) =>
    used.includes(q.key) ? 0 : q.audience === audience ? 1 : q.audience === 'all' ? 2 : 3;
  return questionnaires
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i)
    .map((x) => x.q);
}

/** Instruments drawn as a spider web: one score per dimension, at least three dimensions. */
export function isSpiderInstrument(q: Pick<Questionnaire, 'scoring' | 'scores'>): boolean {
  return q.scoring === 'group-mean' && q.scores.length >= 3;
}

/** The dimensions a wish for change can be linked to: of the member's own spider web, else the one for their age. */
export function wishDimensions(questionnaires: readonly Questionnaire[], minor: boolean, used: readonly string[] = []) {
  const own = instrumentsFor(questionnaires.filter(isSpiderInstrument), minor, used)[0];
  return own ? own.scores : [];
}

/** The label of a dimension key, looked up in every spider-web instrument; else the key. */
export function dimensionLabel(questionnaires: readonly Questionnaire[], key: string): string {
  for (const q of questionnaires) {
    const s = q.scores.find((x) => x.key === key);
    if (s) return s.label;
  }
  return key;
}

/** The range of a score: over the items of its group, or of the item itself. */
export function scoreRange(q: Pick<Questionnaire, 'groups'>, scoreKey: string): { min: number; max: number } {
  const group = q.groups.find((g) => g.key === scoreKey);
  const items = group ? group.items : allItems(q).filter((i) => i.key === scoreKey);
  if (items.length === 0) return { min: 0, max: 10 };
  return { min: Math.min(...items.map((i) => i.min)), max: Math.max(...items.map((i) => i.max)) };
}

/** How an item is answered on screen. */
export type ItemControl = 'scale' | 'faces' | 'cards' | 'number';

export function itemControl(q: Pick<Questionnaire, 'key'>, item: QuestionnaireItem): ItemControl {
  if (item.choices.length > 0) {
    const long = item.choices.some((c) => c.label.length > 40);
    // ICECAP-A levels are sentences: they are read, not tapped as a face.
    return q.key.startsWith('icecap') || long || item.choices.length > 7 ? 'cards' : 'faces';
  }
  return item.max - item.min <= 10 ? 'scale' : 'number';
}

/**
 * How happy a face looks, from -1 (sad) to 1 (happy), by the place of the
 * value in its range (the last choice is the best one).
 */
export function faceMood(item: Pick<QuestionnaireItem, 'choices'>, value: number): number {
  const values = item.choices.map((c) => c.value).sort((a, b) => a - b);
  const lo = values[0];
  const hi = values[values.length - 1];
  if (lo === undefined || hi === undefined || hi === lo) return 0;
  return ((value - lo) / (hi - lo)) * 2 - 1;
}

// --- server errors ----------------------------------------------------------------

/**
 * A 400 names every bad item. Splits the message into its parts and gives
 * each item the part that names it; items not named get nothing.
 */
export function itemErrors(message: string, keys: readonly string[]): Record<string, string> {
  const parts = message
    .split(/;|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Record<string, string> = {};
  // Longest keys first, so "x_10" is not taken for "x_1".
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  for (const part of parts) {
    for (const key of sorted) {
      const re = new RegExp(`(^|[^A-Za-z0-9_])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`);
      if (re.test(part)) {
        out[key] = out[key] ? `${out[key]}; ${part}` : part;
        break;
      }
    }
  }
  return out;
}

// --- outcome table ------------------------------------------------------------------

export interface OutcomeRow {
  instrument: string;
  item: string;
  improved: number | null;
  same: number | null;
  declined: number | null;
  persons: number | null;
  mean_change: number | null;
}

const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

/** The server's rows (arrays in `columns` order, or objects) as typed rows. */
export function outcomeRows(table: OutcomeTable | null | undefined): OutcomeRow[] {
  if (!table || !Array.isArray(table.rows)) return [];
  const cols = table.columns ?? [];
  return table.rows.map((row) => {
    const get = (name: string): unknown => {
      if (Array.isArray(row)) {
        const i = cols.indexOf(name);
        return i >= 0 ? row[i] : undefined;
      }
      return (row as Record<string, unknown>)[name];
    };
    return {
      instrument: String(get('instrument') ?? ''),
      item: String(get('item') ?? ''),
      improved: num(get('improved')),
      same: num(get('same')),
      declined: num(get('declined')),
      persons: num(get('persons')),
      mean_change: num(get('mean_change')),
    };
  });
}

const changeFormat = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** A change with its sign, as precise as the server sent it (up to 2 decimals): 1.5 → "+1,5", 0.63 → "+0,63", null → "—". */
export function formatChange(value: number | null): string {
  if (value === null) return t.empty;
  const text = changeFormat.format(value);
  return value > 0 && !text.startsWith('+') ? `+${text}` : text;
}

/** The Dutch name of a report item: a score label or item label from the questionnaire, else the key. */
export function outcomeItemLabel(questionnaires: readonly Questionnaire[], instrument: string, key: string): string {
  const q = questionnaires.find((x) => x.key === instrument);
  if (!q) return key;
  return (
    q.scores.find((s) => s.key === key)?.label ??
    q.groups.find((g) => g.key === key)?.label ??
    allItems(q).find((i) => i.key === key)?.label ??
    key
  );
}

export function instrumentTitle(questionnaires: readonly Questionnaire[], key: string): string {
  return questionnaires.find((q) => q.key === key)?.title || key;
}

export const FILLED_BY: readonly FilledBy[] = ['member', 'with_director', 'proxy'];

export const filledByLabel = (code: string) =>
  (m.filledBy as Record<string, string>)[code] ?? code;
export const measurementStatusLabel = (code: string) =>
  (m.status as Record<string, string>)[code] ?? code;

/** The member's instruments, most recent measurement first. */
export const latestFirst = (list: readonly Measurement[]) =>
  [...list].sort((a, b) => b.measured_on.localeCompare(a.measured_on)).map((x) => x.instrument);

/** Where the member's measurements are filled in. */
export const measurementPath = (householdId: string, measurementId: string) =>
  `/huishoudens/${encodeURIComponent(householdId)}/metingen/${encodeURIComponent(measurementId)}`;

/** When every question of a part is the same number scale, its explanation is given once for the part. */
export function sharedScaleOf(q: Questionnaire, group: QuestionnaireGroup): { min: number; max: number } | null {
  const first = group.items[0];
  if (!first || !group.items.every((i) => itemControl(q, i) === 'scale' && i.min === first.min && i.max === first.max)) return null;
  return { min: first.min, max: first.max };
}
