import { t } from '../../i18n/nl';
import { groupProgress } from '../../lib/measurements';
import type { Measurement, QuestionnaireGroup } from '../../lib/types';

const f = t.measurements.fill;

/** The parts of a questionnaire as steps, each with how much of it is answered, so one can jump to any part. */
export function PartsNav({
  groups,
  current,
  answers,
  onGo,
}: {
  groups: readonly QuestionnaireGroup[];
  current: QuestionnaireGroup | undefined;
  answers: Measurement;
  onGo: (index: number) => void;
}) {
  return (
    <nav aria-label={f.parts} className="regie-parts">
      <ol className="regie-parts__list">
        {groups.map((g, i) => {
          const p = groupProgress(g, answers);
          const here = g === current;
          return (
            <li key={g.key} className="regie-parts__item">
              <button
                type="button"
                className={`regie-parts__button${here ? ' regie-parts__button--current' : ''}${p.answered === p.total ? ' regie-parts__button--done' : ''}`}
                aria-current={here ? 'step' : undefined}
                onClick={() => onGo(i)}
              >
                <span className="regie-parts__label">{g.label}</span>{' '}
                <span className="regie-parts__count">{f.partProgress(p.answered, p.total)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
