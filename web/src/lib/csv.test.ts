import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, toCsv } from './csv';

describe('neutraliseFormula', () => {
  it('puts a single quote before text that a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutraliseFormula('+31 43 123')).toBe("'+31 43 123");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
  });

  it('leaves ordinary text alone, also with a formula character further on', () => {
    expect(neutraliseFormula('Pottenberg')).toBe('Pottenberg');
    expect(neutraliseFormula('HH-7b19f925b8168e67')).toBe('HH-7b19f925b8168e67');
    expect(neutraliseFormula('>=50000')).toBe('>=50000');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('csvField', () => {
  it('writes numbers as numbers, negative ones too, and empty cells as nothing', () => {
    expect(csvField(-21930)).toBe('-21930');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes text with a comma, quote or line break (after neutralising)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('stacking;many_providers')).toBe('stacking;many_providers');
  });
});

describe('toCsv', () => {
  it('writes the header and the rows in column order with CRLF line ends', () => {
    const csv = toCsv(
      ['neighbourhood', 'households', 'pct_stacked'],
      [
        { neighbourhood: 'Caberg', households: 3, pct_stacked: 33 },
        { neighbourhood: '=HYPERLINK("http://x")', households: null, pct_stacked: -1 },
        { neighbourhood: 'TOTAL', households: 12, pct_stacked: 58 },
      ],
    );
    expect(csv).toBe(
      'neighbourhood,households,pct_stacked\r\n' +
        'Caberg,3,33\r\n' +
        `"'=HYPERLINK(""http://x"")",,-1\r\n` +
        'TOTAL,12,58\r\n',
    );
  });

  it('neutralises the header too', () => {
    expect(toCsv(['a'], [], ['=a'])).toBe("'=a\r\n");
  });
});
