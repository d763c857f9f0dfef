import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Reads the one uploaded file of a multipart request into memory, within the configured size limit. */
export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; buffer: Buffer; mimetype: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', 'file: required', { issues: [{ path: 'file', message: 'required' }] });
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'file too large');
  return { fileName: part.filename.replace(/[\\/]/g, '_').slice(0, 200), buffer, mimetype: part.mimetype };
}
