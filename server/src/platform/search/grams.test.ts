import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grams, queryGrams } from './grams.js';

describe('grams', () => {
  it('gives the 1- and 2-character grams of a Chinese title', () => {
    expect(grams('双高计划')).toEqual(['双', '双高', '划', '计', '计划', '高', '高计'].sort());
  });

  it('splits on punctuation and spaces, never spanning two runs', () => {
    const g = grams('南粤职院党〔2026〕12号');
    expect(g).toContain('党');
    expect(g).toContain('20');
    expect(g).toContain('12');
    expect(g).toContain('2号');
    expect(g).not.toContain('党2');
    expect(g).not.toContain('62'); // "2026" and "12" are separate runs (〕 between)
    expect(grams('a b')).toEqual(['a', 'b']);
  });

  it('normalises full-width characters and case', () => {
    expect(grams('ＡＢ１')).toEqual(grams('ab1'));
    expect(grams('PDF')).toEqual(['d', 'df', 'f', 'p', 'pd']);
  });

  it('merges several texts and skips empty ones', () => {
    expect(grams('党建', null, undefined, '', '党课')).toEqual(['党', '党建', '党课', '建', '课'].sort());
    expect(grams()).toEqual([]);
    expect(grams('，。！ ')).toEqual([]);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(grams('𠀀字')).toEqual(['𠀀', '𠀀字', '字'].sort());
  });
});

describe('queryGrams', () => {
  it('uses 2-grams, and single characters only for one-character runs', () => {
    expect(queryGrams('主题教育')).toEqual(['主题', '教育', '题教'].sort());
    expect(queryGrams('党')).toEqual(['党']);
    expect(queryGrams('党 方案')).toEqual(['党', '方案']);
    expect(queryGrams('  ')).toEqual([]);
    expect(queryGrams(undefined)).toEqual([]);
  });

  it('every substring of a text is found by the text grams', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'党建业务双高计划三同 ，A1'.split('')), maxLength: 20 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const sub = text.slice(start, start + (b % 6));
        const indexed = new Set(grams(text));
        for (const g of queryGrams(sub)) expect(indexed.has(g)).toBe(true);
      }),
    );
  });
});
