import { describe, expect, it } from 'vitest';
import { lookedWords, timesWords } from './lookedWords';

describe('lookedWords', () => {
  it('says what was looked at and what was changed, each once, in plain words', () => {
    expect(lookedWords(['measurements.answer', 'household.read', 'measurements.read', 'household.read'])).toBe(
      'Bekeek het dossier en de metingen; wijzigde de metingen.',
    );
  });
  it('reads an unknown action as a look at the file, never as its code', () => {
    const text = lookedWords(['something_new.read']);
    expect(text).toBe('Bekeek het dossier.');
    expect(text).not.toContain('something');
  });
  it('names the contact log, the status history and the measurement moments', () => {
    expect(lookedWords(['contact.read', 'status.read', 'moments.set'])).toBe(
      'Bekeek de contacten met u en de voortgang van het dossier; wijzigde de meetmomenten.',
    );
  });
  it('counts looks', () => {
    expect(timesWords(20)).toBe('20 keer');
  });
});
