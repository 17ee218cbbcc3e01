import { describe, expect, it } from 'vitest';
import { foldForSearch, toSearchQuery } from '../../src/graph/entities.ts';

describe('full-text search input', () => {
  it('folds case and diacritics', () => {
    expect(foldForSearch('Fetullah GÜLEN')).toBe('fetullah gulen');
  });

  it('matches every word whole or as a prefix', () => {
    expect(toSearchQuery('Kassym Toka')).toBe('(kassym OR kassym*) AND (toka OR toka*)');
  });

  it('searches Lucene syntax literally instead of parsing it', () => {
    for (const input of ['"unbalanced', 'a*b~2', 'name:x AND (y', 'OR NOT', '\\ / [ ] { } ^ ! && ||', 'x\u0000y\u0007']) {
      const query = toSearchQuery(input);
      if (query === null) continue;
      expect(query).toMatch(/^(\([\p{L}\p{N}]+ OR [\p{L}\p{N}]+\*\)( AND )?)+$/u);
    }
  });

  it('has nothing to search in punctuation alone', () => {
    expect(toSearchQuery('*** ~~ ::')).toBeNull();
  });
});
