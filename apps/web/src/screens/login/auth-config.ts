import type { AuthConfig } from '../../api';
import { apiClient, dataOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/**
 * How staff sign in (GET /api/auth/config): loaded once per visit and shared by the login screen, the silent
 * renewal and the sign-out. Typed as the union the OIDC code branches on (the document lists the fields only).
 */
export const authConfigQuery = {
  queryKey: queryKeys.authConfig(),
  queryFn: () => dataOf<AuthConfig>(apiClient.GET('/api/auth/config')),
  staleTime: Infinity,
} as const;
