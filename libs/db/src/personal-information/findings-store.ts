import { randomUUID } from 'node:crypto';
import { scanDisclosureContent, type FindingStatus, type ScannableAttachment, type StoredFindingKind } from '@zwgk/domain';
import type { AuditSqlRunner } from '../audit/audit-writer';

/** What runs SQL: a DataSource, an EntityManager inside a transaction, a QueryRunner. */
export type FindingsSqlRunner = AuditSqlRunner;

/** How an attachment's text was read at upload. */
export type AttachmentTextStatus = 'text' | 'no-text-layer' | 'image' | 'unreadable';

/** A current finding as stored: where, what, masked, and what people decided about it. */
export interface StoredFinding {
  readonly id: string;
  readonly itemId: string;
  readonly key: string;
  readonly kind: StoredFindingKind;
  readonly field: 'title' | 'body' | 'interpretation' | 'attachment';
  readonly attachmentId: string | null;
  readonly fileName: string | null;
  readonly page: number | null;
  /** A spreadsheet's sheet name for `page` (null for a PDF, whose pages are numbered). */
  readonly pageName: string | null;
  readonly start: number;
  readonly end: number;
  readonly maskedPreview: string;
  readonly status: FindingStatus;
  readonly justification: string | null;
  readonly justifiedBy: string | null;
  readonly justifiedAt: string | null;
  readonly firstFoundAt: string;
}

interface FindingRow {
  id: string;
  item_id: string;
  finding_key: string;
  kind: StoredFindingKind;
  field: StoredFinding['field'];
  attachment_id: string | null;
  file_name: string | null;
  page: number | null;
  page_name: string | null;
  start_offset: number;
  end_offset: number;
  masked_preview: string;
  status: FindingStatus;
  justification: string | null;
  justified_by: string | null;
  justified_at: Date | null;
  first_found_at: Date;
}

const COLUMNS = 'id, item_id, finding_key, kind, field, attachment_id, file_name, page, page_name, start_offset, end_offset, masked_preview, status, justification, justified_by, justified_at, first_found_at';

function toFinding(row: FindingRow): StoredFinding {
  return {
    id: row.id,
    itemId: row.item_id,
    key: row.finding_key,
    kind: row.kind,
    field: row.field,
    attachmentId: row.attachment_id,
    fileName: row.file_name,
    page: row.page,
    pageName: row.page_name,
    start: row.start_offset,
    end: row.end_offset,
    maskedPreview: row.masked_preview,
    status: row.status,
    justification: row.justification,
    justifiedBy: row.justified_by,
    justifiedAt: row.justified_at ? new Date(row.justified_at).toISOString() : null,
    firstFoundAt: new Date(row.first_found_at).toISOString(),
  };
}

/** Stores what was read from an attachment; reading the same attachment again replaces it. */
export async function storeAttachmentText(sql: FindingsSqlRunner, attachmentId: string, status: AttachmentTextStatus, pages: readonly string[], pageNames?: readonly string[]): Promise<void> {
  await sql.query(
    `INSERT INTO attachment_texts (attachment_id, status, pages, page_names) VALUES ($1, $2, $3, $4)
     ON CONFLICT (attachment_id) DO UPDATE SET status = EXCLUDED.status, pages = EXCLUDED.pages, page_names = EXCLUDED.page_names, extracted_at = now()`,
    [attachmentId, status, pages.map((page) => page.replace(/\u0000/g, '')), pageNames ?? null],
  );
}

/** Reading order: the item's fields as the form shows them, then the attachments page by page. */
const READING_ORDER = `array_position(ARRAY['title','body','interpretation','attachment']::varchar[], field), file_name NULLS FIRST, page NULLS FIRST, start_offset, id`;

/** The item's findings that its current content and attachments carry, in reading order. */
export async function listCurrentFindings(sql: FindingsSqlRunner, itemId: string): Promise<StoredFinding[]> {
  const rows = (await sql.query(`SELECT ${COLUMNS} FROM personal_information_findings WHERE item_id = $1 AND resolved_at IS NULL ORDER BY ${READING_ORDER}`, [itemId])) as FindingRow[];
  return rows.map(toFinding);
}

interface AttachmentTextRow {
  id: string;
  file_name: string;
  status: AttachmentTextStatus | null;
  pages: string[] | null;
  page_names: string[] | null;
}

/** The item's current attachments with what was read from them, oldest first, as one JSON array (for the query below). */
const ATTACHMENT_TEXTS = `coalesce((
    SELECT json_agg(json_build_object('id', a.id, 'file_name', a.file_name, 'status', t.status, 'pages', t.pages, 'page_names', t.page_names) ORDER BY a.uploaded_at, a.id)
      FROM item_attachments a LEFT JOIN attachment_texts t ON t.attachment_id = a.id
     WHERE a.item_id = $1 AND a.removed_at IS NULL), '[]'::json)`;

