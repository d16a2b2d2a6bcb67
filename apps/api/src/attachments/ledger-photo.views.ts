import { ApiProperty } from '@nestjs/swagger';

/** A photo of a manual channel's notice, uploaded for the release ledger's confirmation. */
export class LedgerPhotoView {
  @ApiProperty({ format: 'uuid', description: 'what the confirmation names as photoAttachmentId' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ description: 'the ledger channel the photo is for' }) channel!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ description: "the path (under the API's origin) to fetch it with a bearer token" }) downloadPath!: string;
  @ApiProperty({ description: 'false when the same bytes were already uploaded for this channel (a retry): the same photo answers' }) created!: boolean;
}

export interface LedgerPhotoRow {
  id: string;
  item_id: string;
  channel: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export const LEDGER_PHOTO_COLUMNS = 'id, item_id, channel, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at';

export const ledgerPhotoPath = (itemId: string, photoId: string) => `/api/items/${itemId}/ledger/photos/${photoId}`;

export function toLedgerPhotoView(row: LedgerPhotoRow, created: boolean): LedgerPhotoView {
  return {
    id: row.id,
    itemId: row.item_id,
    channel: row.channel,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at.toISOString(),
    downloadPath: ledgerPhotoPath(row.item_id, row.id),
    created,
  };
}
