import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '@zwgk/config';

/** The passwords docker/postgres-roles.sql takes as psql variables. */
export interface RolePasswords {
  readonly temporal_password: string;
  readonly owner_password: string;
  readonly app_password: string;
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Runs docker/postgres-roles.sql, the file the compose deployment's PostgreSQL runs at its first start, on
 * another server as its superuser: the same roles and databases, so that the cluster test connects the way
 * a deployment does. Understands the little psql the file uses: `:'variable'` and `\connect database`.
 * Statements run one by one (CREATE DATABASE refuses to run inside a transaction block).
 */
export async function applyDeploymentRoles(superuserUrl: string, passwords: RolePasswords): Promise<void> {
  const script = readFileSync(path.join(projectRoot, 'docker', 'postgres-roles.sql'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .replace(/:'([a-z_]+)'/g, (_match, name: string) => {
      const value = passwords[name as keyof RolePasswords];
      if (value === undefined) throw new Error(`docker/postgres-roles.sql uses :'${name}', which is not given`);
      return quote(value);
    });
  let database = new URL(superuserUrl).pathname.slice(1) || 'postgres';
  for (const part of script.split(/^\\connect\s+(\S+)\s*$/m)) {
    if (/^[a-z_][a-z0-9_]*$/.test(part.trim()) && !part.includes(';')) {
      database = part.trim();
      continue;
    }
    const url = new URL(superuserUrl);
    url.pathname = `/${database}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const statement of part.split(/;\s*$/m).map((text) => text.trim()).filter(Boolean)) await client.query(statement);
    } finally {
      await client.end();
    }
  }
}
