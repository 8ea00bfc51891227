import { useEffect, useRef } from 'react';

/** Puts focus in a form as soon as it opens, so keyboard and screen-reader users land where they have to type. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export const TEXT = 'utrecht-textbox utrecht-textbox--html-input';
export const SELECT = 'utrecht-select utrecht-select--html-select';
/** The NL Design System marks an invalid control with its own block class plus "--invalid". */
export const inv = (base: string, err: string | undefined) => (err ? `${base} ${base.split(' ')[0]}--invalid` : base);
