/** The problem codes `/docs-json` documents per operation, and the check that an answer is one of them. */
export class DocumentedProblems {
  private constructor(private readonly operations: Map<string, Map<number, string[]>>) {}

  /** Reads the document the api serves. */
  static async of(url: string): Promise<DocumentedProblems> {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { paths: Record<string, Record<string, { responses?: Record<string, { 'x-problem-codes'?: string[] }> }>> };
    const operations = new Map<string, Map<number, string[]>>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = new Map<number, string[]>();
        for (const [status, response] of Object.entries(operation.responses ?? {})) if (/^[45]\d\d$/.test(status)) statuses.set(Number(status), response['x-problem-codes'] ?? []);
        operations.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, statuses);
      }
    }
    return new DocumentedProblems(operations);
  }

  /**
   * Why a problem answer of the endpoint (`POST /budgets/:budgetId/amendments`) is not documented
   * for it, or undefined when its status and code are. A success is nothing to check.
   */
  undocumented(endpoint: string, reply: { status: number; body: Record<string, unknown> }): string | undefined {
    if (reply.status < 400) return undefined;
    if (!reachedEndpoint(endpoint, reply.body.instance)) return undefined;
    const statuses = this.operations.get(endpoint);
    if (statuses === undefined) return `${endpoint} is not in the document`;
    const codes = statuses.get(reply.status);
    if (codes === undefined) return `${endpoint} answered ${reply.status} ${String(reply.body.code)}; the document lists only ${[...statuses.keys()].join(', ')}`;
    if (!codes.includes(String(reply.body.code))) return `${endpoint} answered ${reply.status} ${String(reply.body.code)}; the document lists ${codes.join(', ')}`;
    return undefined;
  }
}

/**
 * Whether the path the api answered for (`instance`) is one of the endpoint's: a path parameter
 * such as `..` is resolved by the client into another path, which is no answer of this endpoint.
 */
function reachedEndpoint(endpoint: string, instance: unknown): boolean {
  if (typeof instance !== 'string') return true;
  const path = endpoint.slice(endpoint.indexOf(' ') + 1);
  const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`);
  return pattern.test(instance);
}
