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
});
