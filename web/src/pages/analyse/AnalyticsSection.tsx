import type { ReactNode } from 'react';
import { Loadable } from '../../components/Loadable';
import { t } from '../../i18n/nl';
import type { AnalyticsParams } from '../../lib/analytics';
import { downloadCsv, toCsv } from '../../lib/csv';
import type { AnalyticsTable } from '../../lib/types';
import type { Resource } from '../../lib/useResource';
import { euroCell } from './cells';



const a = t.analytics;

const f = a.form;

export function Section({
  id,
  title,
  state,
  retry,
  children,
}: {
  id: string;
  title: string;
  state: Resource<AnalyticsTable>;
  retry: () => void;
  children: (table: AnalyticsTable) => ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="regie-section" data-testid={id}>
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      <Loadable
        state={state}
        loading={a.loading}
        renderError={(e) =>
          e.status === 400 ? <p className="utrecht-paragraph">{f.errorTitle}</p> : e.status === 403 ? null : undefined
        }
        errorText={() => a.loadError}
        onRetry={retry}
        retryable={() => true}
      >
        {children}
      </Loadable>
    </section>
  );
}

export function Empty() {
  return (
    <p className="utrecht-paragraph" data-testid="empty">
      {a.empty}
    </p>
  );
}

/** A button that saves the table as it came from the server, as CSV. */
export function CsvButton({ table, fileName, what }: { table: AnalyticsTable; fileName: string; what: string }) {
  return (
    <div className="regie-downloads regie-screen-only">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={() => downloadCsv(fileName, toCsv(table.columns, table.rows))}
      >
        {a.downloadCsv} <span className="regie-visually-hidden">{a.downloadOf(what)}</span>
      </button>
    </div>
  );
}

export const thresholdText = (p: AnalyticsParams) => euroCell(Number(p.threshold));
