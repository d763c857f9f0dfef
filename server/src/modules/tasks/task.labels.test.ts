import { describe, expect, it } from 'vitest';
import { categoryLabel, codeOf, parseDateCell, splitList } from './task.labels.js';

describe('spreadsheet cells', () => {
  it('reads dates in the usual Chinese and ISO spellings', () => {
    expect(parseDateCell('2026-07-01')).toBe('2026-07-01');
    expect(parseDateCell('2026/7/1')).toBe('2026-07-01');
    expect(parseDateCell('2026年7月1日')).toBe('2026-07-01');
    expect(parseDateCell('Wed Jul 01 2026 08:00:00 GMT+0800 (China Standard Time)')).toBe('2026-07-01');
    expect(parseDateCell('2026-02-30')).toBeNull();
    expect(parseDateCell('下周')).toBeNull();
    expect(parseDateCell('')).toBeNull();
  });
  it('maps labels and codes', () => {
    expect(codeOf(categoryLabel, '整改落实')).toBe('rectification');
    expect(codeOf(categoryLabel, 'study')).toBe('study');
    expect(codeOf(categoryLabel, '别的')).toBeUndefined();
  });
  it('splits list cells', () => {
    expect(splitList('B1, P1、P2；B2')).toEqual(['B1', 'P1', 'P2', 'B2']);
    expect(splitList(undefined)).toEqual([]);
  });
});
