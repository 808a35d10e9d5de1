import { toCsv } from '../lib/csv';
import { type FigureTable, hasFigures } from '../lib/figure-table';
import { FigureChart } from './figure-chart';

type Props = { table: FigureTable; fileStem: string };

/**
 * One figure: its chart (or tiles), the table of exactly what is drawn, and a CSV download of that table
 * built here in the browser.
 */
export function FigureCard({ table, fileStem }: Props) {
  const titleId = `figure-${table.id}-title`;
  const empty = !hasFigures(table);
  const chart = table.chart;
  return (
    <section
      className={table.wide ? 'figure-card figure-card-wide' : 'figure-card'}
      aria-labelledby={titleId}
      data-testid={`figure-${table.id}`}
    >
      <header className="figure-head">
        <h3 id={titleId}>{table.title}</h3>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          data-testid={`csv-${table.id}`}
          aria-label={`Download ${table.title} as CSV`}
          onClick={() => download(`${fileStem}-${table.id}.csv`, toCsv(table.columns, table.rows))}
        >
          CSV
        </button>
      </header>
      {table.note && <p className="figure-note">{table.note}</p>}
      {empty ? (
        <p className="figure-empty" data-testid={`figure-empty-${table.id}`}>
          Nothing in this range.
        </p>
      ) : chart?.kind === 'tiles' ? (
        <dl className="figure-tiles">
          {table.rows.map((row) => (
            <div key={String(row[0])} className="figure-tile">
              <dt>{row[0]}</dt>
              <dd>{row[1] ?? '—'}</dd>
            </div>
          ))}
        </dl>
      ) : chart ? (
        <FigureChart table={table} spec={chart} />
      ) : null}
      {!empty && chart?.kind !== 'tiles' && <FigureData table={table} open={chart === null} />}
    </section>
  );
}

/** The figures as a table: shown for tables, folded under the chart otherwise. */
function FigureData({ table, open }: { table: FigureTable; open: boolean }) {
  const grid = (
    <div className="figure-table-wrap">
      <table className="figure-table" data-testid={`table-${table.id}`}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // Rows have no id of their own; their order is the figure's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={c} scope="row">
                    {cell ?? '—'}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={c}>{cell ?? '—'}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (open) return grid;
  return (
    <details className="figure-details">
      <summary>Table</summary>
      {grid}
    </details>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
