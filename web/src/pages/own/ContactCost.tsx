import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { formatEuros } from '../../lib/money';
import type { OwnHouseholdResponse } from '../../lib/types';
import { Paragraph } from './OwnSections';

const o = t.own;

/** "Tim", "Tim en Sara", "Tim, Sara en Noor". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}

/** Name, phone and e-mail of the household's director, each a link that calls or writes. */
export function DirectorContact({ data }: { data: OwnHouseholdResponse }) {
  const c = o.contact;
  if (!data.director) return <Paragraph>{c.none}</Paragraph>;
  const phone = data.director_phone ?? '';
  const email = data.director_email ?? '';
  return (
    <>
      <Paragraph>{c.intro}</Paragraph>
      <ul className="regie-own__facts" data-testid="own-director-facts">
        <li>
          {c.name} <strong>{data.director}</strong>
        </li>
        {phone ? (
          <li>
            {c.phone}{' '}
            <a className="utrecht-link" href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>
              {phone}
            </a>
          </li>
        ) : null}
        {email ? (
          <li>
            {c.email}{' '}
            <a className="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </li>
        ) : null}
      </ul>
      {!phone && !email ? <Paragraph>{c.noContact}</Paragraph> : null}
    </>
  );
}

/** What the support shown above costs per year, and what is and is not in that sum. */
export function SupportCost({ data }: { data: OwnHouseholdResponse }) {
  const c = o.cost;
  const cost = data.support_cost;
  if (!cost) return null;
  if (cost.helpers === 0) return <Paragraph>{c.none}</Paragraph>;
  return (
    <div data-testid="own-cost-text">
      <p className="utrecht-paragraph regie-own__amount">{c.amount(formatEuros(cost.annual_cents))}</p>
      <Paragraph>{c.includes(namesInWords(cost.children))}</Paragraph>
      <Paragraph>{c.excludes}</Paragraph>
      {cost.estimated ? <Paragraph>{c.estimated}</Paragraph> : null}
      <Paragraph>{c.notDirector}</Paragraph>
      <Paragraph>{c.who}</Paragraph>
      <Paragraph>{c.on(formatDate(cost.on))}</Paragraph>
    </div>
  );
}
