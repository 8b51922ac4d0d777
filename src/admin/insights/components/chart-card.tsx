'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { downloadCsv, toCsv, type CsvCell } from '../csv';

/** One column of a chart's numbers: `value` goes to the CSV as it is, `text` (or the value) into the table. */
export type Column<T> = { label: string; value: (row: T) => CsvCell; text?: (row: T) => string };

export type ChartNumbers<T> = { caption: string; columns: Column<T>[]; rows: T[]; filename: string };

/**
 * A chart with its numbers: shown as a real table on request (for screen readers and for reading exact
 * values), and downloadable as CSV built from the same rows.
 */
export function ChartCard<T>({ id, title, description, numbers, summary, children }: {
  id: string;
  title: string;
  description: string;
  numbers: ChartNumbers<T>;
  summary?: ReactNode;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const { caption, columns, rows, filename } = numbers;
  const download = () => downloadCsv(filename, toCsv(columns.map((column) => column.label), rows.map((row) => columns.map((column) => column.value(row)))));

  return (
    <Card className="p-4 sm:p-6" data-testid={id} aria-labelledby={headingId} role="region">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">{description}</p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" onClick={() => setAsTable((shown) => !shown)} aria-pressed={asTable}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </Button>
          <Button size="sm" onClick={download}>
            Download CSV
          </Button>
        </div>
      </div>
      {summary ? <div className="mt-4">{summary}</div> : null}
      <div className="mt-4">
        {asTable ? (
          <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {columns.map((column) => (
                    <th key={column.label} scope="col" className="px-3 py-2 font-semibold">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((column, columnIndex) => {
                      const text = column.text ? column.text(row) : String(column.value(row) ?? '–');
                      return columnIndex === 0 ? (
                        <th key={column.label} scope="row" className="px-3 py-1.5 font-medium text-slate-900">
                          {text}
                        </th>
                      ) : (
                        <td key={column.label} className="px-3 py-1.5 tabular-nums text-slate-700">
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          // The chart is a picture of the table; assistive technology gets the table through the toggle.
          <div className="h-72" aria-hidden="true">
            {children}
          </div>
        )}
      </div>
    </Card>
  );
}
