import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { businessCase } from '../test/fixtures';
import { BusinessCaseChart, chartSummary } from './BusinessCaseChart';

// No drawing in jsdom: only the accessible text alternative is tested here.
vi.mock('./useChart', () => ({ useChart: () => ({ current: null }) }));

const NBSP = '\u00a0';

describe('BusinessCaseChart', () => {
  it('summarises every category at T1 and T2 in its text alternative', () => {
    expect(chartSummary(businessCase.categories)).toBe(
      [
        `Gemeente (geïndiceerd): T1 €${NBSP}429.461, T2 €${NBSP}220.925`,
        `Niet-geïndiceerd: T1 €${NBSP}87.186, T2 €${NBSP}32.464`,
        `UWV: T1 €${NBSP}83.052, T2 €${NBSP}83.052`,
        `GGZ (zorgverzekering): T1 €${NBSP}58.036, T2 €${NBSP}26.361`,
      ].join('; '),
    );
  });

  it('is an image named by that summary', () => {
    render(<BusinessCaseChart categories={businessCase.categories} t1Label="T1" t2Label="T2" />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toMatch(/^Staafdiagram van de kosten per categorie op meetmoment 1 en meetmoment 2: Gemeente/);
    expect(img.getAttribute('aria-label')).toMatch(/Dezelfde bedragen staan in tabel 4\.$/);
  });
});
