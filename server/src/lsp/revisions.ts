/**
 * Earlier versions in the language server: reads the versions guideline.config.json lists (git only
 * in a trusted workspace), aligns them with the current guideline as it is edited, and answers what
 * depends on them: promise findings (instead of comment-accepted), hovers with comment history
 * across renumbering 「（2015年案では 3.8.3）」, and code lenses 「前版から変更（n箇所）」.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CodeLens, Hover, Position } from 'vscode-languageserver/node';
import type { VersionConfig } from '../core/config/project-config';
import type { CommentRound } from '../core/comments/model';
import type { CommentLink } from '../core/workspace/comment-links';
import { DISPOSITION_LABELS } from '../core/comments/disposition';
import type { Finding } from '../core/findings';
import { localize, type Locale } from '../core/i18n/locale';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { displayName, isNumberedContainer } from '../core/model/node';
import { alignDocuments, type Alignment } from '../core/revisions/align';
import {
  changesPerSection,
  commentHistory,
  DELETED_PLACES,
  historyLabel,
  historyWithin,
  type HistoryEntry,
} from '../core/revisions/history';
import { promiseFindings } from '../core/revisions/promise-findings';
import { textSimilarity } from '../core/revisions/similarity';
import { roundShortLabel, verifyPromises, type PromiseCheck } from '../core/revisions/verify';
import { shorten } from '../core/text/shorten';
import { readBytesFile } from '../host/files';
import { readCommentFile } from '../host/comments/read-comment-file';
import { readVersion } from '../host/revisions/read-version';
import { nodeWithMarkerAt, toCommentItem } from './features/comments';
import type { ServerState } from './state';
import type { CommentItem, CommentTreeRound, PreviousSectionResult } from '../protocol/protocol';
import { roundLabel } from '../core/workspace/comment-findings';
import { compareSections } from '../core/comments/location';
import { URI } from './uri';

/** The command a lens runs: open the previous version's section beside the current one. */
const SHOW_PREVIOUS_COMMAND = 'guideline.showPreviousVersion';

/** How long typing must pause before the versions are aligned again with the edited guideline. */
const RECOMPUTE_DELAY_MS = 600;

const TEXT = {
  lens: { ja: '前版から変更（{count}箇所）', en: 'Changed since the previous version ({count})' },
  history: { ja: '以前の版への意見', en: 'Comments on earlier versions' },
  status: {
    applied: { ja: '反映済み', en: 'applied' },
    'not-applied': { ja: '未反映', en: 'not applied' },
    'target-deleted': { ja: '箇所は削除', en: 'place deleted' },
    unknown: { ja: '確認できない', en: 'unknown' },
  },
} as const;

interface LoadedVersion {
  readonly config: VersionConfig;
  readonly document: GuidelineDocument;
  readonly rounds: readonly CommentRound[];
  /** A git version is the current guideline's own file at a revision: compared with that file. */
  readonly currentUri?: string;
}

interface Compared {
  readonly version: LoadedVersion;
  readonly alignment: Alignment;
  readonly checks: readonly PromiseCheck[];
  readonly history: readonly HistoryEntry[];
  readonly changes: ReadonlyMap<unknown, number>;
}

export class RevisionsService {
  private versions: LoadedVersion[] = [];
  /** Files of versions and of their comment rounds: not current text, not linked by number. */
  versionFileUris: ReadonlySet<string> = new Set();
  versionRoundUris: ReadonlySet<string> = new Set();
  /** Bumped on every load, so caches keyed on it see new versions. */
  generation = 0;
  /** Bumped whenever the promise findings may differ (a load, a comparison recomputed after edits). */
  stamp = 0;
  /** Called when a comparison was recomputed in the background: diagnostics should be pulled again. */
  onRecomputed: () => void = () => undefined;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly compared = new Map<string, { doc: GuidelineDocument; generation: number; list: Compared[] }>();
  private readonly models = new GuidelineModelCache();

  constructor(
    private readonly state: ServerState,
    private readonly warn: (message: string) => void,
  ) {}

  /** (Re)reads the configured versions and their comment documents. */
  async load(): Promise<void> {
    const { state } = this;
    const configs = state.project.config.versions;
    const base = state.project.configPath ? dirname(state.project.configPath) : state.workspaceRoots[0];
    const versions: LoadedVersion[] = [];
    const fileUris = new Set<string>();
    const roundUris = new Set<string>();
    if (base) {
      const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
      for (const config of configs) {
        if (config.file) fileUris.add(URI.fromPath(abs(config.file)));
        for (const file of config.comments) roundUris.add(URI.fromPath(abs(file)));
      }
      const current = this.currentCandidates(fileUris)[0];
      for (const config of configs) {
        const read = await readVersion(config, {
          baseDir: base,
          currentGuideline: current ? (URI.toPath(current.uri) ?? null) : null,
          trusted: state.trusted,
        });
        if (!read.ok) {
          this.warn(localize(state.locale, read.message));
          continue;
        }
        const rounds: CommentRound[] = [];
        for (const file of config.comments) {
          const bytes = await readBytesFile(abs(file));
          if ('error' in bytes) {
            this.warn(`${file}: ${localize(state.locale, bytes.error)}`);
            continue;
          }
          // Published results come as PDF, Excel or Word too: the same reader as the workspace's.
          const round = await readCommentFile(abs(file), URI.fromPath(abs(file)), bytes.bytes).catch((error: Error) => {
            this.warn(`${file}: ${error.message}`);
            return null;
          });
          if (round) rounds.push(round);
        }
        versions.push({
          config,
          document: this.models.build(read.uri, 0, read.text),
          rounds,
          ...(config.git && current ? { currentUri: current.uri } : {}),
        });
      }
    }
    this.versions = versions;
    this.versionFileUris = fileUris;
    this.versionRoundUris = roundUris;
    this.compared.clear();
    this.generation++;
    this.stamp++;
  }

