import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogItemName, CONCERN_KIND_LABELS, disclosureModeLabel, maskPersonalInformationInText, type CatalogItem, type ConcernKind } from '@zwgk/domain';
import { listPublicAttachmentRows, toPublicAttachmentView } from '../attachments/attachment.views';
import { ApiError } from '../common/api-error';
import { publicityPeriodView } from '../items/publicity-period.view';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { nameBasedUuid, renderAtomFeed } from './atom-feed';
import { PORTAL_CATEGORIES, PORTAL_CATEGORY_LABELS, portalCategoryOf, type PortalCategory } from './public-categories';
import {
  buildFacetQueries,
  buildFeedQuery,
  buildPublicListQuery,
  buildSearchMatchCountQuery,
  decodePublicCursor,
  encodePublicCursor,
  PUBLIC_DEFAULT_LIMIT,
  searchTerms,
  type PublicCursor,
  type PublicFilters,
  type PublicRanking,
  type SqlQuery,
} from './public-query';

/** The catalog row's six elements and the department, as every public query selects them. */
interface PublicCatalogColumns {
  department_name: string;
  code: string;
  area: string;
  category: string | null;
  level1: string;
  level2: string;
  level3: string | null;
  content: string;
  basis: string;
  time_limit_text: string;
  subject: string;
  mode: CatalogItem['mode'];
}

interface PublicRow extends PublicCatalogColumns {
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
  channels: string[];
  publicity_starts_at: Date | null;
  publicity_ends_at: Date | null;
}

