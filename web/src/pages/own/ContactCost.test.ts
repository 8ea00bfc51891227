import { describe, expect, it } from 'vitest';
import { namesInWords } from './ContactCost';

describe('namesInWords', () => {
  it('joins given names the Dutch way', () => {
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['Tim'])).toBe('Tim');
    expect(namesInWords(['Tim', 'Sara'])).toBe('Tim en Sara');
    expect(namesInWords(['Tim', 'Sara', 'Noor'])).toBe('Tim, Sara en Noor');
  });
});
