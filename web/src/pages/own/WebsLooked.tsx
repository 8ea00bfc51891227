import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { SpiderWeb } from '../../components/SpiderWeb';
import { t } from '../../i18n/nl';
import { getOwnFileViews } from '../../lib/api';
import type { FileView, FileViewPage, OwnSpiderWebsResponse, Questionnaire } from '../../lib/types';
import { lookedWords, timesWords } from '../../lib/lookedWords';
import { Paragraph, whenText } from './OwnSections';

const o = t.own;

export function Webs({ webs, questionnaires }: { webs: OwnSpiderWebsResponse; questionnaires: Questionnaire[] }) {
  const w = o.web;
  const people = webs.people.filter((p) => p.measurements.length > 0);
  if (people.length === 0) return <Paragraph>{w.none}</Paragraph>;
  return (
    <>
      <Paragraph>{w.intro}</Paragraph>
      {people.map((person) => {
        const used = questionnaires.filter((q) => person.measurements.some((m) => m.instrument === q.key));
        return (
          <div key={person.member_id}>
            <h3 className="utrecht-heading-3">{person.me ? w.mine : w.child(person.given_name)}</h3>
            {used.map((q) => (
              <SpiderWeb
                key={q.key}
                questionnaire={q}
                measurements={person.measurements.filter((m) => m.instrument === q.key)}
                memberName={person.given_name}
              />
            ))}
          </div>
        );
      })}
    </>
  );
}

/**
 * The looks newest first, a page at a time: "Eerdere bezoeken tonen" adds the
 * older ones below and moves the focus to the first of them, so a keyboard or
 * screen-reader user continues reading where the new part starts.
 */
export function Looked({ first }: { first: FileViewPage }) {
  const l = o.looked;
  const [views, setViews] = useState<FileView[]>(first.file_views);
  const [next, setNext] = useState<number | null>(first.next_before);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);

  useEffect(() => {
    if (focusAt !== null) items.current[focusAt]?.focus();
  }, [focusAt]);

  if (views.length === 0) return <Paragraph>{l.none}</Paragraph>;

  const more = () => {
    setBusy(true);
    setFailed(false);
    getOwnFileViews(next)
      .then((page) => {
        setFocusAt(page.file_views.length > 0 ? views.length : null);
        setViews((old) => [...old, ...page.file_views]);
        setNext(page.next_before);
      })
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Paragraph>{l.intro}</Paragraph>
      <ul className="regie-own__looked" role="list" data-testid="file-views">
        {views.map((v, i) => (
          <li
            key={i}
            tabIndex={i === focusAt ? -1 : undefined}
            ref={(el) => {
              items.current[i] = el;
            }}
          >
            <strong>{v.who}</strong>
            {v.role ? `, ${l.role[v.role] ?? v.role}` : ''}
            {v.organisation ? ` (${v.organisation})` : ''}
            <br />
            {whenText(v.at)}
            {v.looks && v.looks > 1 ? ` (${l.lastOf(timesWords(v.looks))})` : ''}
            <br />
            {lookedWords(v.actions ?? [v.action])}
          </li>
        ))}
      </ul>
      {failed ? (
        <Alert type="error">
          <Paragraph>{l.moreFailed}</Paragraph>
        </Alert>
      ) : null}
      {next !== null ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={more}
          disabled={busy}
          aria-describedby="looked-count"
        >
          {busy ? l.loadingMore : l.more}
        </button>
      ) : (
        <Paragraph>{l.allShown}</Paragraph>
      )}
      <p id="looked-count" className="utrecht-paragraph" role="status">
        {l.shown(views.length)}
      </p>
    </>
  );
}
