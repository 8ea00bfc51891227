import type { ReactNode } from 'react';

/**
 * Wraps a wide table so it scrolls sideways on small screens; the wrapper is
 * focusable and named so that keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="regie-table-scroll"
      role="region"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
