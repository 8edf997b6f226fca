import type { SimulationResult } from '@faultline/schemas';
import { useNames } from './names-context.ts';
import { timeTicks } from './time-ticks.ts';

const COLOURS = { closed: '#16a34a', open: '#dc2626', 'half-open': '#f59e0b' } as const;

/** Each circuit breaker's state over time, one strip of runs of equal state per breaker. */
export function BreakerTimeline({ result }: { result: SimulationResult }) {
  const names = useNames();
  const { timeSeries } = result;
  const breakers = Object.entries(timeSeries.components).flatMap(([component, c]) =>
    Object.entries(c.circuitState ?? {}).map(([connection, states]) => ({
      key: `${component}/${connection}`,
      label: names.connection(connection),
      states,
    })),
  );
  if (!breakers.length) return null;
  const total = timeSeries.throughput.length;
  const ticks = timeTicks(timeSeries.startMs, total * timeSeries.bucketMs);
  return (
    <section className="breakers" data-testid="breakers" aria-label="Circuit-breaker states">
      <h3>Circuit breakers</h3>
      {breakers.map(({ key, label, states }) => {
        const runs: { state: keyof typeof COLOURS; from: number; to: number }[] = [];
        states.forEach((state, i) => {
          const last = runs.at(-1);
          if (last && last.state === state) last.to = i + 1;
          else runs.push({ state, from: i, to: i + 1 });
        });
        return (
          <div key={key} className="breaker">
            <span className="breaker-name">{label}</span>
            <svg
              viewBox={`0 0 ${total} 1`}
              preserveAspectRatio="none"
              role="img"
              aria-label={`${label}: ${runs.map((r) => r.state).join(', ')}`}
            >
              {runs.map((r) => (
                <rect key={r.from} x={r.from} width={r.to - r.from} y={0} height={1} fill={COLOURS[r.state]}>
                  <title>{`${r.state} from ${((timeSeries.startMs + r.from * timeSeries.bucketMs) / 1000).toFixed(1)} s`}</title>
                </rect>
              ))}
            </svg>
          </div>
        );
      })}
      <div className="breaker time-axis" data-testid="breakers.axis" aria-hidden="true">
        <span />
        <div>
          {ticks.map((t) => (
            <span key={t.label} style={{ left: `${t.at * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      <p className="legend">
        {Object.entries(COLOURS).map(([s, c]) => (
          <span key={s}>
            <i style={{ background: c }} /> {s}
          </span>
        ))}
      </p>
    </section>
  );
}
