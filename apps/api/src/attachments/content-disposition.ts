import type { Response } from 'express';
import type { AttachmentDownload } from './attachments.service';

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987): browsers use filename* and keep
 * a Chinese name intact; the plain filename is an ASCII stand-in for old clients.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers of every attachment download: the real type, never sniffed, and never run as a page. */
export function setDownloadHeaders(response: Response, file: AttachmentDownload, cacheControl: string): void {
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Length', String(file.size));
  response.setHeader('Content-Disposition', contentDisposition(file.fileName));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', cacheControl);
}
