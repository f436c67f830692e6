/**
 * The morphological tier's economy: only sentences with a candidate reach the analyser (each rule's
 * prefilter), and a sentence is tokenized once per analyser, shared by every rule and every run.
 * Counts, not times.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../../support/paths';
import { checkDocument } from '../../../../server/src/core/checks/document';
import { toCheckConfig } from '../../../../server/src/core/config/check-config';
import { RULE_DESCRIPTORS } from '../../../../server/src/core/checks/config';
import { loadKuromojiTokenizer } from '../../../../server/src/host/morph/kuromoji';
import type { MorphTokenizer } from '../../../../server/src/core/checks/morph/types';

let kuromoji: MorphTokenizer;
before(async () => {
  kuromoji = await loadKuromojiTokenizer();
});

function counting(): { tokenizer: MorphTokenizer; sentences: string[] } {
  const sentences: string[] = [];
  return {
    sentences,
    tokenizer: {
      tokenize(text) {
        sentences.push(text);
        return kuromoji.tokenize(text);
      },
    },
  };
}

const allOn = (tokenizer: MorphTokenizer) => {
  const rules: Record<string, 'information'> = {};
  for (const d of RULE_DESCRIPTORS) if (d.code.startsWith('official-')) rules[d.code] = 'information';
  return toCheckConfig(rules, {}, [], {}, tokenizer);
};

test('on the example guideline few sentences reach the analyser, and each only once', () => {
  const text = readFileSync(join(EXAMPLES, 'guideline', 'security-policy-guideline.md'), 'utf8');
  const total = text.split(/[。\n]/).filter((s) => s.trim()).length;
  const { tokenizer, sentences } = counting();
  checkDocument('file:///a.md', text, allOn(tokenizer), 'ja');
  assert.ok(sentences.length > 0, 'the candidates of the example reach the analyser');
  assert.ok(sentences.length * 10 < total, `${sentences.length} of ${total} sentences tokenized`);
  assert.equal(new Set(sentences).size, sentences.length, 'no sentence is tokenized twice');
  // A second check (another configuration object, the same analyser): everything from the cache.
  const before = sentences.length;
  checkDocument('file:///a.md', text, allOn(tokenizer), 'ja');
  assert.equal(sentences.length, before);
});

test('an edit tokenizes only the sentence it changed', () => {
  const { tokenizer, sentences } = counting();
  const config = allOn(tokenizer);
  const text = '# 1 目的\n\n申し込みの受付は、窓口で行う。重要な事は記録する。事務を行う。\n';
  checkDocument('file:///b.md', text, config, 'ja');
  const first = sentences.length;
  assert.equal(first, 2, sentences.join(' | '));
  checkDocument('file:///b.md', text.replace('記録する', '記録し、保存する'), allOn(tokenizer), 'ja');
  assert.deepEqual(sentences.slice(first), ['重要な事は記録し、保存する。']);
});
