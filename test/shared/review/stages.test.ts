import { describe, expect, it } from 'vitest';
import { isReviewStage, nextStage, REVIEW_STAGES, returnTargetsFrom, roleForStage, STAGES, stageIndex } from '../../../src/shared/review/stages';

describe('stages', () => {
  it('runs draft, three reviews, signed', () => {
    expect(STAGES).toEqual(['draft', 'first', 'second', 'third', 'signed']);
    expect(REVIEW_STAGES).toEqual(['first', 'second', 'third']);
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(STAGES.map(nextStage)).toEqual(['first', 'second', 'third', 'signed', null]);
  });

  it('gives each review its role: 责任编辑, 二审, 三审', () => {
    expect(REVIEW_STAGES.map(roleForStage)).toEqual(['editor', 'second', 'third']);
  });

  it('knows which stages are reviews', () => {
    expect(STAGES.filter(isReviewStage)).toEqual(['first', 'second', 'third']);
  });

  it('sends an article back only to its author or an earlier review', () => {
    expect(returnTargetsFrom('first')).toEqual(['draft']);
    expect(returnTargetsFrom('second')).toEqual(['draft', 'first']);
    expect(returnTargetsFrom('third')).toEqual(['draft', 'first', 'second']);
  });
});
