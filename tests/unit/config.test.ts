import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.ts';

describe('configuration', () => {
  it('has working defaults: a local Neo4j, port 4000, development', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.http.port).toBe(4000);
    expect(config.nodeEnv).toBe('development');
    expect(config.graphql.introspection).toBe(true);
  });

  it('turns introspection and the landing page off in production unless set', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('checks rows from Neo4j outside production unless set', () => {
    expect(loadConfig({}).graphql.checkRows).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.checkRows).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CHECK_ROWS: 'true' }).graphql.checkRows).toBe(true);
    expect(loadConfig({ CHECK_ROWS: 'false' }).graphql.checkRows).toBe(false);
  });

  it('names every bad variable and its value', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NODE_ENV: 'prod' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NODE_ENV: 'prod' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT="eighty"/);
      expect(message).toMatch(/NEO4J_URI="http:\/\/localhost:7474": must be a neo4j:\/\/ or bolt:\/\/ URI/);
      expect(message).toMatch(/NODE_ENV="prod"/);
    }
  });

  it('sizes the local Neo4j to the machine unless told, and reads sizes in m or g', () => {
    const defaults = loadConfig({}).neo4j.memory;
    expect(defaults.heapMb).toBeGreaterThanOrEqual(512);
    expect(defaults.heapMb).toBeLessThanOrEqual(4_096);
    expect(defaults.pageCacheMb).toBeGreaterThanOrEqual(64);
    expect(defaults.pageCacheMb).toBeLessThanOrEqual(4_096);
    expect(loadConfig({ NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '300m' }).neo4j.memory).toEqual({ heapMb: 2_048, pageCacheMb: 300 });
  });

  it('names a bad memory size and the problem', () => {
    expect(() => loadConfig({ NEO4J_HEAP: '512' })).toThrow('NEO4J_HEAP="512": must be a size in megabytes or gigabytes, such as 512m or 2g');
    expect(() => loadConfig({ NEO4J_PAGECACHE: '1.5g' })).toThrow('NEO4J_PAGECACHE="1.5g": must be a size in megabytes or gigabytes');
    expect(() => loadConfig({ NEO4J_HEAP: '100m' })).toThrow('NEO4J_HEAP="100m": must be at least 256m');
    expect(() => loadConfig({ NEO4J_HEAP: '100000g' })).toThrow(/NEO4J_HEAP="100000g": NEO4J_HEAP and NEO4J_PAGECACHE ask for 102400000m in all, but this machine has \d+m/);
  });

  it('takes a redis:// or rediss:// REDIS_URL, and none by default', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow('REDIS_URL="http://cache:6379": must be a redis:// or rediss:// URL');
  });

  it('trusts no proxy by default, and takes hops, addresses, subnets or Express\'s names', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).http.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(() => loadConfig({ TRUST_PROXY: '0' })).toThrow('TRUST_PROXY="0": must be at least 1 hop; unset it to trust no proxy');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY="true": "true" is not an address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal');
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow('"10.0.0.0/40" is not an address');
  });
});
