import { ApiProperty } from '@nestjs/swagger';
import { ItemAttachmentView } from '../items/item.views';
import { PublicAttachmentItemView } from '../public/public.views';
import type { DataSource, EntityManager } from 'typeorm';

/** One attachment as the API answers it; never the entity itself. */
export interface AttachmentView {
  id: string;
  itemId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  removedAt: string | null;
  /** The path (under the API's origin) to download it with a bearer token. */
  downloadPath: string;
}

/** An attachment of a released item, as the public portal shows it. */
export interface PublicAttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** The path of the public download (no login). */
  downloadPath: string;
}

export interface AttachmentRow {
  id: string;
  item_id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date;
  removed_at: Date | null;
}

export const ATTACHMENT_COLUMNS = 'id, item_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, removed_at';

export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    itemId: row.item_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at.toISOString(),
    removedAt: row.removed_at ? row.removed_at.toISOString() : null,
    downloadPath: `/api/items/${row.item_id}/attachments/${row.id}`,
  };
}

/** The files attached to an item now, oldest first. Used by the item page too. */
export async function listItemAttachments(db: DataSource | EntityManager, itemId: string): Promise<AttachmentView[]> {
  const rows: AttachmentRow[] = await db.query(
    `SELECT ${ATTACHMENT_COLUMNS} FROM item_attachments WHERE item_id = $1 AND removed_at IS NULL ORDER BY uploaded_at, id`,
    [itemId],
  );
  return rows.map(toAttachmentView);
}

/**
 * The attachments the public may download: those of the released edition the portal shows, i.e. attached
 * when that edition was released and not removed before it. A change (变更) in progress, which may add or
 * remove files, stays out of public view until its own release. Nothing for an unreleased or withdrawn item.
 */
export async function listPublicAttachmentRows(db: DataSource | EntityManager, itemId: string): Promise<AttachmentRow[]> {
  return db.query(
    `SELECT ${ATTACHMENT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
       FROM disclosure_items i
       JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition
       JOIN item_attachments a ON a.item_id = i.id
      WHERE i.id = $1 AND i.state <> 'WITHDRAWN' AND i.withdrawn_at IS NULL
        AND a.uploaded_at <= e.released_at AND (a.removed_at IS NULL OR a.removed_at > e.released_at)
      ORDER BY a.uploaded_at, a.id`,
    [itemId],
  );
}

export function toPublicAttachmentView(row: AttachmentRow): PublicAttachmentView {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    downloadPath: `/api/public/items/${row.item_id}/attachments/${row.id}`,
  };
}

/*
 * The attachment routes' answers, documented for the OpenAPI document the web app's types are generated from
 * (the interfaces above are what the service builds; these classes only describe them). One attachment is the
 * item page's ItemAttachmentView.
 */
export class AttachmentListView {
  @ApiProperty({ type: [ItemAttachmentView], description: 'the files attached now, oldest first' }) items!: ItemAttachmentView[];
}

export class UploadedAttachmentView extends ItemAttachmentView {
  @ApiProperty({ description: 'false when the same bytes under the same name were attached already (a retried upload)' }) created!: boolean;
}

export class UploadedAttachmentListView {
  @ApiProperty({ type: [UploadedAttachmentView], description: 'in the order the files were sent' }) items!: UploadedAttachmentView[];
}

export class PublicAttachmentListView {
  @ApiProperty({ type: [PublicAttachmentItemView], description: "the files of the released edition, oldest first; none for a withdrawn item" }) items!: PublicAttachmentItemView[];
}

class AttachmentTypeView {
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ example: 'PDF' }) label!: string;
  @ApiProperty({ type: [String], example: ['pdf'] }) extensions!: string[];
  @ApiProperty({ description: 'a table (XLSX, CSV), named apart from the documents in the form\'s hint' }) spreadsheet!: boolean;
}

export class AttachmentLimitsView {
  @ApiProperty({ type: 'integer' }) maxFileBytes!: number;
  @ApiProperty({ type: 'integer' }) maxFilesPerItem!: number;
  @ApiProperty({ type: [AttachmentTypeView] }) types!: AttachmentTypeView[];
}
