import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from '../../lib/router';
import type { Measurement } from '../../lib/types';
import { measurement, questionnaires } from '../../test/measurementFixtures';
import { MeasurementList } from './MeasurementList';

function renderList(list: Measurement[]) {
  return render(
    <Router>
      <MeasurementList
        householdId="BZHH01"
        memberName="Johan van den Berg"
        measurements={list}
        questionnaires={questionnaires}
        onDeleted={async () => {}}
        onReload={async () => {}}
      />
    </Router>,
  );
}

const icecapRow = (over: Partial<Measurement>) =>
  measurement({ id: 'i', instrument: 'icecap_a', answers: { stability: 3 }, missing: [], scores: {}, ...over });

describe('ICECAP-A in the list of measurements', () => {
  it('without the tariff file shows the levels and their sum with a plain explanation, not an error', () => {
    renderList([icecapRow({ index: null })]);
    const row = screen.getByTestId('measurement-row');
    expect(within(row).queryByTestId('icecap-index')).toBeNull();
    const levels = within(row).getByTestId('icecap-levels');
    expect(levels.textContent).toContain('Zekerheid: 3');
    expect(within(row).getByTestId('icecap-sum').textContent).toBe('Som van de niveaus: 3 (kan 1 tot 4 zijn)');
    expect(levels.textContent).toContain('tarievenbestand');
    expect(row.textContent).not.toMatch(/niet beschikbaar|ontbreekt\)/);
  });

  it('with the tariff file shows only the index', () => {
    renderList([icecapRow({ index: 0.75 })]);
    const row = screen.getByTestId('measurement-row');
    expect(within(row).getByTestId('icecap-index').textContent).toBe('Capability-index: 0,750');
    expect(within(row).queryByTestId('icecap-levels')).toBeNull();
  });

  it('shows neither for Positive Health', () => {
    renderList([measurement()]);
    const row = screen.getByTestId('measurement-row');
    expect(within(row).queryByTestId('icecap-index')).toBeNull();
    expect(within(row).queryByTestId('icecap-levels')).toBeNull();
  });
});
