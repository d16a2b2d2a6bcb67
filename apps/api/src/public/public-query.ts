/**
 * The portal's SQL (政务公开专栏): browse, keyword search, facet counts and the feed, free of Nest so that a
 * plain pg client can run and EXPLAIN exactly what the API runs.
 *
 * Search (indexes in libs/db/src/migrations/1764280000000-public-search.ts): every released edition keeps the
 * character unigrams and bigrams of its text in `search_grams`, under a GIN index. The query's terms (split on
 * whitespace, all required) become the grams an edition must contain (`@>`, answered from the index), then an
 * exact substring check confirms each term, so "服务课后" never matches "课后服务". Relevance is per term: 8 for a
 * match in the title, 4 in the catalog item name, 2 in the interpretation, 1 in the body; ties go to the newest
 * release. Browsing walks `item_editions_released` newest first and stops after a page.
 *
 * A term of one or two characters is decided by its n-gram alone (the gram is in the index exactly when the
 * text contains the term), so only longer terms pay for the substring check. Ranking reads every match, so a
 * word found in nearly every item (通知, 公开) would rank the whole portal on every page: when a search has
 * more matches than the rank limit (`PUBLIC_SEARCH_RANK_LIMIT`, counted only up to the limit), its pages are
 * ordered newest first instead, like browsing (`ranking: 'recent'`), and its cursors keep that ordering.
 */
import { ApiError } from '../common/api-error';
import { UNCATEGORIZED, type PortalCategory } from './public-categories';

export const PUBLIC_DEFAULT_LIMIT = 50;
export const PUBLIC_MAX_LIMIT = 200;
export const FEED_ENTRY_COUNT = 50;

/** How a listing is ordered: by relevance (a search with few enough matches), or newest release first. */
export type PublicRanking = 'relevance' | 'recent';

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

export interface PublicFilters {
  readonly area?: string | undefined;
  readonly category?: PortalCategory | undefined;
  /** Search terms, each required; empty means browsing. */
  readonly terms: readonly string[];
}

/** The position after the last item of a page: keyset pagination, never OFFSET. */
export interface PublicCursor {
  /** Only when searching newest first: the first page's ordering, which every later page keeps. */
  readonly ranking?: 'recent';
  /** Only when searching by relevance. */
  readonly relevance?: number;
  /** The edition's release instant, to the microsecond. */
  readonly releasedAt: string;
  readonly id: string;
}

/** The words of a query: split on any whitespace (half- or full-width), lower-cased by the database. */
export function searchTerms(q: string | undefined): string[] {
  return [...new Set((q ?? '').split(/[\s\u3000]+/).filter(Boolean))];
}

