import { Typography } from '@strapi/design-system';

const NAMES: Record<string, string> = { 'zh-Hans': '中文', en: '英文' };

interface Row {
  locale?: string;
  localizations?: Array<{ locale: string }>;
}

/**
 * The list view's "已有语言" column, in Chinese: Strapi's own cell appends an English
 * "(default)". A document without its English translation says so, for the editors who
 * translate profiles.
 */
function LocalesCell({ locale, localizations }: Row) {
  const present = new Set([locale, ...(localizations ?? []).map((localization) => localization.locale)]);
  const names = Object.keys(NAMES).filter((code) => present.has(code)).map((code) => NAMES[code]);
  return (
    <Typography textColor="neutral800">
      {names.join('、')}
      {present.has('en') ? null : <Typography textColor="warning600">(缺英文)</Typography>}
    </Typography>
  );
}

export function chineseLocalesColumn({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: unknown }) {
  return {
    displayedHeaders: displayedHeaders.map((header) =>
      header.name === 'locales' ? { ...header, cellFormatter: (row: Row) => <LocalesCell {...row} /> } : header,
    ),
    layout,
  };
}
