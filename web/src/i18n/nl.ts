/**
 * All user-facing text of the Regie web UI (Dutch).
 *
 * Keep every string that a person can see or hear (including aria labels and
 * page titles) in this module and its area modules in `nl/`, one per top-level
 * key, so that another language can follow by adding
 * a module with the same shape (see `Messages`).
 */
import { app } from './nl/app';
import { header } from './nl/header';
import { nav } from './nl/nav';
import { login } from './nl/login';
import { record } from './nl/record';
import { households } from './nl/households';
import { household } from './nl/household';
import { businessCase } from './nl/businessCase';
import { analytics } from './nl/analytics';
import { accounts } from './nl/accounts';
import { messages } from './nl/messages';
import { priceList } from './nl/priceList';
import { work } from './nl/work';
import { measurements } from './nl/measurements';
import { outcomes } from './nl/outcomes';
import { plan } from './nl/plan';
import { intake } from './nl/intake';
import { consent } from './nl/consent';
import { caseload } from './nl/caseload';
import { professional } from './nl/professional';
import { start } from './nl/start';
import { team } from './nl/team';
import { own } from './nl/own';
import { noAccess } from './nl/noAccess';
import { notFound } from './nl/notFound';
import { errors } from './nl/errors';
import { labels } from './nl/labels';
import { months } from './nl/months';
import { progress } from './nl/progress';
import { mandate } from './nl/mandate';

export const nl = {
  locale: 'nl-NL',
  progress,
  mandate,
  app,
  header,
  nav,
  login,
  record,
  households,
  household,
  businessCase,
  analytics,
  accounts,
  messages,
  priceList,
  work,
  measurements,
  outcomes,
  plan,
  intake,
  consent,
  caseload,
  professional,
  start,
  team,
  own,
  noAccess,
  notFound,
  errors,
  empty: '—',
  unknown: 'Onbekend',
  labels,
  months,
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language module must have (same keys, any text). */
export type Messages = Widen<typeof nl>;

/** The language module in use. */
export const t: Messages = nl;
