export interface SchoolYearSpan {
  readonly label: string;
  /** 1 September of the first year. */
  readonly startsOn: string;
  /** 31 August of the second year. */
  readonly endsOn: string;
}

/** `2026-2027` → its span; null unless it is two consecutive years between 2000 and 2100. */
export function parseSchoolYear(label: string): SchoolYearSpan | null {
  const match = /^(\d{4})-(\d{4})$/.exec(label.trim());
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (second !== first + 1 || first < 2000 || first > 2100) return null;
  return { label: `${first}-${second}`, startsOn: `${first}-09-01`, endsOn: `${second}-08-31` };
}
