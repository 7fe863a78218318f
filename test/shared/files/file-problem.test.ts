import { describe, expect, it } from 'vitest';
import { fileProblem } from '../../../src/shared/files/file-problem';
import { logEndNotices, splitLog } from '../../../src/shared/files/log-text';

describe('fileProblem', () => {
  it('does not repeat the file name the path beside it already shows', () => {
    expect(fileProblem('articles/a/reviews.jsonl', 'reviews.jsonl line 2: not valid JSON')).toEqual({ file: 'articles/a/reviews.jsonl', problem: 'line 2: not valid JSON' });
    expect(fileProblem('articles/a/history/index.jsonl', 'history/index.jsonl: the last record is unfinished')).toEqual({ file: 'articles/a/history/index.jsonl', problem: 'the last record is unfinished' });
    expect(fileProblem('people.json', 'people.json file is empty')).toEqual({ file: 'people.json', problem: 'file is empty' });
  });

  it('keeps a sentence that does not start with the name as it is', () => {
    expect(fileProblem('people.json', 'people.jsonl is odd')).toEqual({ file: 'people.json', problem: 'people.jsonl is odd' });
    expect(fileProblem('articles/a/summary.json.damaged-1', 'a damaged summary.json was set aside')).toEqual({ file: 'articles/a/summary.json.damaged-1', problem: 'a damaged summary.json was set aside' });
  });
});

describe('splitLog', () => {
  it('keeps complete lines, a last line that lost only its newline, and gives back an unfinished tail', () => {
    expect(splitLog('')).toEqual({ lines: [], unfinished: '' });
    expect(splitLog('{"a":1}\n{"b":2}\n')).toEqual({ lines: ['{"a":1}', '{"b":2}'], unfinished: '' });
    expect(splitLog('{"a":1}\n{"b":2}')).toEqual({ lines: ['{"a":1}', '{"b":2}'], unfinished: '' });
    expect(splitLog('{"a":1}\n{"b":')).toEqual({ lines: ['{"a":1}'], unfinished: '{"b":' });
    expect(logEndNotices('x.jsonl', '{"b":', ['x.jsonl.torn-1'])).toEqual([
      'x.jsonl: an interrupted or damaged record was set aside in x.jsonl.torn-1; the log goes on after it',
      'x.jsonl: the last record is unfinished (an interrupted or damaged write); it will be set aside beside the log before the next record is written',
    ]);
  });
});
