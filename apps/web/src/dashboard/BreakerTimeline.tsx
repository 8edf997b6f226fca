import type { SimulationResult } from '@faultline/schemas';

const COLOURS = { closed: '#16a34a', open: '#dc2626', 'half-open': '#f59e0b' } as const;

/** Each circuit breaker's state over time, one strip of runs of equal state per breaker. */
export function BreakerTimeline({ result }: { result: SimulationResult }) {
  const { timeSeries } = result;
  const breakers = Object.entries(timeSeries.components).flatMap(([component, c]) =>
    Object.entries(c.circuitState ?? {}).map(([connection, states]) => ({
      key: `${component} → ${connection}`,
      states,
    })),
  );
  if (!breakers.length) return null;
  const total = timeSeries.throughput.length;
  return (
    <section className="breakers" data-testid="breakers" aria-label="Circuit-breaker states">
      <h3>Circuit breakers</h3>
      {breakers.map(({ key, states }) => {
        const runs: { state: keyof typeof COLOURS; from: number; to: number }[] = [];
        states.forEach((state, i) => {
          const last = runs.at(-1);
          if (last && last.state === state) last.to = i + 1;
          else runs.push({ state, from: i, to: i + 1 });
        });
        return (
          <div key={key} className="breaker">
            <span className="breaker-name">{key}</span>
            <svg
              viewBox={`0 0 ${total} 1`}
              preserveAspectRatio="none"
              role="img"
              aria-label={`${key}: ${runs.map((r) => r.state).join(', ')}`}
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
