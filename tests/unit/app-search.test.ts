import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/feed/types';
import {
  foldForSearch,
  matchArticles,
  searchTerms,
} from '../../src/app/data/search/substring-match';

function article(id: string, fields: Partial<Article>): Article {
  return {
    id,
    title: '',
    subtitles: [],
    datePublished: '2023-05-06T10:00:00+08:00',
    authors: [],
    summary: '',
    tags: [],
    blocks: [],
    text: '',
    ...fields,
  };
}

const seed = article('seed', {
  title: '山东省数字强省建设工作推进会召开',
  summary: '5月5日下午，推进会在济南召开。',
  text: '会议深入贯彻习近平总书记关于数字中国的重要论述。',
  datePublished: '2023-05-06T10:30:13+08:00',
});
const blueberry = article('blueberry', {
  title: '山东惠民：蓝莓成乡村振兴“致富果”',
  summary: '济南周边的蓝莓大棚迎来采摘季。',
  datePublished: '2023-05-05T09:00:00+08:00',
});
const film = article('film', {
  title: '【于燕说电影】女性成长电影',
  text: 'AI 修复的老电影在济南上映。',
  datePublished: '2023-05-07T08:00:00+08:00',
});
const all = [seed, blueberry, film];

describe('searchTerms', () => {
  it('splits on any whitespace, including the ideographic space, and drops empties', () => {
    expect(searchTerms('  济南\u3000蓝莓  ')).toEqual(['济南', '蓝莓']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('folds full-width letters and case', () => {
    expect(foldForSearch('ＡＩ Ai')).toBe('ai ai');
  });
});

describe('matchArticles', () => {
  it('finds a substring of the title', () => {
    expect(matchArticles(all, '数字强省').map((a) => a.id)).toEqual(['seed']);
  });

  it('finds substrings of the summary and of the body text', () => {
    expect(matchArticles(all, '采摘').map((a) => a.id)).toEqual(['blueberry']);
    expect(matchArticles(all, '数字中国').map((a) => a.id)).toEqual(['seed']);
  });

  it('requires every term of a multi-word query', () => {
    expect(matchArticles(all, '济南 蓝莓').map((a) => a.id)).toEqual(['blueberry']);
    expect(matchArticles(all, '济南 不存在的词')).toEqual([]);
  });

  it('ranks title matches first, then newest first', () => {
    const inTitle = article('in-title', {
      title: '济南：泉城夜景',
      datePublished: '2023-05-01T08:00:00+08:00',
    });
    // Every article mentions 济南; only one has it in the title.
    expect(matchArticles([...all, inTitle], '济南').map((a) => a.id)).toEqual([
      'in-title',
      'film',
      'seed',
      'blueberry',
    ]);
  });

  it('matches Latin letters regardless of case and width', () => {
    expect(matchArticles(all, 'ａｉ').map((a) => a.id)).toEqual(['film']);
  });

  it('matches nothing for an empty query', () => {
    expect(matchArticles(all, '')).toEqual([]);
    expect(matchArticles(all, ' \t ')).toEqual([]);
  });
});
