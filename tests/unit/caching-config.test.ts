/** The caching and persisted-documents settings: defaults, and bad values named with their reason. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-manifest-'));
const manifestFile = (content: string) => {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return file;
};

describe('caching configuration', () => {
  it('defaults: data cached 60 s, a 30 MB response cache, the examples manifest, ad-hoc queries allowed', () => {
    const { caching, persistedDocuments } = loadConfig({}).graphql;
    expect(caching).toEqual({ defaultMaxAgeSeconds: 60, responseCacheMaxBytes: 30_000_000 });
    expect(persistedDocuments.only).toBe(false);
    // One document per example operation.
    expect(persistedDocuments.manifest.size).toBe(readdirSync('examples').filter((name) => name.endsWith('.graphql')).length);
    for (const id of persistedDocuments.manifest.keys()) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([
    [{ CACHE_MAX_AGE_S: '-1' }, /CACHE_MAX_AGE_S="-1"/],
    [{ CACHE_MAX_AGE_S: '100000' }, /CACHE_MAX_AGE_S="100000": must be at most 86400/],
    [{ RESPONSE_CACHE_MAX_BYTES: 'lots' }, /RESPONSE_CACHE_MAX_BYTES="lots"/],
    [{ PERSISTED_DOCUMENTS_ONLY: 'yes' }, /PERSISTED_DOCUMENTS_ONLY="yes"/],
    [{ PERSISTED_DOCUMENTS_FILE: path.join(folder, 'missing.json') }, /PERSISTED_DOCUMENTS_FILE=.*missing\.json": cannot be read as JSON \(ENOENT/],
    [{ PERSISTED_DOCUMENTS_FILE: manifestFile('[]') }, /must be a JSON object of "sha256:<hash>": "document" entries/],
    [{ PERSISTED_DOCUMENTS_FILE: manifestFile('{"sha256:abc": "{ stats { articles } }"}') }, /entry "sha256:abc" is not "sha256:" and the SHA-256 of its document; run npm run codegen/],
  ])('refuses %o', (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(message);
  });

  it('reads a manifest whose ids are the SHA-256 of their documents', () => {
    const document = '{ stats { articles } }';
    const id = `sha256:${createHash('sha256').update(document).digest('hex')}`;
    const file = manifestFile(JSON.stringify({ [id]: document }));
    expect([...loadConfig({ PERSISTED_DOCUMENTS_FILE: file }).graphql.persistedDocuments.manifest]).toEqual([[id, document]]);
  });
});
