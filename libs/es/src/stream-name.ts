/** `<Category>-<id>`: the one way stream names are built. */
export function streamName(category: string, id: string): string {
  if (!/^[A-Z][A-Za-z]*$/.test(category)) throw new Error(`Invalid stream category: ${category}`);
  if (id.length === 0) throw new Error('A stream id cannot be empty');
  return `${category}-${id}`;
}

/** The category and id of a `<Category>-<id>` stream name. */
export function parseStreamName(name: string): { category: string; id: string } {
  const dash = name.indexOf('-');
  if (dash <= 0) throw new Error(`Not a <Category>-<id> stream name: ${name}`);
  return { category: name.slice(0, dash), id: name.slice(dash + 1) };
}
