/**
 * Six comment-table layouts written for these tests (test/fixtures/comments/layouts/layouts.json),
 * each read from every form it is published in: PDF (by coordinates), Markdown, xlsx and docx.
 * Record-exact: id, number, group, location, opinion and response text, disposition, partial,
 * shared responses; and the round's title, date and comment period.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCommentFile } from '../../../server/src/host/comments/read-comment-file';
import type { CommentRound } from '../../../server/src/core/comments/model';
import { FIXTURES } from '../../support/paths';

interface LayoutRecord {
  id: string;
  number: number | null;
  location: string | null;
  submitter?: string;
  opinion: string;
  response: string | null;
  expect: {
    section: string | null;
    inferred?: boolean;
    page?: number;
    disposition: string;
    partial?: boolean;
    shared?: string[];
  };
}
interface Layout {
  name: string;
  columns: string[];
  expect: { title: string; date: string | null; period: { from: string; to: string } | null };
  groups: Array<{ heading: string | null; records: LayoutRecord[] }>;
}

const DIR = join(FIXTURES, 'comments/layouts');
const { layouts } = JSON.parse(readFileSync(join(DIR, 'layouts.json'), 'utf8')) as { layouts: Layout[] };

function expected(layout: Layout) {
  const out: Array<Record<string, unknown>> = [];
  for (const group of layout.groups) {
    let shared = '';
    group.records.forEach((r, i) => {
      if (r.response !== null) shared = r.response;
      out.push({
        id: r.id,
        number: r.number ?? i + 1,
        group: group.heading,
        location: r.location,
        section: r.expect.section,
        inferred: r.expect.inferred ?? false,
        page: r.expect.page ?? null,
        submitter: r.submitter ?? null,
        opinion: r.opinion,
        response: r.response ?? shared,
        disposition: r.expect.disposition,
        partial: r.expect.partial ?? false,
        sharedResponse: r.expect.shared ?? null,
      });
    });
  }
  return out;
}

function actual(round: CommentRound, layout: Layout) {
  return round.comments.map((c) => ({
    id: c.id,
    number: c.number,
    group: c.group ?? null,
    location: layout.columns.includes('location') ? (c.location?.raw ?? null) : null,
    section: c.location?.section ?? null,
    inferred: c.location?.inferred ?? false,
    page: layout.columns.includes('location') || c.location?.inferred ? (c.location?.page ?? null) : null,
    submitter: c.submitter,
    opinion: c.opinion,
    response: c.response,
    disposition: c.disposition,
    partial: c.partial ?? false,
    sharedResponse: c.sharedResponse ?? null,
  }));
}

const FORMS = ['pdf', 'md', 'xlsx', 'docx', 'stacked.txt'] as const;

describe('comment table layouts, every form', () => {
  for (const layout of layouts) {
    for (const form of FORMS) {
      test(`${layout.name}.${form}`, async () => {
        const path = join(DIR, `${layout.name}.${form}`);
        const round = await readCommentFile(path, `file://${path}`, readFileSync(path));
        assert.ok(round, 'read as a comment document');
        assert.deepEqual(
          round.problems.filter((p) => p.severity === 'error').map((p) => p.message.en),
          [],
        );
        const got = actual(round, layout);
        const want = expected(layout);
        for (let i = 0; i < Math.max(got.length, want.length); i++)
          assert.deepEqual(got[i], want[i], `record ${i + 1}`);
        assert.equal(round.title, layout.expect.title);
        assert.equal(round.date, layout.expect.date);
        assert.deepEqual(round.period ? { from: round.period.from, to: round.period.to } : null, layout.expect.period);
      });
    }
  }
});
