import { type ArgumentMetadata, BadRequestException, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const SCALARS = new Set<unknown>([String, Number, Boolean, Object, Array, Date, BigInt, Symbol, undefined]);

/**
 * Fields declared as one nested DTO must hold an object: class-validator lets an array or a string
 * through `@ValidateNested()`, and the domain would then fail on its shape. Checks every level.
 */
function shapeProblems(value: unknown, metatype: unknown, path: string, seen = new Set<unknown>()): { field: string; messages: string[] }[] {
  if (typeof metatype !== 'function' || SCALARS.has(metatype) || value === null || typeof value !== 'object' || seen.has(metatype)) return [];
  const nextSeen = new Set(seen).add(metatype);
  const problems: { field: string; messages: string[] }[] = [];
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === undefined || field === null) continue;
    const declared: unknown = Reflect.getMetadata('design:type', (metatype as { prototype: object }).prototype, key);
    if (typeof declared !== 'function' || SCALARS.has(declared)) continue;
    const name = path ? `${path}.${key}` : key;
    if (Array.isArray(field) || typeof field !== 'object') {
      problems.push({ field: name, messages: [`${name} must be an object`] });
      continue;
    }
    problems.push(...shapeProblems(field, declared, name, nextSeen));
  }
  return problems;
}

/** The app's validation: class-validator plus the nested-shape check, one 400 listing every problem. */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !SCALARS.has(metadata.metatype)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'The request body must be a JSON object', errors: [] });
      }
      const problems = shapeProblems(value, metadata.metatype, '');
      if (problems.length > 0) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'The request is invalid', errors: problems });
    }
    return super.transform(value, metadata);
  }
}

/** Request bodies: unknown fields refused, types converted, every problem named by field. */
export function validationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new BadRequestException({ code: 'REQUEST.INVALID', message: 'The request is invalid', errors: flatten(errors) }),
  });
}
