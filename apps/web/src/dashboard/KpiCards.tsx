import type { SimulationResult, SloVerdict } from '@faultline/schemas';
import { ms, pct, secs } from './format.ts';

type Verdicts = SimulationResult['slo']['verdicts'];

function Card({
  label,
  value,
  verdict,
  testId,
}: {
  label: string;
  value: string;
  verdict?: SloVerdict | undefined;
  testId: string;
}) {
  return (
    <div className={`kpi${verdict ? ` ${verdict.status}` : ''}`} data-testid={`kpi.${testId}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {verdict && <span className="kpi-verdict">{VERDICT_WORDS[verdict.status]}</span>}
      {verdict?.reason && <span className="kpi-reason">{verdict.reason}</span>}
    </div>
  );
}

const VERDICT_WORDS: Record<SloVerdict['status'], string> = {
  pass: 'SLO met',
  fail: 'SLO missed',
  'not-applicable': 'not applicable',
};

/** The headline figures, each with its SLO verdict where a target is set. */
export function KpiCards({ result }: { result: SimulationResult }) {
  const { totals, latency } = result;
  const v: Verdicts = result.slo.verdicts;
  const answered = totals.requests ? (totals.succeeded + totals.degraded) / totals.requests : null;
  const recoveries = result.faultWindows.map((w) => w.recoveryTimeMs).filter((x): x is number => x !== null);
  const degradations = result.faultWindows.map((w) => w.latencyDegradationMs).filter((x): x is number => x !== null);
  return (
    <div className="kpis">
      <Card label="Availability" value={pct(answered)} verdict={v.availability} testId="availability" />
      <Card
        label="Error rate"
        value={pct(totals.requests ? totals.failed / totals.requests : null)}
        verdict={v.errorRate}
        testId="errorRate"
      />
      <Card label="p50" value={ms(latency.p50)} testId="p50" />
      <Card label="p95" value={ms(latency.p95)} testId="p95" />
      <Card label="p99" value={ms(latency.p99)} verdict={v.p99LatencyMs} testId="p99" />
      <Card
        label="Latency degradation"
        value={ms(degradations.length ? Math.max(...degradations) : null)}
        verdict={v.latencyDegradationMs}
        testId="degradation"
      />
      <Card label="MTTR" value={secs(result.mttrMs)} verdict={v.mttrMs} testId="mttr" />
      <Card
        label="Recovery time"
        value={secs(recoveries.length ? Math.max(...recoveries) : null)}
        verdict={v.recoveryTimeMs}
        testId="recovery"
      />
      <Card label="Grade" value={result.scorecard.grade ?? '–'} testId="grade" />
    </div>
  );
}
