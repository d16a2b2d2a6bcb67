import { HttpException, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { ApiError } from '../common/api-error';
import { formatBytes } from './attachment-type';

/**
 * multer's storage engine for attachment uploads: keeps each file in memory up to the size limit, and
 * refuses the first file over it, or the first file beyond the per-request count, with a message that
 * names the file and the limit (multer's own limits answer "File too large" without either).
 */
export class AttachmentUploadEngine implements StorageEngine {
  private readonly filesSeen = new WeakMap<Request, number>();

  constructor(
    private readonly maxFileBytes: number,
    private readonly maxFiles: number,
  ) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const seen = (this.filesSeen.get(req) ?? 0) + 1;
    this.filesSeen.set(req, seen);
    if (seen > this.maxFiles) {
      file.stream.resume();
      callback(ApiError.invalid('files', `${file.originalname}：每个事项最多只能上传 ${this.maxFiles} 个附件`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    file.stream.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > this.maxFileBytes) {
        refused = true;
        chunks.length = 0;
        file.stream.resume();
        // The ledger's confirmation photo (field `photo`) shares the attachments' limit.
        const what = file.fieldname === 'photo' ? '每张照片' : '每个附件';
        const problem = `${file.originalname}：文件超过了${what} ${formatBytes(this.maxFileBytes)} 的大小上限`;
        callback(new HttpException({ message: problem, fields: [{ field: file.fieldname, problems: [problem] }] }, HttpStatus.PAYLOAD_TOO_LARGE));
        return;
      }
      chunks.push(chunk);
    });
    file.stream.on('end', () => {
      if (refused) return;
      const buffer = Buffer.concat(chunks);
      callback(null, { buffer, size: buffer.length });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    (file as Partial<Express.Multer.File>).buffer = undefined;
    callback(null);
  }
}
