import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { matchesReported } from './figure.service';
import { ReportedFigure } from './reported-figure.entity';

@Resolver(() => ReportedFigure)
export class ReportedFigureResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'The same figure computed from the centre’s records; null where no records exist to derive it from.' })
  async derivedValue(@Root() figure: ReportedFigure, @Ctx() { loaders }: Context): Promise<number | null> {
    return (await loaders.derivedFigures.load(`${figure.centre.code}|${figure.year}`)).get(figure.key) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the records bear the reported value out (equal, or at least it for "more than" figures); null when there is nothing to compare.',
  })
  async matchesRecords(@Root() figure: ReportedFigure, @Ctx() { loaders }: Context): Promise<boolean | null> {
    return matchesReported(figure, (await loaders.derivedFigures.load(`${figure.centre.code}|${figure.year}`)).get(figure.key) ?? null);
  }
}
