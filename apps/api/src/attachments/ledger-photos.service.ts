import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { ItemsService } from '../items/items.service';
import { ReleaseLedgerService } from '../items/release-ledger.service';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import type { AttachmentDownload, UploadedAttachment } from './attachments.service';
import { checkLedgerPhoto } from './ledger-photo-type';
import { LEDGER_PHOTO_COLUMNS, toLedgerPhotoView, type LedgerPhotoRow, type LedgerPhotoView } from './ledger-photo.views';

/**
 * Photos for the release ledger's confirmations (公示栏 posted or taken down): checked by their bytes,
 * stored by their sha256 in the attachment store, one row per item, channel and content. The confirmation
 * then names the photo; the ledger shows it to the staff who may see the item, never to the public.
 */
@Injectable()
export class LedgerPhotosService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(ReleaseLedgerService) private readonly ledger: ReleaseLedgerService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** Stores the photo for whoever may work the item's ledger; the same bytes again answer the same photo. */
  async upload(actor: Actor, itemId: string, channel: string, file: UploadedAttachment | undefined, requestId: string | undefined): Promise<LedgerPhotoView> {
    const item = await this.ledger.loadWorkable(actor, itemId, channel);
    if (!file) throw ApiError.invalid('photo', '请选择一张照片（表单字段 photo）');
    const checked = checkLedgerPhoto(file.originalName, file.content);
    if (!checked.ok) throw ApiError.invalid('photo', `${file.originalName || '照片'}：${checked.problem}`);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    // Bytes first: a row never points at bytes that are not there. Content-addressed, so a retry stores nothing new.
    await this.storage.put(sha256, file.content);
    return this.dataSource.transaction(async (manager) => {
      const [inserted]: LedgerPhotoRow[] = await manager.query(
        `INSERT INTO ledger_photos (id, item_id, channel, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT ledger_photos_once DO NOTHING
         RETURNING ${LEDGER_PHOTO_COLUMNS}`,
        [randomUUID(), itemId, channel, checked.fileName, checked.kind.mediaType, file.content.length, sha256, sha256, actor.username],
      );
      if (!inserted) {
        const [found]: LedgerPhotoRow[] = await manager.query(`SELECT ${LEDGER_PHOTO_COLUMNS} FROM ledger_photos WHERE item_id = $1 AND channel = $2 AND sha256 = $3`, [itemId, channel, sha256]);
        return toLedgerPhotoView(found!, false);
      }
      await writeAuditEvent(manager, {
        eventKey: `ledger.photo-uploaded:${inserted.id}`,
        itemId,
        actor: actor.username,
        actorRole: actor.roles[0] ?? null,
        departmentCode: actor.departmentCode,
        action: 'ledger.photo-uploaded',
        detail: { channel, photoId: inserted.id, fileName: inserted.file_name, mediaType: inserted.media_type, size: file.content.length, sha256, revision: item.revision },
        requestId,
      });
      return toLedgerPhotoView(inserted, true);
    });
  }

  /** The photo's bytes, for whoever may see the item. */
  async download(actor: Actor, itemId: string, photoId: string): Promise<AttachmentDownload> {
    await this.items.loadVisible(actor, itemId);
    const [row]: LedgerPhotoRow[] = await this.dataSource.query(`SELECT ${LEDGER_PHOTO_COLUMNS} FROM ledger_photos WHERE id = $1 AND item_id = $2`, [photoId, itemId]);
    if (!row) throw ApiError.notFound(`事项 ${itemId} 没有台账照片 ${photoId}`);
    const { stream, size } = await this.storage.open(row.storage_key).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('unavailable', `台账照片 ${row.id} 的文件暂不可读取，请稍后再试或联系系统管理员`);
      throw error;
    });
    return { fileName: row.file_name, mediaType: row.media_type, size, stream };
  }
}
