/** The dashboard page: every section loads on its own, so one failing query leaves the rest working. */
import './style.css';
import { loadArticles } from './article.ts';
import { loadClaims } from './claims.ts';
import { load, section } from './dom.ts';
import { setUpSearch, showEntity } from './entity.ts';
import { loadFigures } from './figures.ts';
import { loadMap } from './map.ts';
import { loadCountries, loadTimeline } from './timeline.ts';

/** The timeline and the map show the events of one country, or of every country (null). */
function showCountry(countryId: string | null): void {
  void load(section('timeline'), () => loadTimeline(countryId));
  void load(section('map'), () => loadMap(countryId));
}

setUpSearch();
void load(section('article'), loadArticles);
void showEntity('kassym-jomart-tokayev');
void load(section('figures'), loadFigures);
void load(section('timeline'), () => loadCountries(showCountry).then(() => loadTimeline(null)));
void load(section('map'), () => loadMap(null));
void load(section('claims'), loadClaims);
