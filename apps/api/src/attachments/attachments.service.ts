import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readAttachmentsAndRescan, rescanItemFindings, writeAuditEvent, type DisclosureItemEntity } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ItemsService } from '../items/items.service';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { ATTACHMENT_KINDS, checkAttachment, cleanFileName } from './attachment-type';
import {
  ATTACHMENT_COLUMNS,
  listItemAttachments,
  listPublicAttachmentRows,
  toAttachmentView,
  toPublicAttachmentView,
  type AttachmentRow,
  type AttachmentView,
  type PublicAttachmentView,
} from './attachment.views';

/** A file as multer hands it over: the name the browser sent, its declared type, the bytes. */
export interface UploadedAttachment {
  readonly originalName: string;
  readonly declaredType: string;
  readonly content: Buffer;
}

/** The bytes of one attachment, ready to stream, with what the response headers need. */
export interface AttachmentDownload {
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly stream: Readable;
}

/** Attachments change only with the content they go with: while the drafter holds the item. */
const EDITABLE_STATES = ['DRAFT', 'RETURNED'];

const STATE_WORDS: Readonly<Record<string, string>> = {
  IN_REVIEW: '审核中，审核人按提交时的附件审核',
  APPROVED: '已签发，签发针对的是当时的附件',
  RELEASED: '已发布，如需修改请发起变更',
  REJECTED: '不予公开，不能再修改',
  WITHDRAWN: '已撤回，不能再修改',
};

