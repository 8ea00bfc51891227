import { describe, expect, it } from 'vitest';
import { nl } from './nl';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (n: unknown) => unknown)(2))]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('nl messages', () => {
  it('has no empty strings', () => {
    for (const [key, text] of strings(nl)) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('has twelve month names', () => {
    expect(nl.months).toHaveLength(12);
  });
});
