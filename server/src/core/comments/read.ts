/**
 * Content-based discovery of comment documents, so a workspace finds them without configuration.
 * The extension narrows the candidates (.yaml/.yml, .csv/.tsv, .json, anything else as text) and the
 * content decides: a YAML/JSON document with a `comments` list, a CSV whose header names comment
 * columns, or the published text with its header row. A Markdown file is a comment document only
 * when one of its tables has comment columns (a guideline has none).
 */
import { decodeBytes } from '../text/encoding';
import { isToolExport } from './export-marker';
import { makeProblem, type CommentProblem, type CommentRound } from './model';
import { looksLikeCommentCsv, parseCsvComments } from './formats/csv';
import { parseJsonComments } from './formats/json';
import { looksLikePublishedText, parsePublishedText } from './formats/published-text';
import { parseYamlComments } from './formats/yaml';
import { markdownGrid } from './grid/from-markdown';
import { markdownRole } from './markdown-role';
import { buildRound } from './grid/records';
import { gridFromPages, layoutTextPages, looksLikeLayoutTable } from './grid/from-pages';
import { looksLikeStackedTable, stackedGrid } from './grid/from-stacked';

function extensionOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const YAML_COMMENTS_KEY = /^comments[ \t]*:/m;
const JSON_COMMENTS_KEY = /"comments"\s*:\s*\[/;

/**
 * Records with empty halves mean the text was not read right: better no round, and a message, than
 * wrong records. `share` is the part of the records that must be whole.
 */
function wholeOrNothing(round: CommentRound, share = 0.9): CommentRound | null {
  const whole = round.comments.filter((c) => c.opinion !== '' && (c.response !== '' || c.sharedResponse));
  return round.comments.length > 0 && whole.length >= round.comments.length * share ? round : null;
}

function detect(uri: string, text: string): CommentRound | null {
  const ext = extensionOf(uri);
  // A table this tool exported is not a new round.
  if (isToolExport(text)) return null;
  if (ext === 'md' || ext === 'markdown')
    return markdownRole(text) === 'comments' ? buildRound(markdownGrid(text), { uri, format: 'markdown' }) : null;
  if (ext === 'yaml' || ext === 'yml') return YAML_COMMENTS_KEY.test(text) ? parseYamlComments(text, uri) : null;
  if (ext === 'json') return JSON_COMMENTS_KEY.test(text) ? parseJsonComments(text, uri) : null;
  if (ext === 'csv' || ext === 'tsv') {
    const delimiter = ext === 'tsv' ? '\t' : ',';
    return looksLikeCommentCsv(text, delimiter) ? parseCsvComments(text, uri, delimiter) : null;
  }
  const plain = ext === 'txt' || ext === 'text' || ext === '';
  // pdftotext's default order for other layouts: header cells and cells stacked one block per line.
  if (plain && looksLikeStackedTable(text)) {
    const round = wholeOrNothing(buildRound(stackedGrid(text), { uri, format: 'text' }));
    if (round) return round;
  }
  if (looksLikePublishedText(text)) {
    // The seed's shape; a result whose responses mostly went missing (another layout extracted in
    // pdftotext's default order, opinion and response merged on one line) is not read as it.
    const round = parsePublishedText(text, uri);
    if (round.comments.length === 0 || wholeOrNothing(round, 0.5)) return round;
  }
  // Other layouts of extracted text: `pdftotext -layout` columns separated by runs of spaces.
  if (plain && looksLikeLayoutTable(text)) {
    // Columns that do not line up (pdftotext -layout on CJK often shifts a row's first line) give
    // records with empty halves.
    const round = wholeOrNothing(buildRound(gridFromPages(layoutTextPages(text)), { uri, format: 'text' }));
    if (round) return round;
  }
  // Unknown extension: the unambiguous structured shapes only.
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') && JSON_COMMENTS_KEY.test(text)) return parseJsonComments(text, uri);
  return null;
}

export function readCommentDocument(uri: string, content: string | Uint8Array): CommentRound | null {
  if (typeof content === 'string') return detect(uri, content);
  const decoded = decodeBytes(content);
  const round = detect(uri, decoded.text);
  if (!round) return null;
  const encodingProblems: CommentProblem[] = decoded.problems.map((p) =>
    makeProblem('comment-encoding', p.range, p.message, {}, p.code === 'encoding-guess' ? 'warning' : 'error'),
  );
  return { ...round, problems: [...encodingProblems, ...round.problems] };
}
