function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The last day of a notice of `days` working days starting on `start` (counted when it is
 * a working day). Public holidays are not known to the system; a notice over a holiday
 * should be given more days.
 */
export function lastNoticeDay(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  let counted = isWorkingDay(date) ? 1 : 0;
  while (counted < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date)) counted += 1;
  }
  return date.toISOString().slice(0, 10);
}
