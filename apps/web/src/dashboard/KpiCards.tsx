import type { SimulationResult, SloVerdict } from '@faultline/schemas';
import type { ClassFigures } from './class-figures.ts';
import { ms, pct, secs } from './format.ts';
import { gradeBasis, measuredAgainst } from './verdict-lines.ts';

type Verdicts = SimulationResult['slo']['verdicts'];
type Interval = { mean: number; low: number; high: number };
type Format = (value: number | null) => string;

const VERDICT_WORDS: Record<SloVerdict['status'], string> = {
  pass: 'SLO met',
  fail: 'SLO missed',
  'not-applicable': 'not applicable',
};

function Card({
  label,
  value,
  format,
  verdict,
  interval,
  replications,
  detail,
  headline,
  testId,
}: {
  label: string;
  value: number | null;
  format: Format;
  verdict?: SloVerdict | undefined;
  /** With replications: the mean over them and its 95 % interval, shown instead of one run's figure. */
  interval?: Interval | undefined;
  replications?: number | undefined;
  detail?: string;
  /** What the card shows in large instead of the formatted value (the grade letter). */
  headline?: string;
  testId: string;
}) {
  return (
    <div className={`kpi${verdict ? ` ${verdict.status}` : ''}`} data-testid={`kpi.${testId}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{headline ?? format(interval ? interval.mean : value)}</span>
      {interval && (
        <span className="kpi-interval" data-testid={`kpi.${testId}.interval`}>
          mean of {replications} runs, 95 % interval {format(interval.low)} to {format(interval.high)}
        </span>
      )}
      {verdict && (
        <span className="kpi-verdict">
          {VERDICT_WORDS[verdict.status]}
          {verdict.status !== 'not-applicable' && `: ${measuredAgainst(verdict)}`}
        </span>
      )}
      {verdict?.reason && <span className="kpi-reason">{verdict.reason}</span>}
      {detail && <span className="kpi-reason">{detail}</span>}
    </div>
  );
}

/**
 * The headline figures, each with its SLO verdict (measured against threshold) where a target is
 * set. With `only`, the request figures (availability, error rate, latency) are that class's, with
 * its own verdicts; the fault figures are the run's, as no fault window is split by class.
 */
export function KpiCards({ result, only }: { result: SimulationResult; only?: ClassFigures | undefined }) {
  const { totals, replications } = result;
  const latency = only ? only.latency : result.latency;
  const run: Verdicts = result.slo.verdicts;
  const v: Verdicts = only ? (only.slo?.verdicts ?? {}) : run;
  // Over replications, a class's own figures have intervals of their own (`classes.<id>.<metric>`);
  // the fault figures' are the run's.
  const runCi = (metric: string) => replications?.metrics[metric];
  const ci = (metric: string) => runCi(only ? `classes.${only.id}.${metric}` : metric);
  const common = { replications: replications?.count };
  const answered = only
    ? only.availability
    : totals.requests
      ? (totals.succeeded + totals.degraded) / totals.requests
      : null;
  const errorRate = only ? only.errorRate : totals.requests ? totals.failed / totals.requests : null;
  const recoveries = result.faultWindows.map((w) => w.recoveryTimeMs).filter((x): x is number => x !== null);
  const degradations = result.faultWindows.map((w) => w.latencyDegradationMs).filter((x): x is number => x !== null);
  const grade = result.scorecard.grade;
  return (
    <div className="kpis">
      <Card
        {...common}
        label="Availability"
        value={answered}
        format={pct}
        verdict={v.availability}
        interval={ci('availability')}
        testId="availability"
      />
      <Card
        {...common}
        label="Error rate"
        value={errorRate}
        format={pct}
        verdict={v.errorRate}
        interval={ci('errorRate')}
        testId="errorRate"
      />
      <Card {...common} label="p50" value={latency.p50} format={ms} interval={ci('p50LatencyMs')} testId="p50" />
      <Card label="p95" value={latency.p95} format={ms} testId="p95" />
      <Card
        {...common}
        label="p99"
        value={latency.p99}
        format={ms}
        verdict={v.p99LatencyMs}
        interval={ci('p99LatencyMs')}
        testId="p99"
      />
      <Card
        label="Latency degradation (worst fault)"
        value={degradations.length ? Math.max(...degradations) : null}
        format={ms}
        verdict={run.latencyDegradationMs}
        testId="degradation"
      />
      <Card
        {...common}
        label="MTTR"
        value={result.mttrMs}
        format={secs}
        verdict={run.mttrMs}
        interval={runCi('mttrMs')}
        testId="mttr"
      />
      <Card
        label="Recovery time (longest)"
        value={recoveries.length ? Math.max(...recoveries) : null}
        format={secs}
        verdict={run.recoveryTimeMs}
        testId="recovery"
      />
      <Card
        {...common}
        label="Grade"
        value={result.scorecard.recoveryRate}
        headline={grade ?? '–'}
        format={(rate) => pct(rate, 0)}
        interval={runCi('recoveryRate')}
        detail={gradeBasis(result)}
        testId="grade"
      />
    </div>
  );
}
