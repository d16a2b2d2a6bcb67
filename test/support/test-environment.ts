/** What the global setup started, passed to test files through the environment. */
export interface TestServers {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly workflowBundlePath: string;
  readonly testServerPath: string;
  readonly dataDir: string;
}

const KEYS = {
  databaseUrl: 'ZWGK_TEST_DATABASE_URL',
  temporalAddress: 'ZWGK_TEST_TEMPORAL_ADDRESS',
  workflowBundlePath: 'ZWGK_TEST_WORKFLOW_BUNDLE',
  testServerPath: 'ZWGK_TEST_TIME_SKIPPING_SERVER',
  dataDir: 'ZWGK_TEST_DATA_DIR',
} as const;

export function publishTestServers(servers: TestServers): void {
  for (const [field, key] of Object.entries(KEYS)) process.env[key] = servers[field as keyof TestServers];
}

export function testServers(): TestServers {
  const read = (key: string) => {
    const value = process.env[key];
    if (!value) throw new Error(`${key} is not set: run the tests through Jest's global setup (npm test)`);
    return value;
  };
  return {
    databaseUrl: read(KEYS.databaseUrl),
    temporalAddress: read(KEYS.temporalAddress),
    workflowBundlePath: read(KEYS.workflowBundlePath),
    testServerPath: read(KEYS.testServerPath),
    dataDir: read(KEYS.dataDir),
  };
}
