import { useEffect, useState } from 'react';

/**
 * Hash routes (#/inbox, #/public/items/<id>): the API serves one index.html for every non-/api path, and
 * hash routes also work from a saved bookmark of the built files without any server rewrite.
 */
export function useRoute(): string[] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** The query part of a hash route (#/public?q=课后服务&area=义务教育), which useRoute leaves out. */
export function hashQuery(hash: string = window.location.hash): URLSearchParams {
  const index = hash.indexOf('?');
  return new URLSearchParams(index >= 0 ? hash.slice(index + 1) : '');
}

/** The hash route's query parameters, kept current as the hash changes (a search, a filter, back/forward). */
export function useHashQuery(): URLSearchParams {
  const [query, setQuery] = useState(() => hashQuery());
  useEffect(() => {
    const onChange = () => setQuery(hashQuery());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return query;
}

/** A hash path with query parameters, leaving out the empty ones: hashWithQuery('/public', { q: '课后' }) → '/public?q=课后'. */
export function hashWithQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `${path}?${query}` : path;
}
