/** A path with query parameters, leaving out the empty ones: pathWithQuery('/public', { q: '课后' }) → '/public?q=课后'. */
export function pathWithQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Where an old hash link (`/#/public/items/<id>`, from before the app used history URLs) now lives, or null
 * when the hash is not such a link (`#main` of the skip link, or none).
 */
export function legacyHashTarget(hash: string): string | null {
  return hash.startsWith('#/') ? hash.slice(1) : null;
}
