import type { CommentRound } from '../../../server/src/core/comments/model';

/** The data a store round-trips (ranges and derived fields aside). */
export function storeData(round: Pick<CommentRound, 'title' | 'date' | 'comments'>) {
  return {
    title: round.title,
    date: round.date,
    comments: round.comments.map((c) => ({
      number: c.number,
      location: c.location,
      submitter: c.submitter,
      opinion: c.opinion,
      response: c.response,
      disposition: c.disposition,
      dispositionOverride: c.dispositionOverride,
      notes: c.notes,
    })),
  };
}
