import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { findFreeMembershipPort, resolveTemporalServer, writeTemporalServerConfig, type TemporalServerInstallation } from './temporal-server';

/** The parts of the module's development-postgres12.yaml the writer changes, as the module ships them. */
const TEMPLATE = `
log: { stdout: true, level: info }
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
      sql: { pluginName: postgres12, databaseName: temporal, connectAddr: "127.0.0.1:5432", connectProtocol: tcp, user: temporal, password: temporal, maxConns: 20 }
    postgres-visibility:
      sql: { pluginName: postgres12, databaseName: temporal_visibility, connectAddr: "127.0.0.1:5432", connectProtocol: tcp, user: temporal, password: temporal, maxConns: 2 }
global:
  membership: { maxJoinDuration: 30s, broadcastAddress: "127.0.0.1" }
  pprof: { port: 7936 }
  metrics: { prometheus: { framework: tally, timerType: histogram, listenAddress: "127.0.0.1:8000" } }
services:
  frontend: { rpc: { grpcPort: 7233, membershipPort: 6933, bindOnLocalHost: true, httpPort: 7243 } }
  matching: { rpc: { grpcPort: 7235, membershipPort: 6935, bindOnLocalHost: true } }
  history: { rpc: { grpcPort: 7234, membershipPort: 6934, bindOnLocalHost: true } }
  worker: { rpc: { grpcPort: 7239, membershipPort: 6939, bindOnLocalHost: true } }
clusterMetadata:
  currentClusterName: active
  clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: frontend, rpcAddress: "localhost:7233" } }
archival: { history: { state: enabled } }
dynamicConfigClient: { filepath: config/dynamicconfig/development-sql.yaml, pollInterval: 10s }
`;

describe('writeTemporalServerConfig', () => {
  it('points the module config at the given databases and ports, and at a dynamic config file it writes beside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-temporal-config-'));
    mkdirSync(path.join(dir, 'config'));
    const installation = { configTemplate: path.join(dir, 'config', 'development-postgres12.yaml') } as TemporalServerInstallation;
    writeFileSync(installation.configTemplate, TEMPLATE);
    const ports = { frontend: 41001, frontendHttp: 41002, frontendMembership: 21001, history: 41003, historyMembership: 21002, matching: 41004, matchingMembership: 21003, worker: 41005, workerMembership: 21004, metrics: 41006 };
    const file = writeTemporalServerConfig(installation, path.join(dir, 'out'), { host: '127.0.0.1', port: 5999, user: 'temporal', password: 's3cret', database: 't', visibilityDatabase: 'tv' }, ports, 'warn');
    const config = parse(readFileSync(file, 'utf8'));
    expect(config.persistence.datastores['postgres-default'].sql).toMatchObject({ databaseName: 't', connectAddr: '127.0.0.1:5999', user: 'temporal', password: 's3cret', maxConns: 20 });
    expect(config.persistence.datastores['postgres-visibility'].sql).toMatchObject({ databaseName: 'tv', connectAddr: '127.0.0.1:5999', maxConns: 2 });
    expect(config.services.frontend.rpc).toEqual({ grpcPort: 41001, httpPort: 41002, membershipPort: 21001, bindOnLocalHost: true });
    expect(config.services.worker.rpc).toMatchObject({ grpcPort: 41005, membershipPort: 21004 });
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:41001');
    expect(config.global.metrics.prometheus.listenAddress).toBe('127.0.0.1:41006');
    expect(config.global.pprof.port).toBe(0);
    expect(config.log).toEqual({ stdout: true, level: 'warn' });
    expect(config.archival.history.state).toBe('disabled');
    expect(parse(readFileSync(config.dynamicConfigClient.filepath, 'utf8'))).toEqual({ 'limit.maxIDLength': [{ value: 255, constraints: {} }] });
  });
});

describe('findFreeMembershipPort', () => {
  it('stays below 32768, where Temporal can store a membership port', async () => {
    for (let i = 0; i < 5; i++) {
      const port = await findFreeMembershipPort();
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
  });
});

describe('resolveTemporalServer', () => {
  it('refuses a TEMPORAL_SERVER_DIR that is not a complete installation, saying what it lacks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-temporal-install-'));
    await expect(resolveTemporalServer(dir, { env: { TEMPORAL_SERVER_DIR: dir } })).rejects.toThrow(/TEMPORAL_SERVER_DIR=.* lacks bin\/temporal-server/);
  });
});
