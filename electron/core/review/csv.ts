// Owns writing CSV as spreadsheets read it: RFC 4180 (fields with a comma, a quote or a line break quoted, quotes
// doubled, CRLF between records), UTF-8 with a byte-order mark so that Excel reads Arabic or Javanese script right,
// and no formulas: a field a spreadsheet would run (=, +, -, @, tab, CR first) gets a leading apostrophe, since
// names and notes come from other desks and could carry one.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
export const BOM = '\uFEFF';

function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the byte-order mark, the header, one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
