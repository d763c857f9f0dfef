import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * Types accepted by content. Office documents are zip containers and plain
 * text has no magic number, so both are recognised by their own checks.
 */
const allowed = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
  'video/mp4',
  'audio/mpeg',
  'text/plain',
  'text/csv',
]);

function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    // stream: a character cut by the end of the sample is not an error; a short file is decoded whole.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: buf.length > sample.length });
    return true;
  } catch {
    return false;
  }
}

/** Sniffs the type from the bytes; names and declared types are never trusted. */
export async function sniffType(buf: Buffer): Promise<string> {
  const { fileTypeFromBuffer } = await import('file-type'); // on first upload, not at server start
  const ft = await fileTypeFromBuffer(buf);
  if (ft) {
    if (ft.mime === 'application/x-cfb') return 'application/x-cfb';
    return ft.mime;
  }
  if (looksLikeText(buf)) {
    const head = buf.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    // HTML and SVG can carry script: refused rather than served back.
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<svg') || head.startsWith('<?xml')) return 'text/html';
    return 'text/plain';
  }
  return 'application/octet-stream';
}

/**
 * The one file store of the product: a directory shared by every server process,
 * blobs named by their sha256 (so identical uploads are stored once).
 */
export class FileStore {
  constructor(
    readonly root: string,
    readonly limitBytes: number,
  ) {}

  private pathOf(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('bad digest');
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(buf: Buffer): Promise<{ sha256: string; size: number; mime: string }> {
    if (buf.length > this.limitBytes) throw new AppError('PAYLOAD_TOO_LARGE', `file larger than ${Math.round(this.limitBytes / 1048576)} MB`);
    if (buf.length === 0) throw new AppError('VALIDATION_FAILED', 'file: empty', { issues: [{ path: 'file', message: 'empty file' }] });
    const mime = await sniffType(buf);
    if (!allowed.has(mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `file type ${mime} is not accepted`, { mime });
    const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, buf);
      fs.renameSync(tmp, target); // atomic: readers never see half a file
    }
    return { sha256, size: buf.length, mime };
  }

  open(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256));
  }

  exists(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }
}
