/**
 * The domain libraries, loaded on first use. `@lib/budgeting` calls this library's `sealRound` from
 * the round's phase change, so importing it (or `@lib/voting`, which imports it) statically would be
 * an import cycle; only types are imported statically.
 */
export async function domainLibraries() {
  const [budgeting, voting] = await Promise.all([import('@lib/budgeting'), import('@lib/voting')]);
  return { budgeting, voting };
}
