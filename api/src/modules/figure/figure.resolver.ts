import { Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { FiguresArgs } from './figure.inputs';
import { derivedKey } from './figure.loaders';
import { matchesReported } from './figure.service';
import { ReportedFigureView } from './reported-figure.view';

@Resolver(() => ReportedFigureView)
export class ReportedFigureResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'The same figure computed from the centre’s records; null where no records exist to derive it from.' })
  async derivedValue(@Root() figure: ReportedFigureView, @Ctx() { loaders }: Context): Promise<number | null> {
    return (await loaders.derivedFigures.load(derivedKey(figure.centreCode, figure.year))).get(figure.key) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the records bear the reported value out (equal, or at least it for "more than" figures); null when there is nothing to compare.',
  })
  async matchesRecords(@Root() figure: ReportedFigureView, @Ctx() { loaders }: Context): Promise<boolean | null> {
    return matchesReported(figure, (await loaders.derivedFigures.load(derivedKey(figure.centreCode, figure.year))).get(figure.key) ?? null);
  }
}

@Resolver(() => CentreView)
export class CentreFiguresResolver {
  @FieldResolver(() => [ReportedFigureView], { description: 'Figures the centre reported, newest year first.' })
  async figures(@Root() centre: CentreView, @Args() { year }: FiguresArgs, @Ctx() { loaders }: Context): Promise<ReportedFigureView[]> {
    const figures = await loaders.figuresByCentreCode.load(centre.code);
    return year === undefined ? figures : figures.filter((figure) => figure.year === year);
  }
}
