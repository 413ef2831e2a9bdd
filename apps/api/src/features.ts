import type { DynamicModule } from '@nestjs/common';

/** The feature modules the api serves. */
export function featureModules(): NonNullable<DynamicModule['imports']> {
  return [];
}