@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the upload form needs to check files before sending them. */
  limits() {
    return {
      maxFileBytes: this.config.attachments.maxFileBytes,
      maxFilesPerItem: this.config.attachments.maxFilesPerItem,
      types: ATTACHMENT_KINDS.map((kind) => ({ mediaType: kind.mediaType, label: kind.label, extensions: kind.extensions, spreadsheet: kind.spreadsheet === true })),
    };
  }

  async list(actor: Actor, itemId: string): Promise<{ items: AttachmentView[] }> {
    await this.items.loadVisible(actor, itemId);
    return { items: await listItemAttachments(this.dataSource, itemId) };
  }

  /**
   * Attaches files to the drafter's own draft or returned item. Every file is checked before any is stored;
   * the same bytes under the same name on the same item are the same attachment, so a retried upload adds nothing.
   */
  async upload(actor: Actor, itemId: string, files: readonly UploadedAttachment[], requestId: string | undefined): Promise<{ items: (AttachmentView & { created: boolean })[] }> {
    const item = await this.loadEditable(actor, itemId, '上传附件');
    if (files.length === 0) throw ApiError.invalid('files', '请至少选择一个文件（表单字段 files）');
    const checked = files.map((file) => {
      const fileName = cleanFileName(file.originalName);
      const result = checkAttachment(fileName, file.declaredType, file.content);
      return { fileName: fileName || file.originalName, content: file.content, result };
    });
    const problems = checked.flatMap(({ fileName, result }) => (result.ok ? [] : [`${fileName}: ${result.problem}`]));
    if (problems.length) throw new ApiError('invalid-input', `附件（files）：${problems.join('；')}`, [{ field: 'files', problems }]);

    const prepared = checked.map(({ fileName, content, result }) => {
      const sha256 = createHash('sha256').update(content).digest('hex');
      return { fileName, content, sha256, mediaType: result.ok ? result.kind.mediaType : '' };
    });
    // Bytes first: a row never points at bytes that are not there. Content-addressed, so a retry stores nothing new.
    for (const file of prepared) await this.storage.put(file.sha256, file.content);

    const stored = await this.dataSource.transaction(async (manager) => {
      // One upload per item at a time, so that two at once cannot both pass the count.
      await manager.query(`SELECT pg_advisory_xact_lock(1764290, hashtext($1))`, [itemId]);
      await this.stillEditable(manager, itemId, '上传附件');
      const existing: AttachmentRow[] = await manager.query(`SELECT ${ATTACHMENT_COLUMNS} FROM item_attachments WHERE item_id = $1 AND removed_at IS NULL`, [itemId]);
      const isAttached = (file: { sha256: string; fileName: string }) => existing.some((row) => row.sha256 === file.sha256 && row.file_name === file.fileName);
      const newOnes = new Set(prepared.filter((file) => !isAttached(file)).map((file) => `${file.sha256}:${file.fileName}`));
      const max = this.config.attachments.maxFilesPerItem;
      if (existing.length + newOnes.size > max) {
        throw ApiError.invalid('files', `每个事项最多只能上传 ${max} 个附件；已有 ${existing.length} 个，本次又上传 ${newOnes.size} 个`);
      }
      const results: (AttachmentView & { created: boolean })[] = [];
      for (const file of prepared) {
        const [inserted]: AttachmentRow[] = await manager.query(
          // clock_timestamp(), not now(): the files of one upload keep the order they were sent in.
          `INSERT INTO item_attachments (id, item_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())
           ON CONFLICT (item_id, sha256, file_name) WHERE removed_at IS NULL DO NOTHING
           RETURNING ${ATTACHMENT_COLUMNS}`,
          [randomUUID(), itemId, file.fileName, file.mediaType, file.content.length, file.sha256, file.sha256, actor.username],
        );
        if (inserted) {
          await this.audit(manager, actor, item, 'attachment.uploaded', inserted, requestId);
          results.push({ ...toAttachmentView(inserted), created: true });
        } else {
          const [found]: AttachmentRow[] = await manager.query(
            `SELECT ${ATTACHMENT_COLUMNS} FROM item_attachments WHERE item_id = $1 AND sha256 = $2 AND file_name = $3 AND removed_at IS NULL`,
            [itemId, file.sha256, file.fileName],
          );
          results.push({ ...toAttachmentView(found!), created: false });
        }
      }
      return results;
    });
    await readAttachmentsAndRescan(this.dataSource, itemId, stored, prepared);
    return { items: stored };
  }

  /** Takes a file off the drafter's draft or returned item. The record stays (soft removal); removing twice is removing once. */
  async remove(actor: Actor, itemId: string, attachmentId: string, requestId: string | undefined): Promise<AttachmentView> {
    const item = await this.loadEditable(actor, itemId, '删除附件');
    const removedView = await this.dataSource.transaction(async (manager) => {
      await this.stillEditable(manager, itemId, '删除附件');
      const [row]: AttachmentRow[] = await manager.query(`SELECT ${ATTACHMENT_COLUMNS} FROM item_attachments WHERE id = $1 AND item_id = $2 FOR UPDATE`, [attachmentId, itemId]);
      if (!row) throw ApiError.notFound(`事项 ${itemId} 没有附件 ${attachmentId}`);
      if (row.removed_at) return toAttachmentView(row);
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[removed]]: [AttachmentRow[], number] = await manager.query(
        `UPDATE item_attachments SET removed_at = now(), removed_by = $2 WHERE id = $1 RETURNING ${ATTACHMENT_COLUMNS}`,
        [attachmentId, actor.username],
      );
      await this.audit(manager, actor, item, 'attachment.removed', removed!, requestId);
      return toAttachmentView(removed!);
    });
    await rescanItemFindings(this.dataSource, itemId); // its findings go with it
    return removedView;
  }

  /** The bytes for the item's department and for oversight roles. */
  async download(actor: Actor, itemId: string, attachmentId: string): Promise<AttachmentDownload> {
    await this.items.loadVisible(actor, itemId);
    const [row]: AttachmentRow[] = await this.dataSource.query(`SELECT ${ATTACHMENT_COLUMNS} FROM item_attachments WHERE id = $1 AND item_id = $2`, [attachmentId, itemId]);
    if (!row) throw ApiError.notFound(`事项 ${itemId} 没有附件 ${attachmentId}`);
    if (row.removed_at) throw ApiError.notFound(`附件 ${attachmentId} 已从事项 ${itemId} 中删除`);
    return this.open(row);
  }

  /** The public download: only an attachment of a released (not withdrawn) item's current edition; 404 otherwise. */
  async publicDownload(itemId: string, attachmentId: string): Promise<AttachmentDownload> {
    const row = (await listPublicAttachmentRows(this.dataSource, itemId)).find((candidate) => candidate.id === attachmentId);
    if (!row) throw ApiError.notFound(`事项 ${itemId} 没有公开的附件 ${attachmentId}`);
    return this.open(row);
  }

  /**
   * The attachments the public item page lists. 404 for an item the portal does not show (never released,
   * or unknown), like the item itself; a withdrawn item keeps its notice on the portal, with no files.
   */
  async listPublicAttachments(itemId: string): Promise<PublicAttachmentView[]> {
    const [shown] = await this.dataSource.query(`SELECT 1 FROM disclosure_items i JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition WHERE i.id = $1`, [itemId]);
    if (!shown) throw ApiError.notFound(`没有已发布的公开事项 ${itemId}`);
    return (await listPublicAttachmentRows(this.dataSource, itemId)).map(toPublicAttachmentView);
  }

  private async open(row: AttachmentRow): Promise<AttachmentDownload> {
    const { stream, size } = await this.storage.open(row.storage_key).catch((error: unknown) => {
      // The row is there but not its bytes: a replica without the shared files volume, or a restore without files.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('unavailable', `附件 ${row.id} 的文件暂不可读取，请稍后再试或联系系统管理员`);
      throw error;
    });
    return { fileName: row.file_name, mediaType: row.media_type, size, stream };
  }

  /**
   * The state again, inside the writing transaction: the item may have been submitted while the bytes were
   * stored. This narrows the window to the read model's; the workflow holds the authoritative state.
   */
  private async stillEditable(manager: EntityManager, itemId: string, doing: string): Promise<void> {
    const [row]: { state: string }[] = await manager.query(`SELECT state FROM disclosure_items WHERE id = $1 FOR SHARE`, [itemId]);
    if (!row || !EDITABLE_STATES.includes(row.state)) {
      throw ApiError.conflict(`不能为事项 ${itemId} ${doing}：事项${STATE_WORDS[row?.state ?? ''] ?? `当前为 ${row?.state ?? '已不存在'}`}；只有草稿或退回修改的事项才能更改附件`);
    }
  }

  private async loadEditable(actor: Actor, itemId: string, doing: string): Promise<DisclosureItemEntity> {
    const item = await this.items.loadVisible(actor, itemId);
    if (item.drafterUsername !== actor.username) throw ApiError.forbidden(`只有事项 ${itemId} 的起草人（${item.drafterUsername}）才能${doing}`);
    if (!EDITABLE_STATES.includes(item.state)) {
      throw ApiError.conflict(`不能为事项 ${itemId} ${doing}：事项${STATE_WORDS[item.state] ?? `当前为 ${item.state}`}；只有草稿或退回修改的事项才能更改附件`);
    }
    return item;
  }

  private async audit(manager: EntityManager, actor: Actor, item: DisclosureItemEntity, action: string, row: AttachmentRow, requestId: string | undefined): Promise<void> {
    await writeAuditEvent(manager, {
      eventKey: `${action}:${row.id}`,
      itemId: item.id,
      actor: actor.username,
      actorRole: 'drafter',
      departmentCode: actor.departmentCode,
      action,
      detail: { attachmentId: row.id, fileName: row.file_name, mediaType: row.media_type, size: Number(row.size_bytes), sha256: row.sha256, revision: item.revision },
      requestId,
    });
  }
}
