import { type CardOptions, type CentreCardData, cardText, tierText } from './centre-card';

/**
 * How tall the card page is at a width, estimated from what the card shows, for oEmbed's
 * `height` (the card measures itself once shown: card-page.ts, resize.js). The sums follow
 * CARD_CSS part by part; text is reckoned one em a Chinese character and a little more than
 * half an em any other, so that the estimate errs on the tall side. `essential` is the head,
 * cover and foot, which the card never trims; `whole` adds every part it may trim.
 */
export function estimateCardHeight(
  centre: CentreCardData,
  { width, size, locale }: { width: number; size: CardOptions['size']; locale: CardOptions['locale'] },
): { essential: number; whole: number } {
  const em = size === 'large' ? 21 : 16;
  const column = width - PAGE_PADDING - 2 - 2.5 * em;
  const lines = (text: string, fontSize: number, most = Infinity) => Math.min(most, countLines(tokens(text, fontSize), column));
  const t = cardText(locale);
  const rating = centre.currentRating;
  const profile = centre.profile;

  const cover = profile?.cover ? Math.min(104, (width - PAGE_PADDING - 2) / 4) : 0;
  const heading = lines(centre.name, 1.35 * em, 3) * 1.35 * em * 1.3 + 0.3 * em;
  // The badge, the stars and the year each stay on one line.
  const ratingChunks = [textWidth(tierText(rating, locale), em * BOLD) + 1.2 * em, ...(rating ? [5 * 1.1 * em, textWidth(t.rating(rating.year), em)] : [])];
  const ratingHeight =
    countLines(
      ratingChunks.map((chunk) => chunk + SPACE * em),
      column,
    ) *
      1.6 *
      em +
    0.4 * em;
  const summary = profile?.summary ? lines(profile.summary, em, 3) * 1.6 * em + 0.7 * em : 0;
  const head = 0.9 * em + heading + ratingHeight + summary;
  const foot = 1 + 0.5 * em + lines(`${t.more} →`, em * BOLD) * 1.6 * em + 0.7 * em;
  const essential = PAGE_PADDING + 2 + cover + head + foot + 0.7 * em;

  const trimmed: number[] = [0.9 * em * 1.6]; // the place, on one line
  // A tile: its value (and unit, which may wrap under it) and a label of two lines at most.
  if (profile?.highlights.length) trimmed.push(0.8 * em * (1.25 * 1.4 + 3 * 1.4 + 0.6) + 2);
  const articles = centre.showcaseArticles.edges.map(({ node }) => lines(node.title, em, 2) * 1.45 * em);
  if (articles.length) trimmed.push(HEADING * em + articles.reduce((a, b) => a + b, 0) + 0.25 * em * (articles.length - 1));
  if (centre.brandProgrammes.length) {
    const rows = Math.min(
      2,
      countLines(
        centre.brandProgrammes.slice(0, 8).map((p) => textWidth(p.name, em) + 1.5 * em),
        column,
      ),
    );
    trimmed.push(HEADING * em + rows * (1.6 * em + 2) + (rows - 1) * 0.3 * em);
  }
  const whole = essential + trimmed.reduce((a, b) => a + b, 0) + 0.7 * em * (trimmed.length - 1);
  // Rounding in the browser's layout adds up to a few pixels.
  return { essential: Math.ceil(essential) + 3, whole: Math.ceil(whole) + 3 };
}

/** The card page's padding above and below the card (card-page.ts). */
const PAGE_PADDING = 16;
const BOLD = 1.1;
const SPACE = 0.3;
/** A section heading (h2) with its margin, in em. */
const HEADING = 1.8;
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2605\u2606]/u;

/** The widths of the pieces a line may break between: each Chinese character, each word with its space. */
function tokens(text: string, fontSize: number): number[] {
  return (text.match(/[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+\s*|\s+/gu) ?? []).map((token) =>
    textWidth(token, fontSize),
  );
}

/** Lines of text filled greedily; a piece wider than the line breaks inside (overflow-wrap). */
function countLines(pieces: number[], column: number): number {
  let lines = 1;
  let used = 0;
  for (const piece of pieces) {
    if (used + piece <= column) {
      used += piece;
    } else if (piece <= column) {
      lines += used > 0 ? 1 : 0;
      used = piece;
    } else {
      lines += (used > 0 ? 1 : 0) + Math.ceil(piece / column) - 1;
      used = piece % column;
    }
  }
  return lines;
}

function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? fontSize : 0.6 * fontSize;
  return width;
}