  /** Guidelines of the workspace other than the version files. */
  private currentCandidates(exclude: ReadonlySet<string> = this.versionFileUris): GuidelineDocument[] {
    return this.state.allGuidelines().filter((d) => !exclude.has(d.uri));
  }

  /** The versions compared with `doc`: those whose closest current guideline (by title) is `doc`. */
  comparisons(doc: GuidelineDocument): Compared[] {
    if (this.versions.length === 0 || this.versionFileUris.has(doc.uri)) return [];
    const cached = this.compared.get(doc.uri);
    if (cached && cached.doc === doc && cached.generation === this.generation) return cached.list;
    const candidates = this.currentCandidates();
    const list: Compared[] = [];
    for (const version of this.versions) {
      const closest = candidates.reduce<GuidelineDocument | null>(
        (best, d) =>
          !best || textSimilarity(d.title, version.document.title) > textSimilarity(best.title, version.document.title)
            ? d
            : best,
        null,
      );
      if ((version.currentUri ?? closest?.uri) !== doc.uri) continue;
      const alignment = alignDocuments(version.document, doc);
      const checks = version.rounds.flatMap((r) => verifyPromises(r, alignment, version.config.label));
      const history = commentHistory(version.rounds, alignment, version.config.label, checks);
      list.push({ version, alignment, checks, history, changes: changesPerSection(alignment) });
    }
    this.compared.set(doc.uri, { doc, generation: this.generation, list });
    return list;
  }

  /**
   * The version a policy's coverage compares `doc` with: the configured version labelled `label`
   * (NFKC, spaces ignored), or the latest one listed; null when none is compared with `doc`.
   */
  versionFor(doc: GuidelineDocument, label: string | null): { label: string; alignment: Alignment } | null {
    const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    const list = this.recentComparisons(doc);
    const chosen = label === null ? list.at(-1) : list.find((c) => key(c.version.config.label) === key(label));
    return chosen ? { label: chosen.version.config.label, alignment: chosen.alignment } : null;
  }

  /**
   * Promise findings for the diagnostics of `doc`. Aligning a whole guideline costs about 150 ms at
   * 460 KB, too much for every keystroke: while the user types, the last comparison answers (its
   * places may lag by the edit) and a new one is made once typing pauses.
   */
  findings(doc: GuidelineDocument): Finding[] {
    return this.recentComparisons(doc).flatMap((c) => promiseFindings(c.checks, c.alignment, this.state.locale));
  }

  /** The comparison of a previous snapshot of `doc` while a new one waits for typing to pause. */
  private recentComparisons(doc: GuidelineDocument): Compared[] {
    if (this.versions.length === 0) return [];
    const cached = this.compared.get(doc.uri);
    if (cached && cached.generation === this.generation && cached.doc !== doc) {
      this.recomputeSoon(doc.uri);
      return cached.list;
    }
    return this.comparisons(doc);
  }

