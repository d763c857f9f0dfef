import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentDisposition } from './excel.js';

describe('contentDisposition', () => {
  it('keeps a Chinese file name in filename* and an ASCII fallback in filename', () => {
    expect(contentDisposition('人员名单.xlsx')).toBe(`attachment; filename="____.xlsx"; filename*=UTF-8''${encodeURIComponent('人员名单.xlsx')}`);
  });
  it('supports inline', () => {
    expect(contentDisposition('a.pdf', true)).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
  it('cannot be broken out of by quotes, backslashes or newlines', () => {
    const v = contentDisposition('a"b\\c\r\nX-Evil: 1.xlsx');
    expect(v).not.toMatch(/[\r\n]/);
    const ascii = /filename="([^"]*)"/.exec(v)![1];
    expect(ascii).toBe('a_b_c__X-Evil: 1.xlsx');
  });
  it('round-trips any name through filename*', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), (name) => {
        const v = contentDisposition(name);
        expect(v).toMatch(/^[\x20-\x7e]+$/);
        const star = /filename\*=UTF-8''(.*)$/.exec(v)![1];
        expect(decodeURIComponent(star)).toBe(name);
      }),
    );
  });
});
