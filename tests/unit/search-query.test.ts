import { describe, expect, it } from 'vitest';
import { foldForSearch, toSearchQuery } from '../../src/graph/entities.ts';

describe('full-text search input', () => {
  it('folds case and diacritics', () => {
    expect(foldForSearch('Fetullah GÜLEN')).toBe('fetullah gulen');
  });

  it('matches every word whole, as a prefix, or misspelt, in that order of rank', () => {
    expect(toSearchQuery('Kassym Toka')).toBe('(kassym^4 OR kassym*^2 OR kassym~1) AND (toka^4 OR toka*^2 OR toka~1)');
  });

  it('forgives more edits in longer words and none in short ones', () => {
    expect(toSearchQuery('nazarbaev')).toBe('(nazarbaev^4 OR nazarbaev*^2 OR nazarbaev~2)');
    expect(toSearchQuery('isis')).toBe('(isis^4 OR isis*^2 OR isis~1)');
    expect(toSearchQuery('KGB')).toBe('(kgb^4 OR kgb*^2)');
  });

  it('searches Lucene syntax literally instead of parsing it', () => {
    for (const input of ['"unbalanced', 'a*b~2', 'name:x AND (y', 'OR NOT', '\\ / [ ] { } ^ ! && ||', 'x\u0000y\u0007']) {
      const query = toSearchQuery(input);
      if (query === null) continue;
      expect(query).toMatch(/^(\(([\p{L}\p{N}]+)\^4 OR \2\*\^2( OR \2~[12])?\)( AND )?)+$/u);
    }
  });

  it('has nothing to search in punctuation alone', () => {
    expect(toSearchQuery('*** ~~ ::')).toBeNull();
  });
});
