import { useId } from 'react';
import { t } from '../../i18n/nl';
import { memberName } from '../../lib/household';
import { costBasisLabel, domainLabel } from '../../lib/labels';
import type { Member, Provision } from '../../lib/types';

const r = t.record;

const h = t.household;

/** What a director can do on a provision row. */
export interface ProvisionActions {
  onEdit: (p: Provision) => void;
  onEnd: (p: Provision) => void;
}

export type CareView = 'member' | 'provider' | 'door';

/** Three radio buttons shown as a segmented control. */
export function CareViewSwitch({ value, onChange }: { value: CareView; onChange: (v: CareView) => void }) {
  const name = useId();
  const options: [CareView, string][] = [
    ['member', r.views.perMember],
    ['provider', r.views.perProvider],
    ['door', r.views.atTheDoor],
  ];
  return (
    <fieldset className="regie-segmented">
      <legend className="regie-segmented__legend">{r.views.legend}</legend>
      <div className="regie-segmented__options">
        {options.map(([v, label]) => (
          <span className="regie-segmented__option" key={v}>
            <input
              type="radio"
              id={`${name}-${v}`}
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              className="regie-segmented__input"
            />
            <label htmlFor={`${name}-${v}`} className="regie-segmented__label">
              {label}
            </label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

export function provisionSummary(p: Provision, members: readonly Member[]): string {
  const m = members.find((x) => x.id === p.member_id);
  return [domainLabel(p.domain), p.provider?.name, m ? memberName(m) : h.wholeHousehold].filter(Boolean).join(', ');
}

export function CostCell({ p }: { p: Provision }) {
  return (
    <>
      {costBasisLabel(p.cost_basis)}
      {p.price_code ? <span className="regie-muted">, {r.priceCode(p.price_code)}</span> : null}
      {p.missing_price ? <span className="regie-warning-text">, {r.missingPrice}</span> : null}
    </>
  );
}

export function GoalCell({ p }: { p: Provision }) {
  return (
    <>
      {p.goal || t.empty}
      {p.coaching ? (
        <>
          <br />
          <span className="regie-tag">{r.coaching}</span>
        </>
      ) : null}
    </>
  );
}

export function ActionButtons({
  p,
  members,
  actions,
}: {
  p: Provision;
  members: readonly Member[];
  actions: ProvisionActions;
}) {
  const what = provisionSummary(p, members);
  return (
    <span className="regie-row-actions">
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle regie-button--small"
        aria-label={r.provision.editOf(what)}
        onClick={() => actions.onEdit(p)}
      >
        {r.provision.edit}
      </button>
      {p.active ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle regie-button--small"
          aria-label={r.provision.endOf(what)}
          onClick={() => actions.onEnd(p)}
        >
          {r.provision.end}
        </button>
      ) : null}
    </span>
  );
}
