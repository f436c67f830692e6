/**
 * Guideline-shaped documents for the benchmark, deterministic for a given scale and seed:
 * chapters (## 第N章), sections (### N.M, #### N.M.K) with **【趣旨】** **【例文】** **（解説）** parts, items
 * (1) ① ア, notes （注1）, tables with 図表N captions, nested lists, block quotes, cross references
 * 「3.6.2 アクセス制御」, and a low rate of notation mistakes (ポリシ｜, データベ－ス, サーバー, SMS …).
 * 1× is about the size of the real guideline (460 KB of UTF-8).
 */
import { createRandom } from './prng.mjs';
import * as V from './vocabulary.mjs';

export const BYTES_1X = 460 * 1024;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const IROHA = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ'];
const FULL_DIGITS = '０１２３４５６７８９';
const toFullWidth = (n) => String(n).replace(/\d/g, (d) => FULL_DIGITS[Number(d)]);

/** Mistakes an author really makes; each applies only where its correct form occurs. */
const MISTAKES = [
  { kind: 'long-vowel-mark', from: 'ポリシー', to: 'ポリシ｜' },
  { kind: 'long-vowel-mark', from: 'ポリシー', to: 'ポリシ一' },
  { kind: 'long-vowel-mark', from: 'データベース', to: 'データベ－ス' },
  { kind: 'katakana-variant', from: /サーバ(?!ー)/, to: 'サーバー' },
  { kind: 'katakana-variant', from: /ユーザ(?!ー)/, to: 'ユーザー' },
  { kind: 'katakana-variant', from: /コンピュータ(?!ー)/, to: 'コンピューター' },
  { kind: 'terminology', from: 'ソーシャルメディアサービス', to: 'SMS' },
];
const MISTAKE_RATE = 0.04;

