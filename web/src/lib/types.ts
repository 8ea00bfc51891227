/** Shapes of the Regie JSON API (snake_case, as served). */

export type UserRole =
  | 'director'
  | 'professional'
  | 'member'
  | 'analyst'
  | 'team_lead'
  | 'administrator';

export interface User {
  username: string;
  display_name: string;
  role: UserRole | string;
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

export interface DirectorRef {
  username: string;
  display_name: string;
}

export interface HouseholdSummary {
  id: string;
  family_name: string;
  neighbourhood: string;
  status: string;
  director: DirectorRef | null;
  member_count: number;
  provision_count: number;
  annual_cost_cents: number;
  /** Codes of the signals raised for this household (see SIGNAL_CODES). */
  signals?: string[];
  /** For a status change. */
  version?: number;
  allowed_next_statuses?: string[];
  /** Whether the signed-in user may open the file; false for a team lead's unassigned households. */
  may_open?: boolean;
  /** Names of the team leads assigned next to the director. */
  team_leads?: string[];
  /** How long the family has been in the intervention and its status; null when the history does not say. */
  intervention?: InterventionSpan | null;
  /** The family's T2 and its reminder. */
  t2?: { date: string | null; reminder: 'none' | 'due' | 'overdue' | string };
}

/** From the first recorded status (the referral) to closing or today, and the current status since its day. */
export interface InterventionSpan {
  start: string;
  end: string | null;
  days: number;
  status: string;
  status_since: string;
  days_in_status: number;
}

export interface HouseholdListResponse {
  households: HouseholdSummary[];
}

export interface Referral {
  source: string;
  reason: string;
  date: string;
  /** The referring person; empty when not recorded. */
  referrer?: string;
}

export interface Member {
  id: string;
  given_name: string;
  family_name: string;
  role: string;
  birth_year: number | null;
  birth_date?: string | null;
  /** Derived by the server from the consent records: given, withdrawn or pending. */
  consent_status: string;
  /** e.g. "******333"; null when no BSN is recorded. The full BSN is never served. */
  bsn_masked?: string | null;
}

export interface Provision {
  id: string;
  member_id: string | null;
  domain: string;
  category: string;
  provider: { id: string; name: string } | null;
  professional: { id: string; name: string; role: string | null } | null;
  goal: string;
  start_date: string | null;
  end_date: string | null;
  hours_per_week: string | number | null;
  annual_cost_cents: number;
  cost_basis: string;
  indicated: boolean;
  active: boolean;
  version?: number;
  /** "coaching naar zelfredzaamheid". */
  coaching?: boolean;
  /** English text from the server (not shown as such). */
  cost_explanation?: string;
  price_code?: string | null;
  units_per_year?: string | number | null;
  missing_price?: boolean;
}

export interface SignalAcknowledgement {
  note: string;
  /** User name (machine contract); shown is `by_name`. */
  by: string;
  /** Display name of `by`; empty when the account is gone. */
  by_name?: string;
  at: string;
}

export interface ImportWarning {
  member_id: string;
  message: string;
  text: string;
  at: string;
}

export interface HouseholdSignal {
  code: string;
  /** English sentence from the server; the UI builds its own Dutch text. */
  detail: string;
  provisions: string[];
  acknowledged: SignalAcknowledgement | null;
}

export interface HouseholdCounts {
  providers: number;
  professionals: number;
  provisions_per_domain: Record<string, number>;
  turnover_6_months: number;
}

export type TimelineKind =
  | 'provision_started'
  | 'provision_ended'
  | 'care_map_added'
  | 'care_map_edited'
  | 'measurement'
  | 'decision'
  | 'round_table'
  | 'care_map_ended';

export interface TimelineEvent {
  date: string;
  kind: TimelineKind | string;
  provision_id: string;
  /** A domain code (provision_started/ended), a user name (care_map_*) or "instrument moment member" (measurement). */
  detail: string;
  /** Care-map changes of one kind to one provision by one person on one day are one line. */
  count?: number;
  /** Display name of the person in `detail` (care-map changes); empty when the account is gone. */
  by_name?: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface Professional {
  id: string;
  name: string;
  organisation_id: string;
  role: string;
  phone: string | null;
}

/** Body of POST/PUT …/provisions (PUT also needs `version`). */
export interface ProvisionInput {
  member_id?: string | null;
  domain: string;
  provider_id: string;
  professional_id?: string | null;
  goal?: string;
  start_date: string;
  end_date?: string | null;
  hours_per_week?: string | null;
  annual_cost_cents?: number;
  price_code?: string;
  units_per_year?: string;
  cost_basis?: string;
  indicated?: boolean;
  coaching?: boolean;
  version?: number;
}

export interface NewProfessional {
  name: string;
  organisation_id: string;
  role: string;
  phone?: string;
}

export interface CategoryCost {
  category: string;
  annual_cost_cents: number;
}

export interface HouseholdDetail {
  id: string;
  family_name: string;
  address: string;
  postcode: string;
  city: string;
  neighbourhood: string;
  status: string;
  director: DirectorRef | null;
  referral: Referral | null;
  members: Member[];
  provisions: Provision[];
  cost_by_category: CategoryCost[];
  total_annual_cost_cents: number;
  /** The date the active provisions and costs are computed for (optional). */
  as_of?: string;
  version?: number;
  drop_reason?: string | null;
  allowed_next_statuses?: string[];
  signals?: HouseholdSignal[];
  /** What imported provider messages left to check (the director's file only). */
  import_warnings?: ImportWarning[];
  counts?: HouseholdCounts;
  timeline?: TimelineEvent[];
}

export interface HouseholdDetailResponse {
  household: HouseholdDetail;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; reason?: string };
}

// --- accounts ----------------------------------------------------------------

export interface Account {
  username: string;
  display_name: string;
  role: string;
  disabled: boolean;
  professional_id: string | null;
  member_id: string | null;
  second_factor: boolean;
  /** A code from the issued secret was accepted: the app is set up. */
  second_factor_in_use?: boolean;
  /** A director's are shown to their households on /mijn. */
  phone?: string | null;
  email?: string | null;
}

export interface NewAccount {
  username: string;
  display_name: string;
  role: string;
  professional_id?: string;
  member_id?: string;
}

/** The answer that creates an account: its secrets, shown once. */
export interface CreatedAccount {
  account: Account;
  initial_password: string;
  otpauth_uri: string | null;
}

// --- business case -----------------------------------------------------------

export type DirectorCostMode = 'norm' | 'fixed' | 'registered';

export interface BusinessCaseHousehold {
  key: string;
  t1_cents: number;
  t2_cents: number;
  difference_cents: number;
  director_cost_cents: number | null;
}

export interface BusinessCaseCategory {
  category: string;
  households: number;
  t1_cents: number;
  t2_cents: number;
  difference_cents: number;
}

export interface DirectorCost {
  mode: DirectorCostMode | string;
  /** null in "registered" mode. */
  per_household_cents: number | null;
  total_cents: number;
  norm_per_household_cents: number;
  hourly_rate_cents: number;
  explanation?: string;
}

export interface VirtualSavingItem {
  household: string;
  kind: string;
  amount_cents: number;
  note: string;
  recorded_on: string;
}

/** One row of the report tables; amounts are whole euros, rounded by the server. */
export interface BusinessCaseTableRow {
  table: number;
  key: string;
  households: number | null;
  t1_eur: number | null;
  t2_eur: number | null;
  difference_eur: number | null;
  difference_pct: number | null;
  avg_per_household_eur: number | null;
}

/** A family left out of a business case on own dates, and why. */
export interface ExcludedFamily {
  household: string;
  reason: string;
  t1: string | null;
  t2: string | null;
}

export interface BusinessCaseResponse {
  /** own: each family's own T1 and T2; fixed: t1 and t2 for all (older servers: absent). */
  dates?: 'own' | 'fixed';
  /** With own dates: the earliest T1 and latest T2 counted; null when no family is complete. */
  t1: string | null;
  t2: string | null;
  family_dates?: Record<string, { t1: string; t2: string }>;
  excluded?: ExcludedFamily[];
  pseudonymised: boolean;
  /** Household id -> family name; empty for analysts (older servers: absent). */
  household_names?: Record<string, string>;
  household_count: number;
  households: BusinessCaseHousehold[];
  categories: BusinessCaseCategory[];
  total: { t1_cents: number; t2_cents: number; difference_cents: number };
  director_cost: DirectorCost;
  net_cents: number;
  registered_minutes: Record<string, number>;
  virtual_savings: { items: VirtualSavingItem[]; total_cents: number };
  table: { columns: string[]; rows: BusinessCaseTableRow[] };
}

// --- time entries and virtual savings of one household -------------------------

export type TimeKind = 'direct' | 'indirect' | 'travel';

export interface TimeEntry {
  id: number;
  date: string;
  minutes: number;
  kind: TimeKind | string;
  director: string;
}

export interface TimeEntriesResponse {
  time_entries: TimeEntry[];
}

export interface NewTimeEntry {
  date: string;
  kind: TimeKind;
  minutes: number;
}

export type VirtualSavingKind =
  | 'out_of_home_placement'
  | 'eviction'
  | 'crisis_admission'
  | 'police_intervention'
  | 'other';

export interface VirtualSaving {
  id: number;
  kind: VirtualSavingKind | string;
  amount_cents: number;
  note: string;
  recorded_by: string;
  recorded_on: string;
}

export interface VirtualSavingsResponse {
  virtual_savings: VirtualSaving[];
}

export interface NewVirtualSaving {
  kind: VirtualSavingKind;
  amount_cents: number;
  note: string;
}

// --- population analytics and the price list -----------------------------------

/** A cell of an analytics table: numbers as numbers, empty cells null. */
export type AnalyticsCell = string | number | null;

/** Every /api/v1/analytics/… endpoint answers one table. */
export interface AnalyticsTable {
  columns: string[];
  rows: Record<string, AnalyticsCell>[];
}

export type PriceUnit = 'intervention' | 'hour' | 'month' | 'year';

export interface PriceListItem {
  code: string;
  name: string;
  unit: PriceUnit | string;
  amount_cents: number;
  valid_from: string;
}

export interface PriceListResponse {
  items: PriceListItem[];
}

export interface NewPriceListItem {
  code: string;
  name: string;
  unit: PriceUnit;
  amount_cents: number;
  valid_from: string;
}

// --- measurements (Positive Health, ICECAP-A, general questions) -------------------

export interface QuestionnaireChoice {
  value: number;
  label: string;
}

export interface QuestionnaireItem {
  key: string;
  label: string;
  min: number;
  max: number;
  /** Empty for numeric scales (0–10, 1–10). */
  choices: QuestionnaireChoice[];
}

export interface QuestionnaireGroup {
  key: string;
  label: string;
  items: QuestionnaireItem[];
}

export interface QuestionnaireScore {
  key: string;
  label: string;
}

export interface Questionnaire {
  key: string;
  version: string;
  title: string;
  audience: 'adult' | 'child' | 'all' | string;
  scoring: 'group-mean' | 'item' | string;
  /** Spider-web axes and report items, in order. */
  scores: QuestionnaireScore[];
  groups: QuestionnaireGroup[];
  /** Whether the server has the tariff file the capability index needs (ICECAP-A). */
  index_tariff?: boolean;
}

export type FilledBy = 'member' | 'with_director' | 'proxy';

export interface Measurement {
  id: string;
  household_id: string;
  member_id: string;
  instrument: string;
  instrument_version: string;
  moment: string;
  measured_on: string;
  filled_by: FilledBy | string;
  status: 'in_progress' | 'completed' | string;
  version: number;
  recorded_by?: string | null;
  answers: Record<string, number | null>;
  missing: string[];
  scores: Record<string, number | null>;
  index?: number | null;
}

export interface NewMeasurement {
  member_id: string;
  instrument: string;
  instrument_version: string;
  moment: string;
  measured_on: string;
  filled_by: FilledBy;
}

export interface AnswersBody {
  version: number;
  instrument_version: string;
  answers: Record<string, number | null>;
  complete?: boolean;
}

export interface Wish {
  id: string;
  member_id: string;
  dimension: string;
  text: string;
  created_by?: string | null;
  created_at?: string | null;
  version: number;
}

/** Outcome table as the server sends it: rows as arrays (per `columns`) or as objects. */
export interface OutcomeTable {
  columns: string[];
  rows: (unknown[] | Record<string, unknown>)[];
}

/** iJw (youth care) or iWmo (Wmo support) message traffic, release 3.2. */
export type MessageStandard = 'ijw' | 'iwmo';

/** Answer of POST /api/v1/interop/messages. */
export interface ImportResult {
  message: string;
  already_imported: boolean;
  provisions: string[];
  /** Imported, but worth a look (a BSN match whose birth year differs). */
  warnings?: string[];
}

/** GET /api/v1/interop/imports: one file offered for import and what came of it. */
export interface ImportRecord {
  id: number;
  standard: MessageStandard;
  file: string;
  message: string;
  outcome: 'accepted' | 'already_imported' | 'refused';
  rule: string;
  detail: string;
  by: string;
  at: string;
}

/** GET /api/v1/me: the household's own view. */
export interface OwnHelper {
  name: string;
  role: string;
  organisation: string;
  phone: string;
  what_for: string;
  domain: string;
  for_whom: string | null;
  since: string;
}

export interface OwnGoal {
  life_domain: string;
  words: string;
  status: string;
  for_whom: string[];
  steps: { text: string; who: string; status: string; due: string | null }[];
}

export interface OwnAppointment {
  kind: 'round_table' | 'aftercare' | string;
  title: string;
  at: string | null;
  on: string | null;
  location: string;
}

/** What the helpers the member sees cost per year, summed by the server. */
export interface OwnSupportCost {
  annual_cents: number;
  helpers: number;
  /** At least one figure is an estimate (GGZ through the health insurer). */
  estimated: boolean;
  /** Minor children whose own care is counted (a parent's view). */
  children: string[];
  on: string;
}

export interface OwnHouseholdResponse {
  household: { id: string; family_name: string; members: string[] };
  me: string;
  director: string;
  director_phone?: string | null;
  director_email?: string | null;
  helpers: OwnHelper[];
  plan: { agreed_on: string | null; goals: OwnGoal[] };
  appointments: OwnAppointment[];
  support_cost?: OwnSupportCost;
}

export interface OwnSpiderWebsResponse {
  people: { member_id: string; given_name: string; me: boolean; measurements: Measurement[] }[];
}

/** The looks of one person from one organisation on one day. */
export interface FileView {
  at: string;
  who: string;
  role: string;
  organisation: string;
  action: string;
  looks?: number;
  actions?: string[];
}

/** A page of looks; next_before asks for the older ones (null: there are none). */
export interface FileViewPage {
  file_views: FileView[];
  next_before: number | null;
}

/** GET /api/v1/interop/providers: an AGB code from the messages and the organisation it reads as. */
export interface ProviderLink {
  agb: string;
  organisation_id: string;
  organisation_name: string;
  linked: boolean;
}
