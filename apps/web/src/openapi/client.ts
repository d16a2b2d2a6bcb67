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
 * The body of a successful answer, or the ApiFailure the screens show. Where the API does not document the
 * response body, the caller names the type it reads (`dataOf<SupervisionDemand>(apiClient.GET(...))`); where it
 * does, bodyOf takes the documented type.
 */
export async function dataOf<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiFailureOf(response.status, error, !!loadSession());
  return data as T;
}

/** The body of a successful answer, typed as the API documents it (an @ApiOkResponse view), or the ApiFailure. */
export function bodyOf<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  return dataOf<Data>(call);
}