export function generateGuideline(scale, seed = 20150301) {
  const random = createRandom(seed);
  const target = Math.round(BYTES_1X * scale);
  const lines = [];
  let bytes = 0;
  let figure = 0;
  const mistakes = {};
  /** Every numbered heading written or planned so far: the targets of cross references. */
  const known = [];
  /** Headings with parts (【例文】 …): the targets of comments and edits. */
  const units = [];

  const push = (...added) => {
    for (const line of added) {
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  };
  const paragraph = (text) => push(text, '');
  const fill = (template) =>
    template
      .replaceAll('{o}', () => random.pick(V.OBJECTS))
      .replaceAll('{a}', () => random.pick(V.ACTORS))
      .replaceAll('{r}', () => reference());
  const reference = () => {
    const target = random.pick(known);
    if (random.chance(0.02)) return `${target.number} ${random.pick(V.SUBSECTION_TITLES)}`; // title mismatch
    if (random.chance(0.01)) return `${target.number}.${random.int(7, 9)} ${target.title}`; // no such section
    return `${target.number} ${target.title}`;
  };
  const mistaken = (sentence) => {
    if (!random.chance(MISTAKE_RATE)) return sentence;
    const applicable = MISTAKES.filter((m) =>
      typeof m.from === 'string' ? sentence.includes(m.from) : m.from.test(sentence),
    );
    if (applicable.length === 0) return sentence;
    const mistake = random.pick(applicable);
    mistakes[mistake.kind] = (mistakes[mistake.kind] ?? 0) + 1;
    return sentence.replace(mistake.from, mistake.to);
  };
  const sentence = (templates) => mistaken(fill(random.pick(templates)));
  const obligation = () => {
    const actor = random.pick(V.ACTORS);
    return mistaken(`${actor}は、${random.pick(V.CIRCUMSTANCES)}${fill(random.pick(V.OBLIGATIONS))}。`);
  };
  const explanation = () => {
    const roll = random.next();
    if (roll < 0.2 && known.length > 0)
      return mistaken(`${random.pick(V.OBJECTS)}${fill(random.pick(V.REFERENCE_FORMS))}`);
    if (roll < 0.25) return mistaken(random.pick(V.SOCIAL_MEDIA));
    if (roll < 0.27 && known.length > 1) {
      const first = known[random.int(0, known.length - 2)];
      const second = known[known.indexOf(first) + 1];
      return `${first.number}－${second.number}では、情報システムの管理者が講ずべき基本的な対策を示す。`;
    }
    return sentence(V.EXPLANATIONS);
  };
  const itemTitle = () =>
    `${random.pick(V.OBJECTS)}${random.pick(['の管理', 'の取扱い', 'の点検', 'の保管', 'の利用制限', 'に関する手順', 'の記録', 'の設定'])}`;

  const table = () => {
    figure++;
    push('| 区分 | 内容 | 備考 |', '|---|---|---|');
    for (let i = random.int(2, 5); i > 0; i--)
      push(
        `| ${random.pick(V.OBJECTS)} | ${fill(random.pick(V.OBLIGATIONS))} | ${random.chance(0.3) ? '－' : random.pick(V.ACTORS)} |`,
      );
    push('', `図表${figure} ${random.pick(V.OBJECTS)}の取扱いの例`, '');
  };
  const nestedList = () => {
    paragraph(random.pick(V.LIST_LEADS));
    for (let i = random.int(2, 4); i > 0; i--) {
      push(`- ${random.pick(V.LIST_ITEMS)}`);
      if (random.chance(0.5))
        for (let j = random.int(1, 3); j > 0; j--)
          push(`  - ${random.pick(V.OBJECTS)}${random.pick(['の確認', 'の記録', 'の報告'])}`);
    }
    push('');
  };
  const blockQuote = () => {
    const [source, body] = random.pick(V.QUOTES);
    push(`> ${source}`, '>', `> ${body}`);
    if (random.chance(0.4)) push('>', `> - ${random.pick(V.LIST_ITEMS)}`, `> - ${random.pick(V.LIST_ITEMS)}`);
    push('');
  };

  /** 【趣旨】【例文】（解説） of one unit; returns what comments may point at. */
  const parts = () => {
    const wide = random.chance(0.2);
    const marker = (n) => (wide ? `（${toFullWidth(n)}）` : `(${n})`);
    push('**【趣旨】**', '');
    paragraph(sentence(V.PURPOSES) + (random.chance(0.5) ? sentence(V.PURPOSES) : ''));
    push('**【例文】**', '');
    const titles = [];
    const bodyLines = [];
    for (let n = 1, count = random.int(2, 7); n <= count; n++) {
      const title = itemTitle();
      titles.push(title);
      paragraph(`${marker(n)} ${title}`);
      if (random.chance(0.4)) {
        for (let k = 0, subs = random.int(2, 4); k < subs; k++) {
          bodyLines.push(lines.length);
          paragraph(`${CIRCLED[k]} ${obligation()}`);
          if (random.chance(0.2))
            for (let i = 0, iroha = random.int(2, 4); i < iroha; i++) paragraph(`${IROHA[i]} ${obligation()}`);
        }
      } else {
        bodyLines.push(lines.length);
        paragraph(obligation() + (random.chance(0.4) ? obligation() : ''));
      }
    }
    if (random.chance(0.1)) table();
    push('**（解説）**', '');
    const explained = [];
    let note = 0;
    for (let n = 1; n <= titles.length; n++) {
      // Commentary covers the first items, in order; a skipped number is a (rare) mistake.
      if (n > 1 && random.chance(0.15)) break;
      if (n > 1 && random.chance(0.01)) continue;
      paragraph(`${marker(n)} ${titles[n - 1]}`);
      for (let i = random.int(1, 3); i > 0; i--) paragraph(explanation());
      const notes = [];
      if (random.chance(0.3)) {
        note++;
        notes.push(note);
        paragraph(`（注${wide ? toFullWidth(note) : note}）${sentence(V.NOTES)}`);
      }
      explained.push({ item: n, notes });
      if (random.chance(0.12)) nestedList();
      if (random.chance(0.08)) blockQuote();
    }
    return { reibun: titles.length, explained, bodyLines };
  };

  const unit = (level, number, title) => {
    const headingLine = lines.length;
    push(`${'#'.repeat(level)} ${number} ${title}`, '');
    units.push({ number, title, headingLine, headingColumn: level + 1, ...parts() });
    known.push({ number, title });
  };

  push('# 地方公共団体における情報セキュリティポリシーに関するガイドライン（ベンチマーク用）', '');
  paragraph(
    '本書は、ベンチマークのために機械的に生成した文書である。章立て及び記載の形式は、総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」に倣っている。',
  );
  push('## 第1章 総則', '');
  const general = [
    '本ガイドラインの目的',
    '本ガイドラインの構成',
    '情報セキュリティポリシーの定義',
    '情報セキュリティポリシーの対象範囲',
    '情報資産に対する脅威',
  ];
  general.forEach((title, i) => known.push({ number: `1.${i + 1}`, title }));
  general.forEach((title, i) => {
    push(`### 1.${i + 1} ${title}`, '');
    for (let k = random.int(2, 4); k > 0; k--) paragraph(sentence(V.PURPOSES));
    if (i === 1) table();
    if (i === 3) nestedList();
  });

  for (let chapter = 2; bytes < target; chapter++) {
    const topic =
      chapter === 2 ? '情報セキュリティ基本方針' : V.CHAPTER_TOPICS[(chapter - 3) % V.CHAPTER_TOPICS.length];
    push(`## 第${chapter}章 ${topic}`, '');
    paragraph(`本章では、${topic}の例文を示し、併せて解説を付す。各項目は、【趣旨】、【例文】及び（解説）から成る。`);
    // Sections are planned per chapter; references point back at headings already written.
    const plan = [];
    for (let s = 1, sections = random.int(4, 8); s <= sections; s++) {
      const section = { number: `${chapter}.${s}`, title: random.pick(V.SECTION_TITLES), children: [] };
      if (random.chance(0.6))
        for (let k = 1, subs = random.int(2, 5); k <= subs; k++)
          section.children.push({ number: `${section.number}.${k}`, title: random.pick(V.SUBSECTION_TITLES) });
      plan.push(section);
    }
    for (const section of plan) {
      if (bytes >= target && section !== plan[0]) break;
      if (section.children.length === 0) {
        unit(3, section.number, section.title);
        continue;
      }
      push(`### ${section.number} ${section.title}`, '');
      paragraph(sentence(V.PURPOSES));
      known.push(section);
      for (const child of section.children)
        if (child === section.children[0] || bytes < target) unit(4, child.number, child.title);
    }
  }
  return { text: lines.join('\n') + '\n', units, mistakes, figures: figure };
}

const wrap = (text, width) => {
  const out = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
};

/**
 * The published result 「…に対する意見及びそれに対する考え方」 as extracted from its PDF (the layout of
 * examples/comments/pubcomment-2015.txt): header rows repeated at page breaks, locations with their
 * page, submitters on their own line, opinions and responses wrapped at the PDF's column widths.
 * Every location names a place that exists in `guideline`.
 */
export function generateComments(guideline, scale, seed = 20150302) {
  const random = createRandom(seed);
  const count = Math.max(1, Math.round(27 * scale));
  const header = '番号 該当箇所 提出者 提出された意見 意見に対する考え方';
  const out = [
    '｢地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見及びそれに対する考え方',
    '',
    header,
    '',
  ];
  const commented = new Set();
  const fill = (template, unit) =>
    template
      .replaceAll('{o}', () => random.pick(V.OBJECTS))
      .replaceAll('{a}', () => random.pick(V.ACTORS))
      .replaceAll('{t}', () => unit.title)
      .replaceAll('{r}', () => {
        const other = random.pick(guideline.units);
        return `${other.number} ${other.title}`;
      });
  for (let n = 1; n <= count; n++) {
    const unit = random.pick(guideline.units);
    let location = null;
    const roll = random.next();
    if (roll < 0.08) {
      // no 該当箇所
    } else if (roll < 0.4) location = `${unit.number} 【例文】（${random.int(1, unit.reibun)}）`;
    else if (roll < 0.75) {
      const explained = random.pick(unit.explained);
      location = `${unit.number} （解説）（${explained.item}）${explained.notes.length > 0 && random.chance(0.6) ? `（注${explained.notes[0]}）` : ''}`;
    } else location = unit.number;
    if (location) commented.add(unit);
    out.push(location ? `${n} ${location}` : `${n} 個人`);
    if (location) out.push(`（${random.int(3, 180)}ページ）`, '', random.pick(V.SUBMITTERS));
    out.push('');
    const opinion =
      fill(random.pick(V.OPINIONS), unit) + (random.chance(0.5) ? fill(random.pick(V.OPINIONS), unit) : '');
    if (random.chance(0.3) && location) {
      out.push(
        '【意見箇所】',
        `p${random.int(3, 180)}：${unit.title}`,
        '【内容・背景】',
        ...wrap(opinion, 45),
        '【変更案】',
        ...wrap(`${random.pick(V.ACTORS)}は、${fill(random.pick(V.OBLIGATIONS), unit)}。`, 45),
      );
    } else {
      out.push(...wrap(opinion, 45));
    }
    out.push('', ...wrap(fill(random.pick(V.RESPONSES), unit), 30), '');
    if (n % 4 === 0 && n < count) out.push(header, '');
  }
  return { text: out.join('\n'), records: count, commentedUnits: [...commented] };
}