  private recomputeSoon(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        const doc = this.state.guideline(uri);
        if (!doc) return;
        this.comparisons(doc);
        this.stamp++;
        this.onRecomputed();
      }, RECOMPUTE_DELAY_MS),
    );
  }

  /** 「前版から変更（n箇所）」 on each changed section, against the latest configured version. */
  lenses(doc: GuidelineDocument): CodeLens[] {
    const latest = this.recentComparisons(doc).at(-1);
    if (!latest) return [];
    const lenses: CodeLens[] = [];
    for (const [node, count] of latest.changes) {
      const n = node as { selectionRange: CodeLens['range']; number: string | null; kind: string };
      if (n.kind === 'document') continue;
      lenses.push({
        range: n.selectionRange,
        command: {
          title: localize(this.state.locale, TEXT.lens, { count }),
          command: SHOW_PREVIOUS_COMMAND,
          arguments: [doc.uri, n.selectionRange.start],
        },
      });
    }
    return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
  }

  /** Comments on earlier versions about the node under the cursor (and its deleted places). */
  hover(doc: GuidelineDocument, position: Position): Hover | null {
    const node = nodeWithMarkerAt(doc, position);
    if (!node) return null;
    const locale = this.state.locale;
    const here: HistoryEntry[] = [];
    const deleted: HistoryEntry[] = [];
    for (const c of this.comparisons(doc)) {
      const found = historyWithin(c.history, node);
      here.push(...(isNumberedContainer(node) ? found.here : found.here.filter((e) => e.current?.node === node)));
      deleted.push(...found.deleted);
    }
    if (here.length === 0 && deleted.length === 0) return null;
    const parts = [`**${displayName(node)}** — ${localize(locale, TEXT.history)}`];
    parts.push(...here.map((e) => entryMarkdown(e, locale)));
    if (deleted.length > 0)
      parts.push(`---\n\n**${localize(locale, DELETED_PLACES)}**`, ...deleted.map((e) => entryMarkdown(e, locale)));
    return { range: node.selectionRange, contents: { kind: 'markdown', value: parts.join('\n\n') } };
  }

  /** The section of the latest version aligned with the current section at `position` (for the diff view). */
  previousSection(doc: GuidelineDocument, position: Position): PreviousSectionResult | null {
    const latest = this.comparisons(doc).at(-1);
    if (!latest) return null;
    const offset = doc.lines.offsetAt(position);
    const row = latest.alignment.rows
      .filter(
        (r) =>
          r.new?.isContainer && r.new.node.start <= offset && offset < Math.max(r.new.node.end, r.new.node.start + 1),
      )
      .at(-1);
    if (!row?.new) return null;
    return {
      label: latest.version.config.label,
      section: row.new.node.number,
      previousSection: row.old?.node.number ?? null,
      previous: row.old?.text ?? '',
      current: row.new.text,
    };
  }

  /** The comments view's rounds for the comments made on versions, each comment under its current section. */
  commentTreeRounds(): CommentTreeRound[] {
    const locale = this.state.locale;
    const rounds = new Map<string, CommentTreeRound & { items: CommentItem[] }>();
    const deletedLabel = localize(locale, DELETED_PLACES);
    for (const doc of this.currentCandidates()) {
      for (const c of this.comparisons(doc)) {
        for (const e of c.history) {
          let round = rounds.get(e.round.uri);
          if (!round) {
            round = {
              uri: e.round.uri,
              label: `${roundLabel(e.round, locale)}（${c.version.config.label}）`,
              title: e.round.title,
              date: e.round.date,
              items: [],
            };
            rounds.set(e.round.uri, round);
          }
          const current = e.current;
          const section = current ? (current.section ?? null) : e.old ? deletedLabel : null;
          const sectionNode = current ? (doc.fullSectionsByNumber.get(current.section ?? '')?.[0] ?? null) : null;
          const label = historyLabel(e, locale);
          const link: CommentLink = {
            round: e.round,
            comment: e.comment,
            document: current ? doc : null,
            node: current?.node ?? null,
            match: current ? 'exact' : 'none',
            unresolved: [],
          };
          // A comparison of versions says whether the promise was kept: 対応済み, or still 未着手.
          const automatic = e.status === 'applied' ? 'done' : e.status === 'not-applied' ? 'open' : undefined;
          round.items.push({
            ...toCommentItem(link, locale, () => automatic),
            roundLabel: round.label,
            section,
            sectionTitle: sectionNode?.title ?? null,
            ...(e.status ? { verification: e.status } : {}),
            ...(label ? { history: label } : {}),
          });
        }
      }
    }
    for (const round of rounds.values())
      round.items.sort(
        (a, b) =>
          Number(a.section === deletedLabel) - Number(b.section === deletedLabel) ||
          compareSections(a.section, b.section) ||
          a.number - b.number,
      );
    return [...rounds.values()];
  }

  /** The configured versions' labels, oldest first as configured. */
  labels(): string[] {
    return this.versions.map((v) => v.config.label);
  }

  /** The alignment of `doc` with a version (by label; the latest when absent). */
  alignmentWith(doc: GuidelineDocument, label?: string): { alignment: Alignment; label: string } | null {
    const list = this.comparisons(doc);
    const found = label ? list.find((c) => c.version.config.label === label) : list.at(-1);
    if (found) return { alignment: found.alignment, label: found.version.config.label };
    // A version whose title is closer to another guideline can still be compared on request.
    const version = label ? this.versions.find((v) => v.config.label === label) : this.versions.at(-1);
    return version ? { alignment: alignDocuments(version.document, doc), label: version.config.label } : null;
  }
}

function entryMarkdown(entry: HistoryEntry, locale: Locale): string {
  const { comment, round } = entry;
  const year = localize(locale, roundShortLabel(round));
  const label = historyLabel(entry, locale);
  const disposition = DISPOSITION_LABELS[comment.disposition][locale];
  const status = entry.status ? ` · ${localize(locale, TEXT.status[entry.status])}` : '';
  const name = locale === 'ja' ? `意見${comment.number}（${year}）` : `Comment ${comment.number} (${year})`;
  const head = `**${name}**${label ? ` ${label}` : ''} · \`${disposition}\`${status}`;
  return `${head}\n\n${shorten(comment.opinion, 200)}\n\n> ${shorten(comment.response, 240)}`;
}
