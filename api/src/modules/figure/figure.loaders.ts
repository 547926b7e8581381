import DataLoader from 'dataloader';
import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, manyByKey } from '../../shared/loader';
import { deriveFigures } from './figure.service';
import { REPORTED_FIGURE_COLUMNS, type ReportedFigureView } from './reported-figure.view';

/** Key of derivedFigures: a centre and a work year. */
export const derivedKey = (centreCode: string, year: number) => `${centreCode}|${year}`;

export function createFigureLoaders(read: Reader, options: LoaderOptions) {
  return {
    /** Every reported figure of each centre, newest year first, then by key; shown as part of the centre. */
    figuresByCentreCode: manyByKey<string, ReportedFigureView>(
      (codes) =>
        read.rows<ReportedFigureView>(
          `select ${REPORTED_FIGURE_COLUMNS} from reported_figure f where f.centre_code = any(?::text[]) order by f.year desc, f.id asc`,
          [pgArray(codes)],
          (figure) => Tags.centre(figure.centreCode),
        ),
      (figure) => figure.centreCode,
      options,
    ),
    /** Figures derived from records, by derivedKey: one set of statements per year asked. */
    derivedFigures: new DataLoader<string, Map<string, number>>(async (keys) => {
      const years = [...new Set(keys.map((key) => Number(key.split('|')[1])))];
      const derived = new Map<string, Map<string, number>>(keys.map((key) => [key, new Map()]));
      await Promise.all(
        years.map(async (year) => {
          const codes = keys.filter((key) => key.endsWith(`|${year}`)).map((key) => key.split('|')[0]!);
          for (const figure of await deriveFigures(read, { centreCodes: codes }, year)) {
            derived.get(derivedKey(figure.groupKey, year))?.set(figure.key, figure.value);
          }
        }),
      );
      return keys.map((key) => derived.get(key)!);
    }, options),
  };
}
