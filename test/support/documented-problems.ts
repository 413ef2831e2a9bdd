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

  /** The same for a request by its concrete path (`/rounds/r-1/ballots/mine?x=1`): the operation whose path it fits with the most fixed segments. */
  undocumentedAt(method: string, path: string, reply: { status: number; body: Record<string, unknown> }): string | undefined {
    if (reply.status < 400) return undefined;
    const segments = path.split('?')[0]!.split('/');
    const candidates = [...this.operations.keys()]
      .filter((key) => key.startsWith(`${method.toUpperCase()} `))
      .map((key) => ({ key, template: key.slice(key.indexOf(' ') + 1).split('/') }))
      .filter(({ template }) => template.length === segments.length && template.every((part, i) => part.startsWith(':') || part === segments[i]))
      .sort((a, b) => b.template.filter((p) => !p.startsWith(':')).length - a.template.filter((p) => !p.startsWith(':')).length);
    if (candidates.length === 0) return `${method} ${path} is no operation of the document`;
    return this.undocumented(candidates[0]!.key, reply);
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