/** What a scan reads, in one query: the item's text (unless given) and its attachments' text. Undefined content: no such item. */
async function scanInput(sql: FindingsSqlRunner, itemId: string, subject?: ScanSubject): Promise<{ content: ScanSubject | undefined; attachments: AttachmentTextRow[] }> {
  if (subject) {
    const [row] = (await sql.query(`SELECT ${ATTACHMENT_TEXTS} AS attachments`, [itemId])) as { attachments: AttachmentTextRow[] }[];
    return { content: subject, attachments: row.attachments };
  }
  const [row] = (await sql.query(`SELECT title, body, interpretation, ${ATTACHMENT_TEXTS} AS attachments FROM disclosure_items WHERE id = $1`, [itemId])) as (ScanSubject & {
    attachments: AttachmentTextRow[];
  })[];
  return row ? { content: { title: row.title, body: row.body, interpretation: row.interpretation }, attachments: row.attachments } : { content: undefined, attachments: [] };
}

export interface ScanSubject {
  readonly title: string;
  readonly body: string;
  readonly interpretation?: string | null;
}

/**
 * Scans the item's content (its current draft, or the content given, such as a released edition's) and
 * the text of its current attachments, and brings the stored findings up to date: new ones open, gone ones
 * closed (masked), the decisions on the rest kept. An attachment whose text could not be read (a scan
 * without a text layer) is a finding of its own that only a reviewer can clear. Safe to run twice.
 */
export async function rescanItemFindings(sql: FindingsSqlRunner, itemId: string, subject?: ScanSubject): Promise<StoredFinding[]> {
  // The item's text and its attachments' text (a 保密审查 or 签发 approval waits on this scan).
  const { content, attachments } = await scanInput(sql, itemId, subject);
  if (!content) return [];
  const sheetName = (attachmentId: string, page: number) => attachments.find((row) => row.id === attachmentId)?.page_names?.[page - 1] ?? null;
  const readable: ScannableAttachment[] = attachments.filter((row) => row.status === 'text').map((row) => ({ attachmentId: row.id, fileName: row.file_name, pages: row.pages ?? [] }));
  const found = scanDisclosureContent(content, readable).map((finding) => ({
    key: finding.key,
    kind: finding.kind as StoredFindingKind,
    field: finding.location.field,
    attachmentId: finding.location.field === 'attachment' ? finding.location.attachmentId : null,
    fileName: finding.location.field === 'attachment' ? finding.location.fileName : null,
    page: finding.location.field === 'attachment' ? finding.location.page : null,
    pageName: finding.location.field === 'attachment' ? sheetName(finding.location.attachmentId, finding.location.page) : null,
    start: finding.start,
    end: finding.end,
    maskedPreview: finding.maskedPreview,
  }));
  for (const row of attachments.filter((candidate) => candidate.status === 'no-text-layer' || candidate.status === 'unreadable')) {
    found.push({
      key: `attachment:${row.id}:unreadable`,
      kind: 'unreadable-attachment',
      field: 'attachment',
      attachmentId: row.id,
      fileName: row.file_name,
      page: null,
      pageName: null,
      start: 0,
      end: 0,
      maskedPreview: row.status === 'no-text-layer' ? '无法自动检查：扫描件，没有文字层' : '无法自动检查：文件无法读取',
    });
  }

  for (const finding of found) {
    await sql.query(
      `INSERT INTO personal_information_findings (id, item_id, finding_key, kind, field, attachment_id, file_name, page, start_offset, end_offset, masked_preview, page_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (item_id, finding_key) DO UPDATE SET
         start_offset = EXCLUDED.start_offset, end_offset = EXCLUDED.end_offset, masked_preview = EXCLUDED.masked_preview,
         file_name = EXCLUDED.file_name, last_found_at = now(), resolved_at = NULL,
         -- Back in the text after it was masked: open again. A reviewer's legal reason stays with the value.
         status = CASE WHEN personal_information_findings.status = 'justified' THEN 'justified' ELSE 'open' END`,
      [randomUUID(), itemId, finding.key, finding.kind, finding.field, finding.attachmentId, finding.fileName, finding.page, finding.start, finding.end, finding.maskedPreview, finding.pageName],
    );
  }
  // The findings no longer found are closed, and the current ones read, in one statement: its SELECT sees the
  // rows as they were before its UPDATE, so the ones it closes are left out by id.
  const rows = (await sql.query(
    `WITH resolved AS (
       UPDATE personal_information_findings SET resolved_at = now(), status = CASE WHEN status = 'open' THEN 'masked' ELSE status END
        WHERE item_id = $1 AND resolved_at IS NULL AND NOT (finding_key = ANY($2::varchar[]))
       RETURNING id)
     SELECT ${COLUMNS} FROM personal_information_findings
      WHERE item_id = $1 AND resolved_at IS NULL AND id NOT IN (SELECT id FROM resolved)
      ORDER BY ${READING_ORDER}`,
    [itemId, found.map((finding) => finding.key)],
  )) as FindingRow[];
  return rows.map(toFinding);
}

/** Records a reviewer's legal reason for releasing a finding as it is. Undefined when the item has no such current finding. */
export async function justifyFinding(sql: FindingsSqlRunner, itemId: string, findingId: string, reason: string, username: string): Promise<StoredFinding | undefined> {
  const [rows] = (await sql.query(
    `UPDATE personal_information_findings SET status = 'justified', justification = $3, justified_by = $4, justified_at = now()
      WHERE id = $1 AND item_id = $2 AND resolved_at IS NULL RETURNING ${COLUMNS}`,
    [findingId, itemId, reason, username],
  )) as [FindingRow[], number];
  return rows[0] ? toFinding(rows[0]) : undefined;
}
