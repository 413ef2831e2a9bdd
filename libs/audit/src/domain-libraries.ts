/**
 * The domain libraries, loaded on first use. `@lib/budgeting` calls this library's `sealRound` from
 * the round's phase change, so importing it (or `@lib/voting`, which imports it) statically would be
 * an import cycle; only types are imported statically.
 */
export async function domainLibraries() {
  // One after the other: Jest's ESM loader fails on two concurrent imports that share modules.
  const budgeting = await import('@lib/budgeting');
  const voting = await import('@lib/voting');
  return { budgeting, voting };
}
