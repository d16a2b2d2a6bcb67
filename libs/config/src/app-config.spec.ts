import * as path from 'node:path';
import { ConfigurationError, loadConfig, projectRoot } from './app-config';

describe('loadConfig', () => {
  it('runs on embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: path.join(projectRoot, '.data'),
      databaseUrl: undefined,
      temporal: { address: undefined, namespace: 'default', taskQueue: 'disclosure', devServerPort: 7233, devUiPort: 8233 },
      auth: { mode: 'dev' },
    });
  });

  it('points at production servers when told to', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/zwgk',
      TEMPORAL_ADDRESS: 'temporal.prod:7233',
      TEMPORAL_NAMESPACE: 'county',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://sso.example.gov.cn',
    });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/zwgk');
    expect(config.temporal).toMatchObject({ address: 'temporal.prod:7233', namespace: 'county' });
    expect(config.auth.mode).toBe('oidc');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ AUTH_MODE: 'password' }, 'AUTH_MODE'],
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
  ])('names the variable at fault: %p', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });
});
