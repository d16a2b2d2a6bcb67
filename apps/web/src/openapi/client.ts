import createClient, { type Middleware } from 'openapi-fetch';
import { apiFailureOf, loadSession } from '../api';
import type { paths } from './schema';

/** The session's bearer token on every request that does not bring its own. */
const bearerToken: Middleware = {
  onRequest({ request }) {
    const session = loadSession();
    if (session && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
};

/**
 * The API client typed from the OpenAPI document (schema.d.ts, generated; a test fails when it drifts from
 * the API): paths, path, query and header parameters and request bodies are checked by the compiler.
 */
export const apiClient = createClient<paths>({ baseUrl: window.location.origin });
apiClient.use(bearerToken);

/**
 * The body of a successful answer, or the ApiFailure the screens show. The API documents few response bodies
 * yet, so the caller names the type it reads (`dataOf<SupervisionDemand>(apiClient.GET(...))`).
 */
export async function dataOf<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiFailureOf(response.status, error, !!loadSession());
  return data as T;
}
