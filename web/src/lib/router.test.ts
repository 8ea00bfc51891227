import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('matches fixed paths, with or without a trailing slash', () => {
    expect(matchPath('/huishoudens', '/huishoudens')).toEqual({});
    expect(matchPath('/huishoudens', '/huishoudens/')).toEqual({});
    expect(matchPath('/huishoudens', '/inloggen')).toBeNull();
  });

  it('extracts and decodes parameters', () => {
    expect(matchPath('/huishoudens/:id', '/huishoudens/BZHH01')).toEqual({ id: 'BZHH01' });
    expect(matchPath('/huishoudens/:id', '/huishoudens/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/huishoudens/:id', '/huishoudens')).toBeNull();
    expect(matchPath('/huishoudens/:id', '/huishoudens/a/b')).toBeNull();
    expect(matchPath('/huishoudens/:id', '/huishoudens/%E0%A4%A')).toBeNull();
  });
});
