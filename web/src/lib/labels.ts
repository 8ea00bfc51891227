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
export const COST_CATEGORY_ORDER = ['gemeente', 'niet_geindiceerd', 'uwv', 'zvw_ggz'] as const;

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
