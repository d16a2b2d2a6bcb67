import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from './api';

/**
 * Data loading for the screens (TanStack Query): answers cached for half a minute, a failed load retried
 * twice unless the API refused it (a 4xx says the same the next time), and a screen's data reloaded after
 * a decision by invalidating its key.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiFailure && error.status < 500) && failures < 2,
    },
  },
});

/** The query keys, one place, so that a decision invalidates exactly what it changed. */
export const queryKeys = {
  demand: (id: string) => ['supervision-demand', id] as const,
  applicationDemands: (applicationId: string) => ['application-demands', applicationId] as const,
  publicItem: (id: string) => ['public-item', id] as const,
  concerns: (state: string) => ['concerns', state] as const,
  concern: (id: string) => ['concern', id] as const,
  departments: () => ['departments'] as const,
  item: (id: string) => ['item', id] as const,
  ledgerPhoto: (itemId: string, photoId: string) => ['ledger-photo', itemId, photoId] as const,
  notifications: () => ['notifications'] as const,
  inbox: () => ['inbox'] as const,
};
