import { describe, expect, it } from 'vitest';
import { byUrgency, countRag, splitIds } from './leader.rules.js';

describe('leader view helpers', () => {
  it('counts colours', () => {
    expect(countRag(['red', 'amber', 'red', 'green', 'none'])).toEqual({ red: 2, amber: 1, green: 1, none: 1 });
    expect(countRag([])).toEqual({ red: 0, amber: 0, green: 0, none: 0 });
  });
  it('splits id lists', () => {
    expect(splitIds('')).toEqual([]);
    expect(splitIds(null)).toEqual([]);
    expect(splitIds('a,b')).toEqual(['a', 'b']);
  });
  it('puts red before amber before green, then by due date', () => {
    const list = [
      { rag: 'green' as const, dueDate: '2025-01-01' },
      { rag: 'amber' as const, dueDate: '2025-03-01' },
      { rag: 'red' as const, dueDate: '2025-05-01' },
      { rag: 'amber' as const, dueDate: '2025-02-01' },
    ];
    expect([...list].sort(byUrgency).map((t) => `${t.rag}:${t.dueDate}`)).toEqual(['red:2025-05-01', 'amber:2025-02-01', 'amber:2025-03-01', 'green:2025-01-01']);
  });
});
