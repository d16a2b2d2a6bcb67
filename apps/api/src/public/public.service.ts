import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogItemName, CONCERN_KIND_LABELS, disclosureModeLabel, type CatalogItem, type ConcernKind } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

interface PublicRow {
  id: string;
  title: string;
  body: string;
  interpretation: string | null;
  edition: number | null;
  edition_released_at: Date | null;
  state: string;
  released_at: Date | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  department_code: string;
  department_name: string;
  channels: string[];
  code: string;
  area: string;
  level1: string;
  level2: string;
  level3: string | null;
  content: string;
  basis: string;
  time_limit_text: string;
  subject: string;
  mode: CatalogItem['mode'];
}

// The public sees the current released edition, never a draft: a change (变更) under review leaves the
// released edition in place until the new one is released.
const SELECT_PUBLIC = `
  SELECT i.id, e.title, e.body, e.interpretation, e.edition, e.released_at AS edition_released_at, i.state, i.released_at,
         i.withdrawn_at, i.withdrawal_reason, i.department_code, d.name AS department_name, i.channels, c.code, c.area,
         c.level1, c.level2, c.level3, c.content, c.basis, c.time_limit_text, c.subject, c.mode
    FROM disclosure_items i
    JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition
    JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
    JOIN departments d ON d.code = i.department_code`;

interface PublishedResponseRow {
  concern_id: string;
  kind: ConcernKind;
  question: string | null;
  response: string;
  department_name: string;
  published_at: Date;
}

/** The six catalog elements the public sees with every item: 名称, 依据, 内容, 主体, 时限, 方式. */
function elementsOf(row: PublicRow) {
  return {
    name: catalogItemName({ level1: row.level1, level2: row.level2, level3: row.level3 ?? undefined }),
    basis: row.basis,
    content: row.content,
    subject: row.subject,
    timeLimit: row.time_limit_text,
    mode: disclosureModeLabel(row.mode),
  };
}

/** The public portal (政务公开专栏): released items only, no login. */
@Injectable()
export class PublicService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(area: string | undefined, limit: number) {
    const rows: PublicRow[] = await this.dataSource.query(
      `${SELECT_PUBLIC} WHERE i.state <> 'WITHDRAWN' AND ($1::text IS NULL OR c.area = $1) ORDER BY e.released_at DESC, i.id LIMIT $2`,
      [area ?? null, limit],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        area: row.area,
        department: row.department_name,
        releasedAt: row.released_at,
        edition: row.edition,
        updatedAt: row.edition_released_at,
        catalogItemCode: row.code,
        elements: elementsOf(row),
      })),
    };
  }

  /** A released item, or the withdrawal notice of a withdrawn one. Anything else does not exist publicly. */
  async detail(id: string) {
    const rows: PublicRow[] = await this.dataSource.query(`${SELECT_PUBLIC} WHERE i.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw ApiError.notFound(`no released item ${id}`);
    if (row.state === 'WITHDRAWN') {
      return { id: row.id, title: row.title, state: 'WITHDRAWN', withdrawnAt: row.withdrawn_at, withdrawalReason: row.withdrawal_reason, department: row.department_name };
    }
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      state: 'RELEASED',
      area: row.area,
      department: row.department_name,
      releasedAt: row.released_at,
      edition: row.edition,
      updatedAt: row.edition_released_at,
      channels: row.channels,
      catalogItemCode: row.code,
      elements: elementsOf(row),
      interpretation: row.interpretation,
      editions: await this.editions(row.id),
      responses: await this.publishedResponses(row.id),
    };
  }

  /** The edition history (版次): every released edition, oldest first. */
  private async editions(itemId: string) {
    const rows: { edition: number; title: string; released_at: Date }[] = await this.dataSource.query(
      `SELECT edition, title, released_at FROM item_editions WHERE item_id = $1 ORDER BY edition`,
      [itemId],
    );
    return rows.map((row) => ({ edition: row.edition, title: row.title, releasedAt: row.released_at.toISOString() }));
  }

  /**
   * Responses to public concerns (回应关切), oldest first: the question as asked without the asker's
   * contact details (an incident shows only its response), who answered, and when it was published.
   */
  private async publishedResponses(itemId: string) {
    const rows: PublishedResponseRow[] = await this.dataSource.query(
      `SELECT r.concern_id, c.kind, r.question, r.response, d.name AS department_name, r.published_at
         FROM concern_responses r
         JOIN concerns c ON c.id = r.concern_id
         JOIN departments d ON d.code = r.department_code
        WHERE r.item_id = $1
        ORDER BY r.published_at, r.concern_id`,
      [itemId],
    );
    return rows.map((row) => ({
      id: row.concern_id,
      kind: row.kind,
      kindLabel: CONCERN_KIND_LABELS[row.kind],
      question: row.question,
      response: row.response,
      respondent: row.department_name,
      publishedAt: row.published_at.toISOString(),
    }));
  }
}
