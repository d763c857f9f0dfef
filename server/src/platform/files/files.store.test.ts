import { describe, expect, it } from 'vitest';
import { sniffType } from './files.store.js';

describe('sniffType for text without a magic number', () => {
  it('takes short Chinese text as text, wherever its characters end', async () => {
    for (const s of ['通知正文', '会议纪要：三同推进会', 'a通', '纪要\n']) expect(await sniffType(Buffer.from(s))).toBe('text/plain');
  });

  it('takes long text as text even when a character straddles the sampled prefix', async () => {
    const buf = Buffer.from('x' + '党建'.repeat(5000)); // 3-byte characters, offset by one
    expect(await sniffType(buf)).toBe('text/plain');
  });

  it('refuses markup in disguise and binary data', async () => {
    expect(await sniffType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBe('text/html');
    expect(await sniffType(Buffer.from([0x01, 0x00, 0x02, 0xff]))).toBe('application/octet-stream');
    expect(await sniffType(Buffer.from([0xe9, 0x80, 0x41, 0x42]))).toBe('application/octet-stream');
  });
});
