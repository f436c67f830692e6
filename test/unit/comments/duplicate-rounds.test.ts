import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../support/paths';
import { parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import { parseYamlComments, printYamlComments } from '../../../server/src/core/comments/formats/yaml';
import { printCsvComments, parseCsvComments } from '../../../server/src/core/comments/formats/csv';
import { dedupeRounds } from '../../../server/src/core/comments/duplicate-rounds';
import { commentFileFindings } from '../../../server/src/core/workspace/comment-findings';

const text = parsePublishedText(
  readFileSync(join(EXAMPLES, 'comments/pubcomment-2015.txt'), 'utf8'),
  'file:///w/comments/pubcomment-2015.txt',
);
const yaml = parseYamlComments(printYamlComments(text), 'file:///w/comments/pubcomment-2015.yaml');
const csv = parseCsvComments(printCsvComments(text, { bom: true }), 'file:///w/exports/copy.csv');
const earlier = parseYamlComments(
  readFileSync(join(EXAMPLES, 'comments/pubcomment-2014-draft.yaml'), 'utf8'),
  'file:///w/comments/pubcomment-2014-draft.yaml',
);

describe('the same round read from two files', () => {
  test('counts once: the YAML store is kept, the published text and a CSV copy are duplicates of it', () => {
    const { rounds, duplicates } = dedupeRounds([text, earlier, csv, yaml]);
    assert.deepEqual(
      rounds.map((r) => r.uri),
      [earlier.uri, yaml.uri],
    );
    assert.deepEqual(duplicates.map((d) => [d.dropped.uri, d.kept.uri]).sort(), [
      [text.uri, yaml.uri],
      [csv.uri, yaml.uri],
    ]);
  });

  test('the warning on the file not counted names both files', () => {
    const [finding] = commentFileFindings(text, [], 'ja', yaml);
    assert.equal(finding.code, 'comment-duplicate-round');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /comments\/pubcomment-2015\.txt と comments\/pubcomment-2015\.yaml/);
    assert.equal(finding.related?.[0].uri, yaml.uri);
    const [en] = commentFileFindings(text, [], 'en', yaml);
    assert.match(en.message, /only comments\/pubcomment-2015\.yaml is counted/);
  });

  test('different dates, or different opinions, are different rounds', () => {
    const nextYear = { ...yaml, uri: 'file:///w/2016.yaml', date: '2016-03-31' };
    const dated = { ...yaml, date: '2015-03-31' };
    assert.equal(dedupeRounds([dated, nextYear]).duplicates.length, 0);
    const edited = {
      ...yaml,
      uri: 'file:///w/other.yaml',
      comments: yaml.comments.map((c, i) => (i === 3 ? { ...c, opinion: `別の意見：${c.opinion}` } : c)),
    };
    assert.equal(dedupeRounds([yaml, edited]).rounds.length, 2);
    // An empty round (being drafted) is never a duplicate.
    const empty = { ...yaml, comments: [] };
    assert.equal(dedupeRounds([empty, { ...empty, uri: 'file:///w/e2.yaml' }]).rounds.length, 2);
  });
});