// The public sees the current released edition, never a draft: a change (变更) under review leaves the
// released edition in place until the new one is released.
const SELECT_PUBLIC = `
  SELECT i.id, e.title, e.body, e.interpretation, e.edition, e.released_at AS edition_released_at, i.state, i.released_at,
         i.withdrawn_at, i.withdrawal_reason, i.department_code, d.name AS department_name, i.channels, c.code, c.area,
         i.publicity_starts_at, i.publicity_ends_at,
         c.level1, c.level2, c.level3, c.content, c.basis, c.time_limit_text, c.subject, c.mode, c.category
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

/** A row of a portal listing (public-query.ts LIST_COLUMNS). */
interface PublicListRow extends PublicCatalogColumns {
  id: string;
  title: string;
  body: string;
  edition: number;
  edition_released_at: Date;
  sort_released_at: string;
  released_at: Date | null;
  state: string;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  relevance: number;
}

export interface PublicFeedRequest {
  readonly area?: string | undefined;
  readonly category?: PortalCategory | undefined;
}
export interface PublicFacetsRequest extends PublicFeedRequest {
  readonly q?: string | undefined;
}
export interface PublicListRequest extends PublicFacetsRequest {
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

/** Whitespace-only `q` is refused like an empty one: it would match everything. */
function filtersOf(query: PublicFacetsRequest): PublicFilters {
  const terms = searchTerms(query.q);
  if (query.q !== undefined && !terms.length) throw ApiError.invalid('q', '搜索词（q）须包含至少一个关键词');
  return { area: query.area, category: query.category, terms };
}

const SNIPPET_LENGTH = 120;
const FEED_SUMMARY_LENGTH = 200;

/**
 * A plain-text excerpt of the body: around the first term it contains (so the result list shows why the
 * item matched), else its beginning. Whitespace runs become one space.
 */
function snippetOf(body: string, terms: readonly string[], length = SNIPPET_LENGTH): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const lower = text.toLowerCase();
  const hits = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((index) => index >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = first > length / 3 ? Math.min(first - Math.floor(length / 3), text.length - length) : 0;
  return `${start > 0 ? '…' : ''}${text.slice(start, start + length)}${start + length < text.length ? '…' : ''}`;
}

/** YYYY年M月D日 in China time, for the withdrawal notice in the feed. */
function chinaDate(instant: Date): string {
  const [year, month, day] = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The six catalog elements the public sees with every item: 名称, 依据, 内容, 主体, 时限, 方式. */
function elementsOf(row: Pick<PublicRow, 'level1' | 'level2' | 'level3' | 'basis' | 'content' | 'subject' | 'time_limit_text' | 'mode'>) {
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
  private readonly searchRankLimit: number;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.searchRankLimit = config.publicPortal.searchRankLimit;
  }

  /**
   * One page of released items, filtered by area and 五公开 category, and by keyword when `q` is given
   * (ordered by relevance, then newest release; newest first when the search has more matches than
   * PUBLIC_SEARCH_RANK_LIMIT, `ranking: 'recent'`). `nextCursor` is null on the last page.
   */
  async list(query: PublicListRequest) {
    const filters = filtersOf(query);
    const searching = filters.terms.length > 0;
    const after = query.cursor ? decodePublicCursor(query.cursor, searching) : undefined;
    const limit = query.limit ?? PUBLIC_DEFAULT_LIMIT;
    const ranking = await this.rankingOf(filters, after);
    const { text, values } = buildPublicListQuery(filters, after, limit, ranking);
    const rows: PublicListRow[] = await this.dataSource.query(text, values);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const next: Omit<PublicCursor, 'releasedAt' | 'id'> = !searching ? {} : ranking === 'recent' ? { ranking: 'recent' } : { relevance: last?.relevance ?? 0 };
    return {
      // Only said when it differs from what the listing promises: a search too common to rank.
      ...(searching && ranking === 'recent' ? { ranking } : {}),
      items: page.map((row) => ({
        id: row.id,
        title: row.title,
        area: row.area,
        category: portalCategoryOf(row.category),
        categoryLabel: PORTAL_CATEGORY_LABELS[portalCategoryOf(row.category)],
        department: row.department_name,
        releasedAt: row.released_at,
        edition: row.edition,
        updatedAt: row.edition_released_at,
        catalogItemCode: row.code,
        elements: elementsOf(row),
        snippet: snippetOf(row.body, filters.terms),
        ...(searching ? { relevance: row.relevance } : {}),
      })),
      nextCursor:
        rows.length > limit && last
          ? encodePublicCursor({ ...next, releasedAt: last.sort_released_at, id: last.id })
          : null,
    };
  }

  /**
   * Browsing is newest first. A search keeps the ordering its first page chose (the cursor carries it), so
   * paging neither repeats nor skips when the match count crosses the limit meanwhile; a first page ranks by
   * relevance unless the matches, counted only up to the limit, exceed it.
   */
  private async rankingOf(filters: PublicFilters, after: PublicCursor | undefined): Promise<PublicRanking> {
    if (!filters.terms.length) return 'recent';
    if (after?.ranking === 'recent') return 'recent';
    if (!after) return (await this.matchesExceed(filters, this.searchRankLimit)) ? 'recent' : 'relevance';
    // A relevance cursor ranks every match again. Cursors are not signed, so one for a search far past the
    // limit (forged, or from before the portal doubled) is refused rather than ranking the whole portal.
    if (await this.matchesExceed(filters, 2 * this.searchRankLimit)) {
      throw ApiError.invalid('cursor', '本次搜索结果过多，无法按相关度继续翻页，请从第一页重新搜索');
    }
    return 'relevance';
  }

  /** Whether a search matches more than `cap` released items, reading at most `cap + 1` of them. */
  private async matchesExceed(filters: PublicFilters, cap: number): Promise<boolean> {
    const { text, values } = buildSearchMatchCountQuery(filters, cap);
    const [row]: { matches: number }[] = await this.dataSource.query(text, values);
    return (row?.matches ?? 0) > cap;
  }

  /** Counts per area and per 五公开 category for the portal's navigation, under the other filters. */
  async facets(query: PublicFacetsRequest) {
    const filters = filtersOf(query);
    const queries = buildFacetQueries(filters);
    // With a search term, the counts read the matches from the GIN index: containment there is exact, so the
    // bitmap scan never opens an edition's n-gram array. The planner does not cost detoasting that array and
    // would scan the table instead when a word is in nearly every item (通知: ~0.6 s instead of ~70 ms at 50k).
    const count = <T>(query: SqlQuery): Promise<T[]> =>
      filters.terms.length
        ? this.dataSource.transaction(async (manager) => {
            await manager.query('SET LOCAL enable_seqscan = off');
            return manager.query(query.text, query.values);
          })
        : this.dataSource.query(query.text, query.values);
    const [areaRows, categoryRows] = await Promise.all([
      count<{ area: string; count: number }>(queries.areas),
      count<{ category: string | null; count: number }>(queries.categories),
    ]);
    const byCategory = new Map(categoryRows.map((row) => [portalCategoryOf(row.category), row.count]));
    const total = filters.area === undefined ? areaRows.reduce((sum, row) => sum + row.count, 0) : (areaRows.find((row) => row.area === filters.area)?.count ?? 0);
    return {
      total,
      areas: areaRows.map((row) => ({ area: row.area, count: row.count })),
      categories: PORTAL_CATEGORIES.map((category) => ({ category, label: PORTAL_CATEGORY_LABELS[category], count: byCategory.get(category) ?? 0 })),
    };
  }

  /**
   * The Atom feed: the newest releases, new editions and withdrawals. A withdrawn item stays in the feed as an
   * updated entry saying so (with the public reason), so a reader that already has it learns of the withdrawal.
   */
  async feed(query: PublicFeedRequest, origin: string): Promise<string> {
    const filters = { area: query.area, category: query.category };
    const { text, values } = buildFeedQuery(filters);
    const rows: (PublicListRow & { updated_at: Date })[] = await this.dataSource.query(text, values);
    const search = new URLSearchParams();
    if (query.area) search.set('area', query.area);
    if (query.category) search.set('category', query.category);
    const filterText = search.toString();
    const heading = [query.area ? `${query.area}领域` : '', query.category ? PORTAL_CATEGORY_LABELS[query.category] : ''].filter(Boolean).join(' · ');
    const portalQuery = filterText ? `?${filterText}` : '';
    return renderAtomFeed({
      id: `urn:uuid:${nameBasedUuid(`zwgk:public-feed${portalQuery}`)}`,
      title: heading ? `政务公开专栏：${heading}` : '政务公开专栏',
      subtitle: '县人民政府主动公开的政府信息',
      // An empty feed has changed no later than now; the epoch would read as a feed abandoned in 1970.
      updated: rows[0]?.updated_at ?? new Date(),
      selfUrl: `${origin}/api/public/feed.atom${portalQuery}`,
      alternateUrl: `${origin}/public${portalQuery}`,
      author: '县人民政府',
      entries: rows.map((row) => {
        const category = portalCategoryOf(row.category);
        const withdrawn = row.state === 'WITHDRAWN';
        return {
          id: `urn:uuid:${row.id}`,
          title: withdrawn ? `【已撤回】${row.title}` : row.title,
          updated: row.updated_at,
          published: row.released_at ?? row.edition_released_at,
          url: `${origin}/public/items/${row.id}`,
          author: row.department_name,
          summary: withdrawn
            ? `该信息已于${chinaDate(row.withdrawn_at ?? row.updated_at)}撤回。撤回原因：${row.withdrawal_reason ?? ''}`
            : snippetOf(row.body, [], FEED_SUMMARY_LENGTH),
          categories: [
            { term: row.area, label: `领域：${row.area}` },
            { term: PORTAL_CATEGORY_LABELS[category], label: `五公开：${PORTAL_CATEGORY_LABELS[category]}` },
          ],
        };
      }),
    });
  }

  /** A released item, or the withdrawal notice of a withdrawn one. Anything else does not exist publicly. */
  async detail(id: string) {
    const rows: PublicRow[] = await this.dataSource.query(`${SELECT_PUBLIC} WHERE i.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw ApiError.notFound(`没有已发布的事项 ${id}`);
    if (row.state === 'WITHDRAWN') {
      return { id: row.id, title: row.title, state: 'WITHDRAWN', withdrawnAt: row.withdrawn_at, withdrawalReason: row.withdrawal_reason, department: row.department_name };
    }
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      state: 'RELEASED',
      area: row.area,
      category: portalCategoryOf(row.category),
      categoryLabel: PORTAL_CATEGORY_LABELS[portalCategoryOf(row.category)],
      department: row.department_name,
      releasedAt: row.released_at,
      edition: row.edition,
      updatedAt: row.edition_released_at,
      channels: row.channels,
      catalogItemCode: row.code,
      elements: elementsOf(row),
      interpretation: row.interpretation,
      // The 公示期, when the item's rule has one: from the release to its last day, and whether it has ended.
      publicityPeriod: publicityPeriodView({ publicityStartsAt: row.publicity_starts_at, publicityEndsAt: row.publicity_ends_at }, Date.now()),
      editions: await this.editions(row.id),
      // Only the files of the edition shown here: a change still in review does not leak its new files.
      attachments: (await listPublicAttachmentRows(this.dataSource, row.id)).map(toPublicAttachmentView),
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
      // Masked again as shown: responses published before the guard, or a citizen's details in the answer.
      question: row.question === null ? null : maskPersonalInformationInText(row.question),
      response: maskPersonalInformationInText(row.response),
      respondent: row.department_name,
      publishedAt: row.published_at.toISOString(),
    }));
  }
}
