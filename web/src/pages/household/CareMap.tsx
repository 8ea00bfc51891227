import { useId, useMemo, useState } from 'react';
import { t } from '../../i18n/nl';
import type { Member, Provision } from '../../lib/types';
import { groupByProvider } from '../../lib/household';
import { EndProvisionForm } from './EndProvisionForm';
import { ProvisionEditor } from './ProvisionEditor';
import { OrganisationForm } from './OrganisationForm';
import { ProfessionalForm } from './ProfessionalForm';
import type { Directory } from './useDirectory';
import { DoorView } from './DoorView';
import { CareViewSwitch, provisionSummary, type CareView, type ProvisionActions } from './CareMapParts';
import { ProviderView } from './ProviderView';
import { groupProvisions } from '../../lib/careMap';
import { CareMapTable } from './CareMapTable';

const h = t.household;

type Panel =
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  | { kind: 'end'; id: string }
  | { kind: 'professional' }
  | { kind: 'organisation' }
  | null;

export function CareMap({
  householdId,
  members,
  provisions,
  directory,
  canEdit,
  onReload,
}: {
  householdId: string;
  members: readonly Member[];
  provisions: readonly Provision[];
  directory: Directory;
  canEdit: boolean;
  onReload: () => Promise<void>;
}) {
  const [showEnded, setShowEnded] = useState(false);
  const [view, setView] = useState<CareView>('member');
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<string | null>(null);
  const toggleId = useId();
  const endedCount = provisions.filter((p) => !p.active).length;
  const groups = useMemo(
    () => groupProvisions(members, provisions, showEnded),
    [members, provisions, showEnded],
  );
  const byProvider = useMemo(() => groupByProvider(provisions, showEnded), [provisions, showEnded]);
  const actions: ProvisionActions | undefined = canEdit
    ? {
        onEdit: (p) => {
          setMessage(null);
          setPanel({ kind: 'edit', id: p.id });
        },
        onEnd: (p) => {
          setMessage(null);
          setPanel({ kind: 'end', id: p.id });
        },
      }
    : undefined;
  const current = panel && 'id' in panel ? provisions.find((p) => p.id === panel.id) : undefined;
  const saved = async (text: string) => {
    setPanel(null);
    setMessage(text);
    await onReload();
  };
  const r = t.record;

  return (
    <section aria-labelledby="zorgkaart" className="regie-section" data-testid="care-map-section">
      <h2 className="utrecht-heading-2" id="zorgkaart">
        {h.careMap}
      </h2>
      <div className="regie-care-toolbar">
        <CareViewSwitch value={view} onChange={setView} />
        {view !== 'door' ? (
          <div className="utrecht-form-field utrecht-form-field--checkbox regie-toggle">
            <div className="utrecht-form-field__input">
              <input
                id={toggleId}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={showEnded}
                onChange={(e) => setShowEnded(e.target.checked)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={toggleId}>
                {h.showEnded} ({endedCount})
              </label>
            </div>
          </div>
        ) : null}
      </div>
      {canEdit ? (
        <div className="regie-actions regie-care-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            aria-expanded={panel?.kind === 'add'}
            onClick={() => {
              setMessage(null);
              setPanel(panel?.kind === 'add' ? null : { kind: 'add' });
            }}
          >
            {r.provision.add}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-expanded={panel?.kind === 'professional'}
            onClick={() => {
              setMessage(null);
              setPanel(panel?.kind === 'professional' ? null : { kind: 'professional' });
            }}
          >
            {r.professional.add}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-expanded={panel?.kind === 'organisation'}
            onClick={() => {
              setMessage(null);
              setPanel(panel?.kind === 'organisation' ? null : { kind: 'organisation' });
            }}
          >
            {t.progress.organisation.add}
          </button>
        </div>
      ) : null}
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status" data-testid="care-map-message">
          {message}
        </p>
      ) : null}
      {canEdit && panel?.kind === 'add' ? (
        <ProvisionEditor
          householdId={householdId}
          members={members}
          directory={directory}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {canEdit && panel?.kind === 'organisation' ? (
        <OrganisationForm directory={directory} onSaved={saved} onCancel={() => setPanel(null)} />
      ) : null}
      {canEdit && panel?.kind === 'professional' ? (
        <ProfessionalForm directory={directory} onSaved={saved} onCancel={() => setPanel(null)} />
      ) : null}
      {canEdit && panel?.kind === 'edit' && current ? (
        <ProvisionEditor
          key={`${current.id}-${current.version ?? 0}`}
          householdId={householdId}
          members={members}
          directory={directory}
          provision={current}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {canEdit && panel?.kind === 'end' && current ? (
        <EndProvisionForm
          key={`${current.id}-${current.version ?? 0}`}
          householdId={householdId}
          provision={current}
          title={provisionSummary(current, members)}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {provisions.length === 0 ? <p className="utrecht-paragraph">{h.noProvisionsAtAll}</p> : null}
      {provisions.length > 0 && view === 'member' ? (
        <>
          <p className="utrecht-paragraph">{h.careMapIntro}</p>
          {groups.map((group) => (
            <CareMapTable key={group.key} group={group} members={members} actions={actions} />
          ))}
        </>
      ) : null}
      {provisions.length > 0 && view === 'provider' ? (
        <ProviderView groups={byProvider} members={members} actions={actions} />
      ) : null}
      {view === 'door' ? (
        <DoorView members={members} provisions={provisions} professionals={directory.professionals} />
      ) : null}
    </section>
  );
}