/** Browsing: [releasedAt, id]; searching: [relevance, releasedAt, id], or ['recent', releasedAt, id] when newest first. */
export function encodePublicCursor(cursor: PublicCursor): string {
  const first = cursor.ranking ?? cursor.relevance;
  const parts = first === undefined ? [cursor.releasedAt, cursor.id] : [first, cursor.releasedAt, cursor.id];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Throws a 400 naming `cursor` for anything this API did not hand out for the same kind of listing. */
export function decodePublicCursor(raw: string, searching: boolean): PublicCursor {
  try {
    const parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const [relevance, releasedAt, id] = searching ? parts : [undefined, ...parts];
    const recent = relevance === 'recent';
    const shaped =
      Array.isArray(parts) &&
      parts.length === (searching ? 3 : 2) &&
      (!searching || recent || Number.isInteger(relevance)) &&
      typeof releasedAt === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(releasedAt) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
    if (shaped) return { ...(recent ? { ranking: 'recent' as const } : searching ? { relevance: relevance as number } : {}), releasedAt, id };
  } catch {
    // fall through to the error below
  }
  throw ApiError.invalid('cursor', '翻页游标（cursor）不是本列表返回的游标');
}

const CATALOG_NAME = `concat_ws(' / ', c.level1, c.level2, c.level3)`;

/** The columns every portal listing reads: the current released edition with its catalog row. */
const FROM_CURRENT_EDITIONS = `
    FROM item_editions e
    JOIN disclosure_items i ON i.id = e.item_id AND i.current_edition = e.edition
    JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
    JOIN departments d ON d.code = i.department_code`;

const LIST_COLUMNS = `i.id, e.title, e.body, e.edition, e.released_at AS edition_released_at,
         to_char(e.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_released_at,
         i.released_at, i.state, i.withdrawn_at, i.withdrawal_reason, d.name AS department_name,
         c.code, c.area, c.category, c.level1, c.level2, c.level3, c.content, c.basis, c.time_limit_text, c.subject, c.mode`;

/** Appends a value and returns its placeholder. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE conditions for a filter set; `skip` leaves one facet's own filter out (for its counts). */
function conditions(filters: PublicFilters, parameters: Parameters, skip?: 'area' | 'category'): string[] {
  const where: string[] = [];
  if (filters.area !== undefined && skip !== 'area') where.push(`c.area = ${parameters.add(filters.area)}`);
  if (filters.category !== undefined && skip !== 'category') {
    where.push(filters.category === UNCATEGORIZED ? `c.category IS NULL` : `c.category = ${parameters.add(filters.category)}`);
  }
  if (filters.terms.length) {
    const terms = parameters.add(filters.terms);
    where.push(`e.search_grams @> public_search_query_grams(${terms}::text[])`);
    // Only a term longer than a bigram can have all its grams without being in the text. CASE keeps the
    // (detoasting) substring check from running for the short ones.
    where.push(
      `NOT EXISTS (SELECT 1 FROM unnest(${terms}::text[]) AS term
                    WHERE CASE WHEN length(lower(term)) <= 2 THEN false
                               ELSE strpos(lower(concat_ws(E'\\n', e.title, e.body, e.interpretation, ${CATALOG_NAME})), lower(term)) = 0 END)`,
    );
  }
  return where;
}

/**
 * How many released items a search matches, counted only up to `cap + 1`: enough to tell whether it may be
 * ranked (at most `cap`) without reading every match of a very common word.
 */
export function buildSearchMatchCountQuery(filters: PublicFilters, cap: number): SqlQuery {
  const parameters = new Parameters();
  const where = [`i.state <> 'WITHDRAWN'`, ...conditions(filters, parameters)];
  return {
    text: `SELECT count(*)::int AS matches FROM (SELECT 1 ${FROM_CURRENT_EDITIONS} WHERE ${where.join(' AND ')} LIMIT ${parameters.add(cap + 1)}) AS capped`,
    values: parameters.values,
  };
}

/**
 * One page of released (not withdrawn) items: newest first when browsing or when `ranking` is 'recent' (a
 * search with too many matches to rank; its rows still carry their relevance), else by relevance.
 */
export function buildPublicListQuery(filters: PublicFilters, after: PublicCursor | undefined, limit: number, ranking: PublicRanking = 'relevance'): SqlQuery {
  const parameters = new Parameters();
  const where = [`i.state <> 'WITHDRAWN'`, ...conditions(filters, parameters)];
  const relevanceOf = (terms: string) => `(SELECT sum(8 * (strpos(lower(e.title), t) > 0)::int
                               + 4 * (strpos(lower(${CATALOG_NAME}), t) > 0)::int
                               + 2 * (strpos(lower(coalesce(e.interpretation, '')), t) > 0)::int
                               + (strpos(lower(e.body), t) > 0)::int)::int
                      FROM (SELECT lower(term) AS t FROM unnest(${terms}::text[]) AS term) AS terms)`;
  if (!filters.terms.length || ranking === 'recent') {
    if (after) where.push(`(e.released_at, e.item_id) < (${parameters.add(after.releasedAt)}::timestamptz, ${parameters.add(after.id)}::uuid)`);
    const relevance = filters.terms.length ? relevanceOf(parameters.add(filters.terms)) : '0';
    return {
      text: `SELECT ${LIST_COLUMNS}, ${relevance} AS relevance ${FROM_CURRENT_EDITIONS}
              WHERE ${where.join(' AND ')}
              ORDER BY e.released_at DESC, e.item_id DESC
              LIMIT ${parameters.add(limit + 1)}`,
      values: parameters.values,
    };
  }
  const relevance = relevanceOf(parameters.add(filters.terms));
  const keyset = after
    ? `WHERE (found.relevance, found.edition_released_at, found.id) < (${parameters.add(after.relevance ?? 0)}::int, ${parameters.add(after.releasedAt)}::timestamptz, ${parameters.add(after.id)}::uuid)`
    : '';
  return {
    text: `SELECT * FROM (
             SELECT ${LIST_COLUMNS}, ${relevance} AS relevance ${FROM_CURRENT_EDITIONS}
              WHERE ${where.join(' AND ')}
           ) AS found
           ${keyset}
           ORDER BY found.relevance DESC, found.edition_released_at DESC, found.id DESC
           LIMIT ${parameters.add(limit + 1)}`,
    values: parameters.values,
  };
}

/**
 * Counts for the portal's navigation: per area under every filter but the area, and per 五公开 category
 * under every filter but the category, so each list shows what choosing one of its entries would give.
 */
export function buildFacetQueries(filters: PublicFilters): { areas: SqlQuery; categories: SqlQuery } {
  const byArea = new Parameters();
  const areaWhere = [`i.state <> 'WITHDRAWN'`, ...conditions(filters, byArea, 'area')];
  const byCategory = new Parameters();
  const categoryWhere = [`i.state <> 'WITHDRAWN'`, ...conditions(filters, byCategory, 'category')];
  return {
    areas: {
      text: `SELECT c.area, count(*)::int AS count ${FROM_CURRENT_EDITIONS} WHERE ${areaWhere.join(' AND ')} GROUP BY c.area ORDER BY c.area`,
      values: byArea.values,
    },
    categories: {
      text: `SELECT c.category, count(*)::int AS count ${FROM_CURRENT_EDITIONS} WHERE ${categoryWhere.join(' AND ')} GROUP BY c.category`,
      values: byCategory.values,
    },
  };
}

/**
 * The newest entries of the feed: releases and new editions (updated when the edition was released) and
 * withdrawals (updated when withdrawn). Each half walks its own index and stops after a feed's worth.
 */
export function buildFeedQuery(filters: Omit<PublicFilters, 'terms'>, count = FEED_ENTRY_COUNT): SqlQuery {
  const parameters = new Parameters();
  const where = conditions({ ...filters, terms: [] }, parameters);
  const limit = parameters.add(count);
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  return {
    text: `SELECT * FROM (
             (SELECT ${LIST_COLUMNS}, e.released_at AS updated_at ${FROM_CURRENT_EDITIONS}
               WHERE i.state <> 'WITHDRAWN' ${filter}
               ORDER BY e.released_at DESC, e.item_id DESC LIMIT ${limit})
             UNION ALL
             (SELECT ${LIST_COLUMNS}, i.withdrawn_at AS updated_at ${FROM_CURRENT_EDITIONS}
               WHERE i.state = 'WITHDRAWN' ${filter}
               ORDER BY i.withdrawn_at DESC LIMIT ${limit})
           ) AS entries
           ORDER BY updated_at DESC, id DESC
           LIMIT ${limit}`,
    values: parameters.values,
  };
}
