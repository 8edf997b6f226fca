import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SimulationResult } from '@faultline/schemas';

type Row = Record<string, number | null>;

function rowsOf(result: SimulationResult, baseline?: SimulationResult): Row[] {
  const s = result.timeSeries;
  const b = baseline?.timeSeries;
  return s.throughput.map((throughput, i) => ({
    t: (s.startMs + i * s.bucketMs) / 1000,
    throughput,
    successRate: s.successRate[i] ?? null,
    errorRate: s.errorRate[i] ?? null,
    p50: s.p50[i] ?? null,
    p99: s.p99[i] ?? null,
    ...(b
      ? {
          baselineThroughput: b.throughput[i] ?? null,
          baselineSuccessRate: b.successRate[i] ?? null,
          baselineP99: b.p99[i] ?? null,
        }
      : {}),
  }));
}

interface ChartProps {
  title: string;
  rows: Row[];
  lines: { key: string; name: string; color: string; dashed?: boolean }[];
  windows: ShadedWindow[];
  unit: string;
}

/** A fault window as the charts shade it: an open-ended one runs to the end of the run. */
interface ShadedWindow {
  key: string;
  name: string;
  startMs: number;
  endMs: number;
}

/** One chart, with every fault window shaded. Animation is off: 600 buckets redraw at once. */
function Chart({ title, rows, lines, windows, unit }: ChartProps) {
  return (
    <figure className="chart" data-testid={`chart.${title}`}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} unit=" s" />
          <YAxis unit={unit} width={64} />
          <Tooltip />
          <Legend />
          {windows.map((w) => (
            <ReferenceArea
              key={w.key}
              x1={w.startMs / 1000}
              x2={w.endMs / 1000}
              fill="#f97316"
              fillOpacity={0.15}
              label={w.name}
              className="fault-window"
            />
          ))}
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              dot={false}
              isAnimationActive={false}
              strokeDasharray={l.dashed ? '4 3' : undefined}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Throughput, success and error rate, latency percentiles; a baseline (or another run) overlaid dashed. */
export function TimeSeriesCharts({
  result,
  baseline,
  overlayLabel = 'baseline',
}: {
  result: SimulationResult;
  baseline?: SimulationResult;
  overlayLabel?: string;
}) {
  const rows = useMemo(() => rowsOf(result, baseline), [result, baseline]);
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
  return (
    <div className="charts">
      <Chart
        title="Throughput"
        unit=" /s"
        rows={rows}
        windows={windows}
        lines={[
          { key: 'throughput', name: 'throughput', color: '#2563eb' },
          ...(baseline ? [{ key: 'baselineThroughput', name: overlayLabel, color: '#94a3b8', dashed: true }] : []),
        ]}
      />
      <Chart
        title="Success and errors"
        unit=""
        rows={rows}
        windows={windows}
        lines={[
          { key: 'successRate', name: 'success rate', color: '#16a34a' },
          { key: 'errorRate', name: 'error rate', color: '#dc2626' },
          ...(baseline
            ? [{ key: 'baselineSuccessRate', name: `${overlayLabel} success`, color: '#94a3b8', dashed: true }]
            : []),
        ]}
      />
      <Chart
        title="Latency"
        unit=" ms"
        rows={rows}
        windows={windows}
        lines={[
          { key: 'p50', name: 'p50', color: '#0891b2' },
          { key: 'p99', name: 'p99', color: '#7c3aed' },
          ...(baseline ? [{ key: 'baselineP99', name: `${overlayLabel} p99`, color: '#94a3b8', dashed: true }] : []),
        ]}
      />
    </div>
  );
}
