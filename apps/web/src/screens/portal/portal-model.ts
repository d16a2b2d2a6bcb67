import type { components } from '../../openapi/schema';
import { pathWithQuery } from '../../router';

/** The portal's listing and counts, as the API documents them (generated from its OpenAPI document). */
export type Elements6 = components['schemas']['PublicElementsView'];
export type PublicListItem = components['schemas']['PublicListItemView'];
export type PublicPage = components['schemas']['PublicItemPageView'];
export type PublicFacets = components['schemas']['PublicFacetsView'];

/** GET /api/public/items/:id: a released item whole, a withdrawn one as its title and why. */
export type PublicItem = components['schemas']['PublicItemView'];

export const PAGE_SIZE = 20;

/** What the portal shows: the keyword and the two browsing dimensions, all kept in the URL's query. */
export interface PortalFilters {
  q?: string | undefined;
  area?: string | undefined;
  category?: string | undefined;
}

export function portalHref(filters: PortalFilters): string {
  return pathWithQuery('/public', { q: filters.q, area: filters.area, category: filters.category });
}

export function apiQuery(filters: PortalFilters, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries({ q: filters.q, area: filters.area, category: filters.category, ...extra }).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
  return query ? `?${query}` : '';
}

/** The search terms as the API splits them: on any whitespace, all required. */
export function termsOf(q: string | undefined): string[] {
  return [...new Set((q ?? '').split(/[\s\u3000]+/).filter(Boolean))];
}

/** The list's heading, as the server's page has it: 义务教育领域 · 服务公开信息公开, or 政府信息公开. */
export function scopeTitle(area: string | undefined, categoryLabel: string | undefined): string {
  const scope = [area ? `${area}领域` : '', categoryLabel ?? ''].filter(Boolean).join(' · ');
  return scope ? `${scope}信息公开` : '政府信息公开';
}
