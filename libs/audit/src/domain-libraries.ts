/**
 * The domain libraries, loaded on first use (only types are imported statically). The seal digest
 * lives in `@lib/es`, so the domain libraries no longer import this one; the dynamic import keeps
 * the audit tool's start-up from loading them until a command needs them.
 */
export async function domainLibraries() {
  // One after the other: Jest's ESM loader fails on two concurrent imports that share modules.
  const budgeting = await import('@lib/budgeting');
  const voting = await import('@lib/voting');
  return { budgeting, voting };
}
