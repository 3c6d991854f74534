/** Number and date formatting in the user's language (the only place scores are rounded). */
export function formatScore(score: number | null): string {
  return score === null ? '–' : String(Math.round(score));
}

export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
}
