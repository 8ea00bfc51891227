import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { listImports } from '../../lib/api';
import type { ImportRecord } from '../../lib/types';
import { usePersonName } from '../../lib/session';
import { useResource } from '../../lib/useResource';

const m = t.messages;

/**
 * "Refusal rule path: reason" as the server words it, split so that the page
 * reads as a sentence: the rule, the reason, and the element it is about.
 */
export function describeRefusal(text: string): string {
  const match = /^([A-Za-z]{2,5}\d{0,4}) (\/[^:]*): ([\s\S]*)$/.exec(text);
  if (!match) return `${m.refused} ${text}`;
  const [, rule, where, reason] = match;
  return m.refusedRule(rule!, reason!.trim(), where === '/' ? '' : where!);
}

function outcomeText(r: ImportRecord): string {
  if (r.outcome === 'accepted') return m.outcomeAccepted;
  if (r.outcome === 'already_imported') return m.outcomeAlready;
  return m.outcomeRefused(r.rule);
}

/** The kept outcome of every file offered (GET /api/v1/interop/imports); `version` reloads it. */
export function MessagesHistory({ version }: { version: number }) {
  const nameOf = usePersonName();
  const history = useResource((signal) => listImports(signal).then((r) => r.imports), [version]);

  return (
    <section aria-labelledby="messages-history" className="regie-section" data-testid="import-history">
      <h2 className="utrecht-heading-2" id="messages-history">
        {m.history}
      </h2>
      <p className="utrecht-paragraph">{m.historyIntro}</p>
      <Loadable state={history.state} quiet errorText={() => m.historyError}>
        {(records) =>
          records.length === 0 ? (
            <p className="utrecht-paragraph">{m.historyEmpty}</p>
          ) : (
            <TableScroll labelledBy="messages-history">
            <table className="utrecht-table utrecht-table--html-table regie-table">
              <caption className="utrecht-table__caption">{m.historyCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{m.historyColumns.at}</th>
                  <th className="utrecht-table__header-cell" scope="col">{m.historyColumns.by}</th>
                  <th className="utrecht-table__header-cell" scope="col">{m.historyColumns.file}</th>
                  <th className="utrecht-table__header-cell" scope="col">{m.historyColumns.outcome}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {records.slice(0, 50).map((r) => (
                  <tr className="utrecht-table__row" key={r.id}>
                    <td className="utrecht-table__cell">{r.at.replace('T', ' ').slice(0, 16)}</td>
                    <td className="utrecht-table__cell">{nameOf(r.by)}</td>
                    <td className="utrecht-table__cell">{r.file}</td>
                    <td className="utrecht-table__cell">
                      {outcomeText(r)}
                      {r.outcome === 'refused' && r.detail ? (
                        <>
                          <br />
                          {describeRefusal(r.detail.split('\n')[0]!)}
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          )
        }
      </Loadable>
    </section>
  );
}
