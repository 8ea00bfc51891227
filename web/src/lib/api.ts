import type {
  Account,
  CreatedAccount,
  NewAccount,
  AnalyticsTable,
  AnswersBody,
  ApiErrorBody,
  Measurement,
  NewMeasurement,
  OutcomeTable,
  Questionnaire,
  Wish,
  BusinessCaseResponse,
  HouseholdDetailResponse,
  HouseholdListResponse,
  ImportRecord,
  ProviderLink,
  ImportResult,
  MessageStandard,
  FileViewPage,
  OwnHouseholdResponse,
  OwnSpiderWebsResponse,
  NewProfessional,
  Organisation,
  Professional,
  ProvisionInput,
  NewPriceListItem,
  NewTimeEntry,
  NewVirtualSaving,
  PriceListResponse,
  SessionResponse,
  TimeEntriesResponse,
  TimeEntry,
  VirtualSaving,
  VirtualSavingsResponse,
} from './types';

/** An HTTP error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  /** Why a sign-in was refused (e.g. "code_required"); see docs/accounts.md. */
  readonly reason: string | undefined;

  constructor(status: number, code: string | undefined, message: string, reason?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.reason = reason;
  }
}

const API = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token lives in memory only. After a reload it is fetched again
 * with GET /api/v1/session.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** Called when a request other than a session request answers 401. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as it is (e.g. an XML message) instead of JSON, with its content type. */
  rawBody?: { text: string; contentType: string };
  /** Skip the CSRF header (only for the sign-in POST, which creates the session). */
  withoutCsrf?: boolean;
  /** Don't notify the unauthorized listener on 401 (session requests). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.rawBody) headers['Content-Type'] = options.rawBody.contentType;
  if (!SAFE_METHODS.has(method) && !options.withoutCsrf && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.rawBody ? options.rawBody.text : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }

  if (!response.ok) {
    let code: string | undefined;
    let reason: string | undefined;
    let message = response.statusText || `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as ApiErrorBody;
      code = body.error?.code;
      reason = body.error?.reason;
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the status text.
    }
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw new ApiError(response.status, code, message, reason);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// --- session ---------------------------------------------------------------

/** Current session, or null when not signed in. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await request<SessionResponse>(`${API}/session`, { quiet401: true });
    setCsrfToken(session.csrf_token);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** `code` is the 6-digit code of the second factor, when the user gave one. */
export async function signIn(username: string, password: string, code?: string): Promise<SessionResponse> {
  const session = await request<SessionResponse>(`${API}/session`, {
    method: 'POST',
    body: code ? { username, password, code } : { username, password },
    withoutCsrf: true,
    quiet401: true,
  });
  setCsrfToken(session.csrf_token);
  return session;
}

/** An identity provider configured for signing in (docs/identity.md). */
export interface SignInProvider {
  key: 'staff' | 'citizen';
  name: string;
}

/** Which providers the sign-in page offers, and whether staff may use a password. */
export async function fetchSignInProviders(): Promise<{ providers: SignInProvider[]; staff_passwords: boolean }> {
  return request(`${API}/oidc/providers`, { quiet401: true });
}

/** Where a button sends the browser to sign in with a provider. */
export function providerStartPath(key: SignInProvider['key']): string {
  return `${API}/oidc/${key}/start`;
}

