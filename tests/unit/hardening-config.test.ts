/** Configuration edges and the local Neo4j's password file, without a database. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { localNeo4jPassword, PASSWORD_FILE, prepareDataDir } from '../../src/db/local-neo4j.ts';

const configError = (environment: Record<string, string>) => {
  try {
    loadConfig(environment);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('configuration edges', () => {
  it('empty values are errors that name the variable', () => {
    expect(configError({ PORT: '' })).toContain('PORT="": is empty; give a value or unset it for the default');
    expect(configError({ NEO4J_QUERY_TIMEOUT_MS: ' ', CORS_ORIGINS: '' })).toMatch(/NEO4J_QUERY_TIMEOUT_MS=" ": is empty[\s\S]*CORS_ORIGINS="": is empty/);
  });

  it('CORS_ORIGINS accepts *, or origins exactly as browsers send them', () => {
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'https://studio.apollographql.com, http://localhost:5173' }).http.corsOrigins).toEqual([
      'https://studio.apollographql.com',
      'http://localhost:5173',
    ]);
    expect(configError({ CORS_ORIGINS: 'http://localhost:5173/' })).toMatch(/"http:\/\/localhost:5173\/" is not an origin/);
    expect(configError({ CORS_ORIGINS: 'localhost:5173' })).toMatch(/"localhost:5173" is not an origin/);
    expect(configError({ CORS_ORIGINS: '*,https://a.example' })).toMatch(/"\*" is not an origin/);
  });

  it('NEO4J_PASSWORD is optional for the local Neo4j and required with NEO4J_URI', () => {
    expect(loadConfig({}).neo4j.password).toBeUndefined();
    expect(configError({ NEO4J_URI: 'bolt://db.example:7687' })).toContain('NEO4J_PASSWORD=undefined: is required with NEO4J_URI');
  });

  it('the request deadline is the query timeout plus a margin; debug is off by default, even in development', () => {
    const config = loadConfig({ NEO4J_QUERY_TIMEOUT_MS: '3000' });
    expect(config.http.requestDeadlineMs).toBe(4000);
    expect(config.graphql.debug).toBe(false);
  });
});

describe("the local Neo4j's data folder and password", () => {
  const root = mkdtempSync(path.join(tmpdir(), 'newsgraph-password-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('generates one password per data folder, owner-only, and keeps it', () => {
    const dataDir = path.join(root, 'one');
    const password = localNeo4jPassword(dataDir);
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(statSync(path.join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(localNeo4jPassword(dataDir)).toBe(password);
    expect(localNeo4jPassword(path.join(root, 'two'))).not.toBe(password);
  });

  it('refuses a password file that others can read', () => {
    const dataDir = path.join(root, 'shared');
    localNeo4jPassword(dataDir);
    const file = path.join(dataDir, PASSWORD_FILE);
    chmodSync(file, 0o644);
    expect(() => localNeo4jPassword(dataDir)).toThrow(`${file} can be read by other users (mode 644); run chmod 600 on it`);
    chmodSync(file, 0o600);
    writeFileSync(file, 'short\n');
    expect(() => localNeo4jPassword(dataDir)).toThrow(/holds no usable password/);
    expect(readFileSync(file, 'utf8')).toBe('short\n');
  });

  it('refuses data folders on kernel pseudo-filesystems and files in the way', () => {
    expect(() => prepareDataDir('/proc/newsgraph/data')).toThrow(/\/proc is on the kernel's proc pseudo-filesystem/);
    expect(() => prepareDataDir('/sys/newsgraph')).toThrow(/sysfs pseudo-filesystem/);
    const file = path.join(root, 'a-file');
    writeFileSync(file, '');
    expect(() => prepareDataDir(file)).toThrow(/is not a folder/);
  });
});
