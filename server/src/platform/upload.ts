import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * A body that is not well-formed multipart makes the parser throw plain errors
 * ("Boundary not found", "Unexpected end of multipart data"): the client's fault,
 * so a 400 rather than a 500. Errors that already carry a status (size limits) pass.
 */
export function multipartError(err: unknown): unknown {
  if (err instanceof AppError || typeof (err as { statusCode?: unknown })?.statusCode === 'number') return err;
  return new AppError('BAD_REQUEST', 'malformed multipart/form-data body');
}

/** Reads the one uploaded file of a multipart request into memory, within the configured size limit. */
export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; buffer: Buffer; mimetype: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
  let part, buffer;
  try {
    part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', 'file: required', { issues: [{ path: 'file', message: 'required' }] });
    buffer = await part.toBuffer();
  } catch (err) {
    throw multipartError(err);
  }
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'file too large');
  return { fileName: part.filename.replace(/[\\/]/g, '_').slice(0, 200), buffer, mimetype: part.mimetype };
}
