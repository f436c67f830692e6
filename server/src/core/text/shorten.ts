/** One line of at most `max` characters for lists, hovers and labels: line breaks folded, an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
