import { describe, expect, it } from 'vitest';
import { toCsv } from '@/admin/insights/csv';

/* The Insights page's CSV: what a spreadsheet reads back as the same cells, and never as a formula. */
describe('toCsv', () => {
  it('quotes only what needs it, doubles quotes, ends every line with CRLF', () => {
    expect(toCsv(['Day', 'Count'], [['2026-03-04', 3], ['2026-03-05', 0]])).toBe('Day,Count\r\n2026-03-04,3\r\n2026-03-05,0\r\n');
    expect(toCsv(['Question'], [['Rates, and "availability"?'], ['two\nlines'], ['plain']])).toBe('Question\r\n"Rates, and ""availability""?"\r\n"two\nlines"\r\nplain\r\n');
  });

  it('writes no figure as empty and keeps numbers as they are, negative ones included', () => {
    expect(toCsv(['Median', 'Delta'], [[null, -2.5]])).toBe('Median,Delta\r\n,-2.5\r\n');
  });

  it('defuses a text cell a spreadsheet would run as a formula', () => {
    expect(toCsv(['Question'], [['=HYPERLINK("http://x")'], ['+1'], ['-1'], ['@SUM(A1)']])).toBe(
      'Question\r\n"\'=HYPERLINK(""http://x"")"\r\n\'+1\r\n\'-1\r\n\'@SUM(A1)\r\n',
    );
  });
});
