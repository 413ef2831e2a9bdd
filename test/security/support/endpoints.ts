import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '@lib/platform';

/** One HTTP endpoint of the running app, found from Nest's metadata and checked against Express's router. */
export interface Endpoint {
  /** `POST /budgets/:budgetId/amendments`: the key of the expectation table. */
  key: string;
  method: string;
  /** Express path with `:param` placeholders. */
  path: string;
  params: string[];
  controller: string;
  handler: string;
  /** undefined: the endpoint declares no rule (the guard refuses it; the matrix fails on it). */
  rule: AccessRule | undefined;
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
const asList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '']);

/** The routes Express serves: method and path of each route layer (Nest's middleware mounts, `{/*splat}`, excluded). */
export function expressRoutes(app: INestApplication): { method: string; path: string }[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .filter((layer) => layer.route !== undefined && !layer.route.path.includes('*'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })));
}

/** Every controller endpoint of the app with its access rule, from Nest's own metadata. */
export function nestEndpoints(app: INestApplication): Endpoint[] {
  const reflector = new Reflector();
  const endpoints: Endpoint[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler as () => unknown, controller]);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const sub of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const path = join(base, sub);
            const verb = RequestMethod[method];
            endpoints.push({ key: `${verb} ${path}`, method: verb, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!), controller: controller.name, handler: name, rule });
          }
        }
      }
    }
  }
  return endpoints.sort((a, b) => a.key.localeCompare(b.key));
}

/** Fills `:param` placeholders. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_all, name: string) => {
    if (params[name] === undefined) throw new Error(`No value for :${name} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}

/** Command endpoints: the ones that may change something. */
export const isCommand = (endpoint: Endpoint) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(endpoint.method);
