import type { ReactNode } from 'react';
import { t } from '../../i18n/nl';
import { formatWholeEuros } from '../../lib/money';

export function euros(value: number | null): string {
  return value === null ? t.empty : formatWholeEuros(value);
}

export function countText(n: number): string {
  return t.households.count(n);
}

export function ReportSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="regie-section regie-keep">
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}
