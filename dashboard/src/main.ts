/** The dashboard page: every section loads on its own, so one failing query leaves the rest working. */
import './style.css';
import { loadArticle } from './article.ts';
import { loadClaims } from './claims.ts';
import { load, section } from './dom.ts';
import { setUpSearch, showEntity } from './entity.ts';
import { loadFigures } from './figures.ts';
import { loadMap } from './map.ts';
import { loadTimeline } from './timeline.ts';

setUpSearch();
void load(section('article'), loadArticle);
void showEntity('kassym-jomart-tokayev');
void load(section('figures'), loadFigures);
void load(section('timeline'), loadTimeline);
void load(section('map'), loadMap);
void load(section('claims'), loadClaims);
