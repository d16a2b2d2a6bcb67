import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import type { PersonalInformationSweepPage } from '@zwgk/contracts';
import { extractAttachmentText, rescanItemFindings, storeAttachmentText } from '@zwgk/db';
import { releaseBlockers } from '@zwgk/domain';

/**
 * IO of the sweep over released items: each item's released text and the text of its public attachments
 * (read now from the attachment store if they were attached before the guard existed), scanned and
 * recorded as findings. Rescanning is idempotent, so a retried page changes nothing twice.
 */
export function createPersonalInformationSweepActivities(dataSource: DataSource, attachmentDir: string) {
  return {
    async sweepReleasedItemsForPersonalInformation(request: { after?: string; limit: number }): Promise<PersonalInformationSweepPage> {
      const items: { id: string }[] = await dataSource.query(
        `SELECT id::text AS id FROM disclosure_items WHERE state = 'RELEASED' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
        [request.after ?? null, request.limit],
      );
      let itemsWithFindings = 0;
      let openFindings = 0;
      for (const item of items) {
        const unread: { id: string; media_type: string; storage_key: string }[] = await dataSource.query(
          `SELECT a.id, a.media_type, a.storage_key FROM item_attachments a LEFT JOIN attachment_texts t ON t.attachment_id = a.id
            WHERE a.item_id = $1 AND a.removed_at IS NULL AND t.attachment_id IS NULL`,
          [item.id],
        );
        for (const attachment of unread) {
          // The store's layout: two levels of fan-out by the sha256 key (see the API's attachment storage).
          const file = path.join(attachmentDir, attachment.storage_key.slice(0, 2), attachment.storage_key.slice(2, 4), attachment.storage_key);
          // Bytes not in this worker's store (a replica without the shared volume) say nothing about the
          // file: it stays unread for a later sweep, rather than being called unreadable.
          const content = await readFile(file).catch(() => undefined);
          if (!content) continue;
          const text = await extractAttachmentText(attachment.media_type, content);
          await storeAttachmentText(dataSource, attachment.id, text.status, text.pages);
        }
        const open = releaseBlockers(await rescanItemFindings(dataSource, item.id));
        if (open.length) itemsWithFindings++;
        openFindings += open.length;
      }
      return { scanned: items.length, itemsWithFindings, openFindings, ...(items.length === request.limit ? { next: items[items.length - 1]!.id } : {}) };
    },
  };
}
