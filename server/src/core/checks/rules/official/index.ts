/**
 * The 公用文 rules (issue 17), codes `official-…`, in reporting order. Sources and catches /
 * leaves-alone tables: docs/rules.md.
 */
import type { SegmentRule } from '../../types';
import { officialConjunctionKanaRule, officialConjunctionKanjiRule } from './conjunctions';
import { officialConjunctionLevelRule } from './conjunction-level';
import { officialFormalNounRule, officialAuxiliaryKanaRule, officialKanaParticleRule } from './kana-words';
import { officialKanaVerbRule } from './kana-verbs';
import { officialJoyoKanjiRule } from './joyo-kanji';
import { officialNumberKanjiRule, officialNumberCommaRule, officialNumberCounterRule } from './numbers';
import { officialCommaStyleRule, officialBracketPeriodRule } from './punctuation';
import { officialItemLabelPeriodRule } from './item-label';
import { officialLiteraryRule } from './literary';
import { officialAdverbKanjiRule } from './adverbs';
import { officialLegalKanaRule } from './legal-kana';
import { officialCompoundNounRule } from './compound-nouns';
import { officialHonorificPrefixRule } from './honorific-prefix';

export const OFFICIAL_RULES: readonly SegmentRule[] = [
  officialConjunctionKanaRule,
  officialConjunctionKanjiRule,
  officialConjunctionLevelRule,
  officialFormalNounRule,
  officialAuxiliaryKanaRule,
  officialKanaVerbRule,
  officialKanaParticleRule,
  officialJoyoKanjiRule,
  officialNumberKanjiRule,
  officialNumberCommaRule,
  officialNumberCounterRule,
  officialCommaStyleRule,
  officialBracketPeriodRule,
  officialItemLabelPeriodRule,
  officialLiteraryRule,
  officialLegalKanaRule,
  officialAdverbKanjiRule,
  officialCompoundNounRule,
  officialHonorificPrefixRule,
];
