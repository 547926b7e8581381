import type { EntityManager } from '@mikro-orm/postgresql';
import { Centre, type CentreLevel } from '../../api/src/modules/centre/centre.entity';
import { ReportedFigure } from '../../api/src/modules/figure/reported-figure.entity';
import { RatingDimension } from '../../api/src/modules/rating/rating-dimension.entity';
import { RatingResult, type RatingTier } from '../../api/src/modules/rating/rating-result.entity';
import { RatingScheme } from '../../api/src/modules/rating/rating-scheme.entity';
import { Region, type RegionLevel } from '../../api/src/modules/region/region.entity';
import { seedLists } from './seed-lists';
import { CycleStage, RatingCycle } from '../../api/src/modules/rating-cycle/rating-cycle.entity';
import type { RatingSchemeInput } from '../../api/src/modules/rating-cycle/rating-cycle.inputs';
import { saveRatingScheme } from '../../api/src/modules/rating-cycle/rating-scheme.service';
import scheme2025 from '../facts/rating-scheme-2025.json';
import workingCalendar from '../facts/working-calendar.json';
import { WorkingCalendarDay } from '../../api/src/modules/calendar/calendar.entity';
import type { Dataset, RegionRow } from '../dataset';
import { buildDataset } from '../generate';

export interface SeedSummary {
  regions: number;
  centres: number;
  ratings: number;
  figures: number;
  listRecords: number;
}

/**
 * Writes the seed dataset into the API database. Every row is an upsert on its natural
 * key, so running it again leaves the data as it was.
 */
export async function seedDatabase(
  em: EntityManager,
  { dataset = buildDataset(), onProgress = () => undefined }: { dataset?: Dataset; onProgress?: (line: string) => void } = {},
): Promise<SeedSummary> {
  await em.transactional(async (tx) => {
    onProgress(`seed: ${dataset.regions.length} regions`);
    await tx.upsertMany(Region, withPaths(dataset.regions));

    onProgress(`seed: ${dataset.centres.length} centres`);
    // Parents first, so a centre's parent always exists when it is written.
    const byDepth = [...dataset.centres].sort((a, b) => depth(a.code, dataset) - depth(b.code, dataset));
    await tx.upsertMany(
      Centre,
      byDepth.map(({ regionCode, parentCode, level, ...centre }) => ({
        ...centre,
        level: level as CentreLevel,
        region: regionCode,
        parent: parentCode ?? undefined,
      })),
    );

    onProgress(`seed: ${dataset.schemes.length} rating schemes, ${dataset.ratings.length} ratings`);
    await tx.upsertMany(
      RatingScheme,
      dataset.schemes.map(({ year, name, source }) => ({ year, name, source })),
    );
    await tx.upsertMany(
      RatingDimension,
      dataset.schemes.flatMap((scheme) => scheme.dimensions.map((dimension) => ({ ...dimension, scheme: scheme.year }))),
      { onConflictFields: ['scheme', 'key'] },
    );
    await tx.upsertMany(
      RatingResult,
      dataset.ratings.map(({ centreCode, year, totalScore, tier, ...rating }) => ({
        ...rating,
        tier: tier as RatingTier,
        totalScore: totalScore ?? undefined,
        centre: centreCode,
        scheme: year,
      })),
      { onConflictFields: ['centre', 'scheme'] },
    );

    onProgress('seed: imported rating cycles, the 2025 scheme');
    await seedRatingCycles(tx, dataset);

    onProgress(`seed: ${dataset.figures.length} reported figures`);
    await tx.upsertMany(
      ReportedFigure,
      dataset.figures.map(({ centreCode, ...figure }) => ({ ...figure, centre: centreCode })),
      { onConflictFields: ['centre', 'year', 'key'] },
    );

    await seedLists(tx, dataset.lists, onProgress);

    onProgress(`seed: working calendar ${workingCalendar.years.map(({ year }) => year).join(', ')}`);
    await seedWorkingCalendar(tx);
  });
  return {
    regions: dataset.regions.length,
    centres: dataset.centres.length,
    ratings: dataset.ratings.length,
    figures: dataset.figures.length,
    listRecords: Object.values(dataset.lists).reduce((sum, rows) => sum + rows.length, 0),
  };
}

/**
 * The years rated before this system ran count as completed (imported) cycles, one per
 * county, with their schemes frozen. The 2025 scheme is written once, unfrozen, so a cycle
 * can be run; later runs leave it alone, as the city may have changed it.
 */
async function seedRatingCycles(em: EntityManager, dataset: Dataset): Promise<void> {
  const ratedYears = [...new Set(dataset.ratings.map((rating) => rating.year))];
  const counties = dataset.regions.filter((region) => region.level === 'COUNTY');
  for (const year of ratedYears) {
    const publishedAt = new Date(`${year + 1}-03-31T00:00:00Z`);
    await em.nativeUpdate(RatingScheme, { year, frozenAt: null }, { frozenAt: publishedAt });
    await em.upsertMany(
      RatingCycle,
      counties.map((county) => ({ scheme: year, region: county.code, stage: CycleStage.PUBLISHED, isImported: true, publishedAt })),
      { onConflictFields: ['scheme', 'region'] },
    );
  }
  if (!(await em.findOne(RatingScheme, { year: scheme2025.year }))) {
    await saveRatingScheme(em, scheme2025 as unknown as RatingSchemeInput);
  }
}

/**
 * The official holiday arrangements, for years that have none yet: administrators keep the
 * calendar (setWorkingCalendar), so a later seed run never overwrites a year they changed.
 */
async function seedWorkingCalendar(em: EntityManager): Promise<void> {
  for (const { year, days } of workingCalendar.years) {
    if (await em.count(WorkingCalendarDay, { day: { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` } })) continue;
    await em.insertMany(WorkingCalendarDay, days);
  }
}

/** Materialised paths (see Region.path), computed from the parent codes. */
function withPaths(rows: RegionRow[]) {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const pathOf = (row: RegionRow): string => {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    return parent ? `${pathOf(parent)}/${row.code}` : row.code;
  };
  return rows
    .map(({ parentCode, source, level, ...row }) => ({
      ...row,
      level: level as RegionLevel,
      source: source ?? undefined,
      parent: parentCode ?? undefined,
      path: pathOf(byCode.get(row.code)!),
    }))
    .sort((a, b) => a.path.length - b.path.length);
}

function depth(code: string, dataset: Dataset): number {
  const parent = dataset.centres.find((centre) => centre.code === code)?.parentCode;
  return parent ? 1 + depth(parent, dataset) : 0;
}
