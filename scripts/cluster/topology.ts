/**
 * The production topology, in one place: `npm run test:cluster` starts it on one machine, and
 * docker/compose.yaml's defaults (API_REPLICAS, WORKER_REPLICAS, TEMPORAL_NAMESPACE) must match it; the
 * static test of the deployment files holds them together.
 */
export const CLUSTER_TOPOLOGY = {
  apiReplicas: 2,
  workers: 3,
  namespace: 'zwgk',
  taskQueue: 'disclosure',
} as const;
