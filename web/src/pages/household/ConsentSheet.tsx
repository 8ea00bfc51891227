import { useEffect } from 'react';
import { t } from '../../i18n/nl';

const c = t.consent;

/**
 * The consent text as the household reads it, one line a paragraph, with
 * lines to sign on paper. "Printen" prints this sheet alone (see the
 * regie-print-consent rules in styles.css).
 */
export function ConsentSheet({ title, text }: { title: string; text: string }) {
  useEffect(() => () => document.documentElement.classList.remove('regie-print-consent'), []);
  const print = () => {
    const root = document.documentElement;
    root.classList.add('regie-print-consent');
    const done = () => {
      root.classList.remove('regie-print-consent');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  const lines = text.split('\n');
  return (
    <div className="regie-consent-sheet" data-testid="consent-text">
      <h4 className="utrecht-heading-4 regie-visually-hidden">{title}</h4>
      {lines.map((line, i) =>
        line.trim() === '' ? null : i === 0 ? (
          <p className="utrecht-paragraph regie-consent-sheet__title" key={i}>
            <strong>{line}</strong>
          </p>
        ) : (
          <p className="utrecht-paragraph" key={i}>
            {line}
          </p>
        ),
      )}
      <dl className="regie-consent-sheet__sign">
        <dt>{c.signature}</dt>
        <dd />
        <dt>{c.signatureDate}</dt>
        <dd />
      </dl>
      <p className="utrecht-paragraph regie-screen-only">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={print}>
          {c.print}
        </button>
      </p>
    </div>
  );
}
