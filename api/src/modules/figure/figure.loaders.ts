import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type LoaderOptions, manyByKey } from '../../shared/loader';
import { deriveFigures } from './figure.service';
import { ReportedFigure } from './reported-figure.entity';

export function createFigureLoaders(em: EntityManager, options: LoaderOptions) {
  return {
    /** Every reported figure of each centre, newest year first, then by key. */
    figuresByCentreCode: manyByKey<string, ReportedFigure>(
      (codes) => em.find(ReportedFigure, { centre: { $in: [...codes] } }, { orderBy: { year: 'desc', id: 'asc' } }),
      (figure) => figure.centre.code,
      options,
    ),
    /** Figures derived from records, by "centreCode|year": one set of statements per year asked. */
    derivedFigures: new DataLoader<string, Map<string, number>>(async (keys) => {
      const years = [...new Set(keys.map((key) => Number(key.split('|')[1])))];
      const derived = new Map<string, Map<string, number>>(keys.map((key) => [key, new Map()]));
      await Promise.all(
        years.map(async (year) => {
          const codes = keys.filter((key) => key.endsWith(`|${year}`)).map((key) => key.split('|')[0]!);
          for (const figure of await deriveFigures(em, { centreCodes: codes }, year)) {
            derived.get(`${figure.groupKey}|${year}`)?.set(figure.key, figure.value);
          }
        }),
      );
      return keys.map((key) => derived.get(key)!);
    }),
  };
}
