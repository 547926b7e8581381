import type { EntityManager } from '@mikro-orm/postgresql';
import { type LoaderOptions, manyByKey } from '../../shared/loader';
import { ReportedFigure } from './reported-figure.entity';

export function createFigureLoaders(em: EntityManager, options: LoaderOptions) {
  return {
    /** Every reported figure of each centre, newest year first, then by key. */
    figuresByCentreCode: manyByKey<string, ReportedFigure>(
      (codes) => em.find(ReportedFigure, { centre: { $in: [...codes] } }, { orderBy: { year: 'desc', id: 'asc' } }),
      (figure) => figure.centre.code,
      options,
    ),
  };
}