/** Finishes a sign-in with a provider: the state and code it sent back. */
export async function finishProviderSignIn(state: string, code: string): Promise<SessionResponse> {
  const session = await request<SessionResponse>(`${API}/oidc/callback`, {
    method: 'POST',
    body: { state, code },
    withoutCsrf: true,
    quiet401: true,
  });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await request<void>(`${API}/session`, { method: 'DELETE', quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

// --- accounts (administrators) ------------------------------------------------

export function listAccounts(signal?: AbortSignal): Promise<{ accounts: Account[] }> {
  return request(`${API}/accounts`, { signal });
}

export function createAccount(body: NewAccount): Promise<CreatedAccount> {
  return request(`${API}/accounts`, { method: 'POST', body });
}

export function setAccountDisabled(username: string, disabled: boolean): Promise<void> {
  return request(`${API}/accounts/${encodeURIComponent(username)}/${disabled ? 'disable' : 'enable'}`, {
    method: 'POST',
  });
}

/** Phone and e-mail of an account; empty clears them. A director's show on their households' /mijn. */
export function setAccountContact(username: string, contact: { phone: string; email: string }): Promise<void> {
  return request(`${API}/accounts/${encodeURIComponent(username)}/contact`, { method: 'PUT', body: contact });
}

export function resetSecondFactor(username: string): Promise<{ otpauth_uri: string }> {
  return request(`${API}/accounts/${encodeURIComponent(username)}/totp`, { method: 'POST' });
}

// --- households ------------------------------------------------------------

export function listHouseholds(signal?: AbortSignal): Promise<HouseholdListResponse> {
  return request<HouseholdListResponse>(`${API}/households`, { signal });
}

export function getHousehold(id: string, signal?: AbortSignal): Promise<HouseholdDetailResponse> {
  return request<HouseholdDetailResponse>(`${API}/households/${encodeURIComponent(id)}`, {
    signal,
  });
}

// --- business case ---------------------------------------------------------

/** `query` is a URL query string without "?" (see lib/businesscase.ts). */
export function getBusinessCase(query: string, signal?: AbortSignal): Promise<BusinessCaseResponse> {
  return request<BusinessCaseResponse>(`${API}/businesscase?${query}`, { signal });
}

// --- time entries and virtual savings ---------------------------------------

const householdPath = (id: string) => `${API}/households/${encodeURIComponent(id)}`;

export function listTimeEntries(id: string, signal?: AbortSignal): Promise<TimeEntriesResponse> {
  return request<TimeEntriesResponse>(`${householdPath(id)}/time-entries`, { signal });
}

export function addTimeEntry(id: string, entry: NewTimeEntry): Promise<TimeEntry> {
  return request<TimeEntry>(`${householdPath(id)}/time-entries`, { method: 'POST', body: entry });
}

export function listVirtualSavings(id: string, signal?: AbortSignal): Promise<VirtualSavingsResponse> {
  return request<VirtualSavingsResponse>(`${householdPath(id)}/virtual-savings`, { signal });
}

export function addVirtualSaving(id: string, saving: NewVirtualSaving): Promise<VirtualSaving> {
  return request<VirtualSaving>(`${householdPath(id)}/virtual-savings`, {
    method: 'POST',
    body: saving,
  });
}

// --- population analytics ----------------------------------------------------

export type AnalyticsName =
  | 'pareto'
  | 'targets'
  | 'stacking'
  | 'stacking-by-neighbourhood'
  | 'providers'
  | 'potential';

/** `query` is a URL query string without "?" (see lib/analytics.ts). */
export function getAnalytics(name: AnalyticsName, query: string, signal?: AbortSignal): Promise<AnalyticsTable> {
  return request<AnalyticsTable>(`${API}/analytics/${name}?${query}`, { signal });
}

// --- price list ----------------------------------------------------------------

export function listPriceList(signal?: AbortSignal): Promise<PriceListResponse> {
  return request<PriceListResponse>(`${API}/price-list`, { signal });
}

export function addPriceListItem(item: NewPriceListItem): Promise<unknown> {
  return request<unknown>(`${API}/price-list`, { method: 'POST', body: item });
}

// --- the director's household record -------------------------------------------

export function addProvision(id: string, body: ProvisionInput): Promise<{ id: string }> {
  return request<{ id: string }>(`${householdPath(id)}/provisions`, { method: 'POST', body });
}

export function updateProvision(
  id: string,
  provisionId: string,
  body: ProvisionInput & { version: number },
): Promise<{ id: string; version: number }> {
  return request(`${householdPath(id)}/provisions/${encodeURIComponent(provisionId)}`, {
    method: 'PUT',
    body,
  });
}

export function endProvision(
  id: string,
  provisionId: string,
  body: { end_date: string; version: number },
): Promise<{ id: string; version: number }> {
  return request(`${householdPath(id)}/provisions/${encodeURIComponent(provisionId)}/end`, {
    method: 'POST',
    body,
  });
}

export function acknowledgeSignal(id: string, code: string, note: string): Promise<unknown> {
  return request(`${householdPath(id)}/signals/${encodeURIComponent(code)}/acknowledge`, {
    method: 'POST',
    body: { note },
  });
}

export function setHouseholdStatus(
  id: string,
  body: { status: string; drop_reason?: string; version: number },
): Promise<{ status: string; version: number }> {
  return request(`${householdPath(id)}/status`, { method: 'PUT', body });
}

/** The BSN travels in the body only, never in a URL. */
export function setMemberBsn(id: string, memberId: string, bsn: string): Promise<void> {
  return request<void>(`${householdPath(id)}/members/${encodeURIComponent(memberId)}/bsn`, {
    method: 'PUT',
    body: { bsn },
  });
}

export function listOrganisations(signal?: AbortSignal): Promise<{ organisations: Organisation[] }> {
  return request(`${API}/organisations`, { signal });
}

export function listProfessionals(signal?: AbortSignal): Promise<{ professionals: Professional[] }> {
  return request(`${API}/professionals`, { signal });
}

export function addProfessional(body: NewProfessional): Promise<{ id: string }> {
  return request(`${API}/professionals`, { method: 'POST', body });
}

// --- measurements, wishes for change and outcomes ------------------------------------

export function listQuestionnaires(signal?: AbortSignal): Promise<{ questionnaires: Questionnaire[] }> {
  return request(`${API}/questionnaires`, { signal });
}

export function listMeasurements(id: string, signal?: AbortSignal): Promise<{ measurements: Measurement[] }> {
  return request(`${householdPath(id)}/measurements`, { signal });
}

export function createMeasurement(id: string, body: NewMeasurement): Promise<Measurement> {
  return request(`${householdPath(id)}/measurements`, { method: 'POST', body });
}

/** Answers are merged by the server; `null` clears one. */
export function saveAnswers(id: string, measurementId: string, body: AnswersBody): Promise<Measurement> {
  return request(`${householdPath(id)}/measurements/${encodeURIComponent(measurementId)}`, {
    method: 'PUT',
    body,
  });
}

export function deleteMeasurement(id: string, measurementId: string, version: number): Promise<void> {
  return request(
    `${householdPath(id)}/measurements/${encodeURIComponent(measurementId)}?version=${encodeURIComponent(String(version))}`,
    { method: 'DELETE' },
  );
}

export function listWishes(id: string, signal?: AbortSignal): Promise<{ wishes: Wish[] }> {
  return request(`${householdPath(id)}/wishes`, { signal });
}

export function addWish(id: string, body: { member_id: string; dimension: string; text: string }): Promise<Wish> {
  return request(`${householdPath(id)}/wishes`, { method: 'POST', body });
}

export function updateWish(
  id: string,
  wishId: string,
  body: { version: number; dimension: string; text: string },
): Promise<Wish> {
  return request(`${householdPath(id)}/wishes/${encodeURIComponent(wishId)}`, { method: 'PUT', body });
}

export function getHouseholdOutcomes(id: string, signal?: AbortSignal): Promise<OutcomeTable> {
  return request(`${householdPath(id)}/outcomes`, { signal });
}

/** `households` empty: every household the signed-in director is assigned. */
export function outcomesPath(households: readonly string[], format?: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams();
  if (households.length > 0) q.set('households', households.join(','));
  if (format) q.set('format', format);
  const query = q.toString();
  return `${API}/outcomes${query ? `?${query}` : ''}`;
}

export function getOutcomes(households: readonly string[], signal?: AbortSignal): Promise<OutcomeTable> {
  return request(outcomesPath(households), { signal });
}

/** A 409: someone else changed the record since it was read. */
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409;
}

// --- iJw/iWmo messages --------------------------------------------------------

/** Imports one iJw/iWmo 3.2 message (administrators): POST /api/v1/interop/messages. */
export function uploadMessage(standard: MessageStandard, xml: string, file: string): Promise<ImportResult> {
  const query = `standard=${standard}&file=${encodeURIComponent(file)}`;
  return request<ImportResult>(`/api/v1/interop/messages?${query}`, {
    method: 'POST',
    rawBody: { text: xml, contentType: 'application/xml' },
  });
}

/** The kept outcome of every file offered for import, newest first (administrators). */
export function listImports(signal?: AbortSignal): Promise<{ imports: ImportRecord[] }> {
  return request(`/api/v1/interop/imports`, { signal });
}

/** AGB codes of imported providers and the organisation each reads as (administrators). */
export function listProviderLinks(signal?: AbortSignal): Promise<{ providers: ProviderLink[] }> {
  return request(`/api/v1/interop/providers`, { signal });
}

/** Links an AGB code to an organisation once; its provisions read that name from then on. */
export function linkProvider(agb: string, organisationId: string): Promise<ProviderLink> {
  return request(`/api/v1/interop/providers`, { method: 'POST', body: { agb, organisation_id: organisationId } });
}

export function getOwnHousehold(signal?: AbortSignal): Promise<OwnHouseholdResponse> {
  return request<OwnHouseholdResponse>(`${API}/me`, { signal });
}

export function getOwnSpiderWebs(signal?: AbortSignal): Promise<OwnSpiderWebsResponse> {
  return request<OwnSpiderWebsResponse>(`${API}/me/spider-webs`, { signal });
}

/** One page of "who looked at our file", newest first; `before` is the previous page's next_before. */
export function getOwnFileViews(before?: number | null, signal?: AbortSignal): Promise<FileViewPage> {
  const query = before ? `?before=${encodeURIComponent(String(before))}` : '';
  return request<FileViewPage>(`${API}/me/file-views${query}`, { signal });
}

/** One measurement of a household, or null when the household has none by that id. */
export async function findMeasurement(householdId: string, measurementId: string, signal?: AbortSignal) {
  const { measurements } = await listMeasurements(householdId, signal);
  return measurements.find((x) => x.id === measurementId) ?? null;
}
