import { useEffect, useId, useState } from 'react';
import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import { ApiError, linkProvider, listOrganisations, listProviderLinks } from '../../lib/api';
import type { Organisation, ProviderLink } from '../../lib/types';

const m = t.messages;

/**
 * Providers Regie knows only by their AGB code ("Aanbieder met AGB-code …"):
 * the administrator links each once to an organisation. Nothing shows when
 * every code is linked. `version` reloads after an import.
 */
export function MessagesProviders({ version }: { version: number }) {
  const id = useId();
  const [open, setOpen] = useState<ProviderLink[]>([]);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([listProviderLinks(abort.signal), listOrganisations(abort.signal)])
      .then(([p, o]) => {
        setOpen(p.providers.filter((x) => !x.linked));
        // An organisation that only stands for an unlinked code is no place to link to.
        setOrganisations(o.organisations.filter((org) => !p.providers.some((x) => !x.linked && x.organisation_id === org.id)));
      })
      .catch(() => setOpen([]));
    return () => abort.abort();
  }, [version, reload]);

  if (open.length === 0 && !notice) return null;

  async function onLink(p: ProviderLink) {
    const org = organisations.find((o) => o.id === choice[p.agb]);
    if (!org) return;
    try {
      await linkProvider(p.agb, org.id);
      setNotice({ ok: true, text: m.providerLinked(p.organisation_name, org.name) });
      setReload((r) => r + 1);
    } catch (err: unknown) {
      setNotice({ ok: false, text: err instanceof ApiError ? `${m.providerError} ${err.message}` : m.providerError });
    }
  }

  return (
    <section aria-labelledby={`${id}-providers`} className="regie-section" data-testid="provider-links">
      <h2 className="utrecht-heading-2" id={`${id}-providers`}>
        {m.providers}
      </h2>
      <p className="utrecht-paragraph">{m.providersIntro}</p>
      {notice ? (
        <Alert type={notice.ok ? 'ok' : 'error'} live="status">
          <p className="utrecht-paragraph">{notice.text}</p>
        </Alert>
      ) : null}
      {open.map((p) => (
        <div className="utrecht-form-field" key={p.agb}>
          <label className="utrecht-form-label" htmlFor={`${id}-${p.agb}`}>
            {m.providerLabel(p.organisation_name)}
          </label>
          <select
            id={`${id}-${p.agb}`}
            className="utrecht-select utrecht-select--html-select"
            value={choice[p.agb] ?? ''}
            onChange={(e) => setChoice({ ...choice, [p.agb]: e.target.value })}
          >
            <option value="">{m.providerChoose}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={!choice[p.agb]}
            onClick={() => void onLink(p)}
          >
            {m.providerLink}
          </button>
        </div>
      ))}
    </section>
  );
}
