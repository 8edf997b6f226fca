import { useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SimulationResult } from '@faultline/schemas';
import { hasGoodput, rowsOf, seriesOf, withUnit, type Row } from './chart-rows.ts';

interface Series {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  /** Stacked as an area (goodput) rather than drawn as a line. */
  stacked?: boolean;
}

interface ChartProps {
  title: string;
  /** Whose requests it plots, when not all of them: "Checkout requests". */
  of?: string | undefined;
  rows: Row[];
  series: Series[];
  windows: ShadedWindow[];
  unit: string;
  domain?: [number, number];
}

/** A fault window as the charts shade it: an open-ended one runs to the end of the run. */
interface ShadedWindow {
  key: string;
  name: string;
  startMs: number;
  endMs: number;
}

// Fault names sit in the margin above the plot, never on the lines; alternate rows keep
// neighbouring windows' names from overlapping.
const LABEL_ROWS = 2;
const LABEL_ROW_HEIGHT = 14;

/** One chart, with every fault window shaded. Animation is off: 600 buckets redraw at once. */
function Chart({ title, of, rows, series, windows, unit, domain }: ChartProps) {
  const format = (value: unknown) => withUnit(value, unit);
  return (
    <figure className="chart" data-testid={`chart.${title}`}>
      <figcaption>{`${title}${of ? ` of ${of}` : ''} (${unit})`}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={rows} margin={{ top: 8 + LABEL_ROWS * LABEL_ROW_HEIGHT, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} unit=" s" />
          <YAxis width={64} domain={domain ?? [0, 'auto']} tickFormatter={(v: number) => `${v}`} />
          <Tooltip formatter={(value, name) => [format(value), name]} labelFormatter={(t) => `at ${String(t)} s`} />
          <Legend />
          {windows.map((w, i) => (
            <ReferenceArea
              key={w.key}
              x1={w.startMs / 1000}
              x2={w.endMs / 1000}
              fill="#f97316"
              fillOpacity={0.15}
              ifOverflow="extendDomain"
              label={{
                value: w.name,
                position: 'top',
                offset: 4 + (i % LABEL_ROWS) * LABEL_ROW_HEIGHT,
                fontSize: 11,
                fill: '#9a3412',
              }}
              className="fault-window"
            />
          ))}
          {series.map((s) =>
            s.stacked ? (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId="goodput"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                dot={false}
                isAnimationActive={false}
                strokeDasharray={s.dashed ? '4 3' : undefined}
                connectNulls={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * Throughput stacked by what became of the requests (goodput), success and error rate, latency
 * percentiles; a baseline (or another run) overlaid dashed. With `only`, of one request class's
 * requests (SPEC §3.7), the overlay too; of all when the result keeps no series for the class.
 */
export function TimeSeriesCharts({
  result,
  baseline: overlay,
  overlayLabel = 'baseline',
  only,
}: {
  result: SimulationResult;
  baseline?: SimulationResult;
  overlayLabel?: string;
  only?: { id: string; name: string } | undefined;
}) {
  const scope = only && seriesOf(result, only.id) ? only : undefined;
  // An overlay of all requests under one class's lines would compare unlike things: none then.
  const baseline = overlay && seriesOf(overlay, scope?.id) ? overlay : undefined;
  const rows = useMemo(() => rowsOf(result, baseline, scope?.id), [result, baseline, scope?.id]);
  const of = scope && `${scope.name} requests`;
  const windows = useMemo(
    () =>
      result.faultWindows
        .filter((w) => w.state !== 'not-exercised')
        .map((w) => ({
          key: `${w.faultId}-${w.startMs}`,
          name: w.name,
          startMs: w.startMs,
          endMs: w.endMs ?? result.settings.durationMs,
        })),
    [result],
  );
  const overlayThroughput: Series[] = baseline
    ? [{ key: 'baselineThroughput', name: `${overlayLabel} throughput`, color: '#64748b', dashed: true }]
    : [];
  return (
    <div className="charts">
      <Chart
        title="Throughput"
        of={of}
        unit="req/s"
        rows={rows}
        windows={windows}
        series={[
          ...(hasGoodput(result)
            ? [
                { key: 'succeeded', name: 'succeeded', color: '#16a34a', stacked: true },
                { key: 'degraded', name: 'degraded (fallback)', color: '#f59e0b', stacked: true },
                { key: 'failed', name: 'failed', color: '#dc2626', stacked: true },
              ]
            : [{ key: 'throughput', name: 'throughput', color: '#2563eb' }]),
          ...overlayThroughput,
        ]}
      />
      <Chart
        title="Success and errors"
        of={of}
        unit="%"
        domain={[0, 100]}
        rows={rows}
        windows={windows}
        series={[
          { key: 'successRate', name: 'success rate', color: '#16a34a' },
          { key: 'errorRate', name: 'error rate', color: '#dc2626' },
          ...(baseline
            ? [{ key: 'baselineSuccessRate', name: `${overlayLabel} success`, color: '#64748b', dashed: true }]
            : []),
        ]}
      />
      <Chart
        title="Latency"
        of={of}
        unit="ms"
        rows={rows}
        windows={windows}
        series={[
          { key: 'p50', name: 'p50', color: '#0891b2' },
          { key: 'p99', name: 'p99', color: '#7c3aed' },
          ...(baseline ? [{ key: 'baselineP99', name: `${overlayLabel} p99`, color: '#64748b', dashed: true }] : []),
        ]}
      />
    </div>
  );
}
