import { readModelEntity } from '../entity.js';

/**
 * The eligible population per area and age band, imported from CBS neighbourhood figures
 * (Kerncijfers wijken en buurten). Reference data, not a projection. Table `population_reference`.
 */
export interface PopulationReferenceRow {
  [column: string]: unknown;
  tenant: string;
  /** CBS code: GM… (municipality), WK… (wijk) or BU… (buurt). */
  area_code: string;
  /** e.g. 15-24, 25-44, 45-64, 65+ (the CBS bands), or `total`. */
  age_band: string;
  population: number;
  /** Where the figures come from (e.g. `CBS Kerncijfers wijken en buurten 2024`). */
  source: string;
  imported_at: string;
}

export const PopulationReferenceEntity = readModelEntity<PopulationReferenceRow>(
  'population_reference',
  { tenant: 'text', area_code: 'text', age_band: 'text', population: 'integer', source: 'text', imported_at: 'timestamptz' },
  ['tenant', 'area_code', 'age_band'],
);
