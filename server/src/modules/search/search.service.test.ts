import { describe, expect, it } from 'vitest';
import { searchTerms, snippetOf } from './search.service.js';

describe('search terms and snippets', () => {
  it('splits the query into normalised runs of letters and digits', () => {
    expect(searchTerms(' 专题党课  产教，融合 ')).toEqual(['专题党课', '产教', '融合']);
    expect(searchTerms('ＡＩ赋能 5G')).toEqual(['ai赋能', '5g']);
    expect(searchTerms('！？…')).toEqual([]);
  });

  it('cuts a snippet around the first hit', () => {
    const body = '依托鲲鹏平台组织学生实训，'.repeat(1) + '后续内容'.repeat(20);
    expect(snippetOf(body, ['鲲鹏'])).toMatch(/^依托鲲鹏平台/);
    expect(snippetOf('x'.repeat(50) + '鲲鹏' + 'y'.repeat(100), ['鲲鹏'])!.startsWith('…')).toBe(true);
    expect(snippetOf('nothing here', ['鲲鹏'])).toBeNull();
  });
});
