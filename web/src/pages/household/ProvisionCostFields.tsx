import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import type { ProvisionFormValues } from '../../lib/household';
import { COST_BASES, costBasisLabel } from '../../lib/labels';
import type { PriceListItem } from '../../lib/types';
import { inv, SELECT, TEXT } from './formParts';

const f = t.record.provision;

/** A provision's cost: either an annual amount with its basis, or a price-list code with units per year. */
export function ProvisionCostFields({
  values,
  set,
  errors,
  field,
  priceCodes,
}: {
  values: ProvisionFormValues;
  set: <K extends keyof ProvisionFormValues>(key: K, value: ProvisionFormValues[K]) => void;
  errors: Partial<Record<string, string>>;
  field: (name: string) => string;
  priceCodes: readonly PriceListItem[];
}) {
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">{f.costKind}</legend>
      <div className="regie-radio-row">
        {(['annual', 'price'] as const).map((mode) => (
          <div className="regie-radio" key={mode}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={field(`mode-${mode}`)}
              name={field('mode')}
              checked={values.cost_mode === mode}
              onChange={() => set('cost_mode', mode)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={field(`mode-${mode}`)}>
              {mode === 'annual' ? f.costAnnual : f.costPriceList}
            </label>
          </div>
        ))}
      </div>
      {values.cost_mode === 'annual' ? (
        <div className="regie-form-row">
          <Field id={field('cost')} label={f.annualCost} hint={f.annualCostHint} error={errors.annual_cost_cents}>
            <input
              id={field('cost')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className={inv(`${TEXT} regie-textbox--short`, errors.annual_cost_cents)}
              value={values.annual_cost}
              onChange={(e) => set('annual_cost', e.target.value)}
              aria-invalid={errors.annual_cost_cents ? true : undefined}
              aria-describedby={describedBy(field('cost'), true, errors.annual_cost_cents)}
            />
          </Field>
          <Field id={field('basis')} label={f.costBasis} error={errors.cost_basis}>
            <select
              id={field('basis')}
              className={inv(SELECT, errors.cost_basis)}
              value={values.cost_basis}
              onChange={(e) => set('cost_basis', e.target.value)}
              aria-describedby={describedBy(field('basis'), false, errors.cost_basis)}
            >
              {COST_BASES.map((b) => (
                <option key={b} value={b}>
                  {costBasisLabel(b)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : (
        <div className="regie-form-row">
          <Field
            id={field('code')}
            label={f.priceCode}
            hint={priceCodes.length === 0 ? f.noPriceCodes : undefined}
            error={errors.price_code}
          >
            <select
              id={field('code')}
              className={inv(SELECT, errors.price_code)}
              value={values.price_code}
              onChange={(e) => set('price_code', e.target.value)}
              aria-invalid={errors.price_code ? true : undefined}
              aria-describedby={describedBy(field('code'), priceCodes.length === 0, errors.price_code)}
            >
              <option value="">{f.choose}</option>
              {priceCodes.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} — {p.name}
                </option>
              ))}
              {values.price_code && !priceCodes.some((p) => p.code === values.price_code) ? (
                <option value={values.price_code}>{values.price_code}</option>
              ) : null}
            </select>
          </Field>
          <Field id={field('units')} label={f.unitsPerYear} hint={f.unitsHint} error={errors.units_per_year}>
            <input
              id={field('units')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className={inv(`${TEXT} regie-textbox--short`, errors.units_per_year)}
              value={values.units_per_year}
              onChange={(e) => set('units_per_year', e.target.value)}
              aria-invalid={errors.units_per_year ? true : undefined}
              aria-describedby={describedBy(field('units'), true, errors.units_per_year)}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
