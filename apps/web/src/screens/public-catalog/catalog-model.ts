import type { components } from '../../openapi/schema';

/** GET /api/public/catalog, as the API documents it. */
export type CatalogView = components['schemas']['PublicCatalogPageView'];
export type CatalogRow = components['schemas']['PublicCatalogRowView'];

/** A calendar day (2027-01-31) as a reader writes it: 2027年1月31日. */
export function localDateText(text: string): string {
  return text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** As the server's page words it: an event-counted row with nothing released and nothing overdue had nothing to publish yet. */
export function standingText(row: CatalogRow): string {
  if (row.standing.basis === 'event' && row.standing.status === 'up-to-date' && row.releases.count === 0) return '暂无逾期未公开';
  return localDateText(row.standing.label);
}

/** The standing's colour: kept up green, behind red, not yet due blue. */
export const STANDING_THEME: Record<string, 'success' | 'danger' | 'primary'> = { 'up-to-date': 'success', behind: 'danger', pending: 'primary' };
