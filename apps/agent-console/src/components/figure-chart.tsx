import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartSpec, FigureTable } from '../lib/figure-table';

const COLORS = ['#2f6fd6', '#e0832b', '#2a9d6b', '#9b59b6', '#c0362c', '#8a6d1f', '#1f8a8a', '#6b7280'];
const CHART_HEIGHT = 220;

type XySpec = Extract<ChartSpec, { kind: 'xy' }>;

/**
 * Bars and lines of one figure, from its table: the first column along one axis, the chosen columns drawn.
 * The chart is a picture of the table shown beside it (which screen readers get); its label says so.
 */
export function FigureChart({ table, spec }: { table: FigureTable; spec: XySpec }) {
  const data = table.rows.map((row) => Object.fromEntries(row.map((cell, i) => [`c${i}`, cell])));
  const sideways = spec.layout === 'horizontal';
  const percentSeries = spec.series.some((s) => s.percent);
  const countSeries = spec.series.some((s) => !s.percent);
  const described = spec.series.map((s) => table.columns[s.column]).join(', ');
  const height = sideways ? Math.max(120, 48 + table.rows.length * 34) : CHART_HEIGHT;
  const category = { dataKey: 'c0', type: 'category' as const, tick: { fontSize: 12 } };
  return (
    <div
      className="figure-chart"
      role="img"
      aria-label={`${table.title}: ${described} by ${table.columns[0]?.toLowerCase()}; the figures are in the table.`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart
          data={data}
          layout={sideways ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          {sideways ? (
            <>
              <YAxis {...category} width={130} />
              <XAxis
                type="number"
                allowDecimals={false}
                domain={percentSeries ? [0, 100] : [0, 'auto']}
                tick={{ fontSize: 12 }}
              />
            </>
          ) : (
            <>
              <XAxis {...category} tickFormatter={shortDay} />
              {countSeries && (
                <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
              )}
              {percentSeries && (
                <YAxis
                  yAxisId="percent"
                  orientation={countSeries ? 'right' : 'left'}
                  domain={[0, 100]}
                  unit="%"
                  tick={{ fontSize: 12 }}
                  width={48}
                />
              )}
            </>
          )}
          <Tooltip />
          {spec.series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {spec.series.map((s, i) => {
            const common = {
              dataKey: `c${s.column}`,
              name: table.columns[s.column] ?? '',
              isAnimationActive: false,
              ...(sideways ? {} : { yAxisId: s.percent ? 'percent' : 'count' }),
            };
            const color = COLORS[i % COLORS.length];
            return s.as === 'bar' ? (
              <Bar
                key={s.column}
                {...common}
                fill={color}
                maxBarSize={36}
                {...(s.stacked ? { stackId: 'stack' } : {})}
              />
            ) : (
              // A reference (perfect calibration) is dashed; a measured line is not drawn across bins without data.
              <Line
                key={s.column}
                {...common}
                stroke={s.reference ? '#8a93a5' : color}
                strokeWidth={2}
                strokeDasharray={s.reference ? '5 4' : undefined}
                dot={s.reference ? false : { r: 3 }}
                connectNulls={false}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** `2025-01-15` → `01-15` on a day axis; other labels as they are. */
function shortDay(label: unknown): string {
  const text = String(label);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text.slice(5) : text;
}
