import { t } from '../i18n/nl';

type LabelTable = Readonly<Record<string, string>>;

function lookup(table: LabelTable, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return t.empty;
  return Object.prototype.hasOwnProperty.call(table, code) ? (table[code] ?? code) : code;
}

export const householdStatusLabel = (code: string | null | undefined) =>
  lookup(t.labels.householdStatus, code);
export const userRoleLabel = (code: string | null | undefined) => lookup(t.labels.userRole, code);
export const memberRoleLabel = (code: string | null | undefined) =>
  lookup(t.labels.memberRole, code);
export const consentStatusLabel = (code: string | null | undefined) =>
  lookup(t.labels.consentStatus, code);
export const domainLabel = (code: string | null | undefined) => lookup(t.labels.domain, code);
export const costCategoryLabel = (code: string | null | undefined) =>
  lookup(t.labels.costCategory, code);
export const costBasisLabel = (code: string | null | undefined) => lookup(t.labels.costBasis, code);
export const timeKindLabel = (code: string | null | undefined) => lookup(t.labels.timeKind, code);
export const virtualSavingKindLabel = (code: string | null | undefined) =>
  lookup(t.labels.virtualSavingKind, code);
export const directorCostModeLabel = (code: string | null | undefined) =>
  lookup(t.labels.directorCostMode, code);
export const referralSourceLabel = (code: string | null | undefined) =>
  lookup(t.labels.referralSource, code);

/** The order in which cost categories are shown. */
export const COST_CATEGORY_ORDER = [
  'gemeente',
  'niet_geindiceerd',
  'uwv',
  'zvw_ggz',
  'wlz',
  'zvw_eerstelijn',
  'onderwijs',
  'informeel',
] as const;

/** Kinds of time a director can write on a household (project time is not per household). */
export const TIME_KINDS = ['direct', 'indirect', 'travel'] as const;

/** Kinds of virtual saving, in the order offered. */
export const VIRTUAL_SAVING_KINDS = [
  'out_of_home_placement',
  'eviction',
  'crisis_admission',
  'police_intervention',
  'other',
] as const;

/** Visual tone of a household status badge (NL Design System status badge). */
export function householdStatusTone(code: string): 'active' | 'neutral' | 'warning' | 'inactive' {
  switch (code) {
    case 'active':
      return 'active';
    case 'referred':
    case 'intake':
      return 'warning';
    case 'aftercare':
      return 'neutral';
    default:
      return 'inactive';
  }
}

export const priceUnitLabel = (code: string | null | undefined) => lookup(t.labels.priceUnit, code);

/** Price units, in the order offered. */
export const PRICE_UNITS = ['intervention', 'hour', 'month', 'year'] as const;

export const signalLabel = (code: string | null | undefined) => lookup(t.labels.signal, code);
export const signalShortLabel = (code: string | null | undefined) => lookup(t.labels.signalShort, code);
export const signalExplanation = (code: string | null | undefined) =>
  lookup(t.labels.signalExplanation, code);
export const dropReasonLabel = (code: string | null | undefined) => lookup(t.labels.dropReason, code);
export const timelineKindLabel = (code: string | null | undefined) =>
  lookup(t.labels.timelineKind, code);

/** The six stacking signals, in the order offered in filters. */
export const SIGNAL_CODES = [
  'stacking',
  'several_plans',
  'one_provider_several_members',
  'several_ggz_providers',
  'many_professionals',
  'overlapping_coaching',
] as const;

/** Reasons a household drops out, in the order offered. */
export const DROP_REASONS = ['not_needed', 'no_consent', 'withdrew', 'outside_area', 'moved_away'] as const;

/** The workflow of a household; "dropped" can follow any step before "closed". */
export const STATUS_PIPELINE = ['referred', 'intake', 'active', 'aftercare', 'closed'] as const;

/** Domains offered in the provision form. */
export const PROVISION_DOMAINS = [
  'jeugd',
  'wmo',
  'participatie',
  'schuldhulp',
  'bijstand',
  'bijzondere_bijstand',
  'beschermd_wonen',
  'zvw_ggz',
  'uwv',
  'niet_geindiceerd',
  'wlz',
  'maatschappelijke_opvang',
  'zvw_huisarts',
  'zvw_wijkverpleging',
  'zvw_paramedisch',
  'leerplicht',
  'school_maatschappelijk_werk',
  'passend_onderwijs',
  'mantelzorg',
  'vrijwilligers',
] as const;

/** Cost bases offered for an annual amount. */
export const COST_BASES = ['declared', 'price_list', 'estimate'] as const;

export const instrumentLabel = (code: string | null | undefined) => lookup(t.labels.instrument, code);

/**
 * A measurement on the household timeline in words. The server sends
 * "instrument moment member-id" (e.g. "positive_health T3 BZHH01-M1"); the
 * member is named from the household's own members.
 */
export function measurementEventText(
  detail: string,
  members: readonly { id: string; given_name: string; family_name: string }[],
): string {
  const [instrument = '', moment = '', memberId = ''] = detail.trim().split(/\s+/);
  const m = members.find((x) => x.id === memberId);
  const who = m ? [m.given_name, m.family_name].filter(Boolean).join(' ') : null;
  return t.labels.measurementEvent(instrumentLabel(instrument), moment, who);
}

/** Who did something: the display name, never the user name of the account. */
export function personLabel(displayName: string | null | undefined): string {
  return displayName && displayName.trim() ? displayName.trim() : t.labels.someone;
}

/**
 * A server message (English, a machine contract) in Dutch, for the messages
 * people meet in the forms; null for one that has no Dutch text here, which
 * is then left out rather than shown in English.
 */
export function dutchServerMessage(message: string | null | undefined): string | null {
  const m = (message ?? '').trim();
  if (!m) return null;
  const sm = t.labels.serverMessage;
  if (/^t2 must be after t1$/.test(m)) return sm.t2AfterT1;
  if (/in the future$/.test(m)) return sm.future;
  let x = /: (-?\d+) is out of range (-?\d+)-(-?\d+)$/.exec(m);
  if (x) return sm.answerRange(x[1]!, x[2]!, x[3]!);
  x = /: 0 to (\d+) cents \(EUR (\d+)\)$/.exec(m);
  if (x) return sm.amountRange(Number(x[2]).toLocaleString('nl-NL'));
  x = /: (-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)$/.exec(m);
  if (x) return sm.numberRange(x[1]!.replace('.', ','), x[2]!.replace('.', ','));
  if (/already exists|already has a version/.test(m)) return sm.exists;
  if (/changed by someone else/.test(m)) return sm.conflict;
  return null;
}

/** A user name as people read it: the known display name, else "een collega"; empty stays empty. */
export function personName(username: string | null | undefined, known: Readonly<Record<string, string>>): string {
  if (!username) return t.empty;
  const name = Object.prototype.hasOwnProperty.call(known, username) ? known[username] : undefined;
  return name && name.trim() ? name.trim() : t.labels.colleague;
}

/** The text under a field the server refused: its message in Dutch, or a plain "check this". */
export function fieldServerText(message: string | null | undefined): string {
  const dutch = dutchServerMessage(message);
  return dutch ? dutch.charAt(0).toUpperCase() + dutch.slice(1) : t.labels.serverMessage.checkField;
}
