import { forwardRef, type ReactNode } from 'react';

type AlertType = 'info' | 'ok' | 'warning' | 'error';

interface AlertProps {
  type?: AlertType;
  children: ReactNode;
  /** role="alert" announces the message at once (errors); "status" politely. */
  live?: 'alert' | 'status' | 'none';
}

/** NL Design System alert (utrecht-alert). */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type = 'info', children, live = 'status' },
  ref,
) {
  return (
    <div
      ref={ref}
      className={`utrecht-alert utrecht-alert--${type} regie-alert`}
      role={live === 'none' ? undefined : live}
      tabIndex={-1}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
});
