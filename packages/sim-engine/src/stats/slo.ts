import type {
  ClassSlo,
  ClassSloResult,
  FaultWindow,
  SimulationResult,
  Slo,
  SloTarget,
  SloVerdict,
} from '@faultline/schemas';

type Verdicts = SimulationResult['slo']['verdicts'];

export interface Headline {
  requests: number;
  availability: number | null;
  errorRate: number | null;
  p99: number | null;
  mttrMs: number | null;
}

/** A not-recovered window's reason starts with why it did not recover (stats/recovery.ts). */
const whyNotRecovered = (w: FaultWindow) => `"${w.name}" did not recover: ${w.reason!.split('; ')[0]}`;

/**
 * One verdict per target that is set (SPEC §4.2). A verdict agrees with its measured value; where
 * it cannot be judged it is `not-applicable` with the reason, and where it fails although the
 * measured value is within its threshold the reason names what failed.
 */
export function sloVerdicts(slo: Slo, headline: Headline, windows: FaultWindow[]): SimulationResult['slo'] {
  const verdicts: Verdicts = {};
  const exercised = windows.filter((w) => w.state !== 'not-exercised');
  const impacted = exercised.filter((w) => w.state === 'recovered' || w.state === 'not-recovered');
  const unrecovered = exercised.filter((w) => w.state === 'not-recovered');
  const recovered = exercised.filter((w) => w.state === 'recovered');

  const judge = (
    target: SloTarget,
    threshold: number | null,
    measured: number | null,
    within: (measured: number) => boolean,
    notApplicable: string | null,
  ) => {
    if (threshold !== null) verdicts[target] = verdictOf(target, threshold, measured, within, notApplicable);
  };
  Object.assign(verdicts, requestVerdicts(slo, headline, 'request'));

  const degradations = exercised.map((w) => w.latencyDegradationMs).filter((d): d is number => d !== null);
  judge(
    'latencyDegradationMs',
    slo.latencyDegradationMs,
    degradations.length ? Math.max(...degradations) : null,
    atMost(slo.latencyDegradationMs),
    exercised.length === 0
      ? 'no fault was active in the measured period'
      : degradations.length === 0
        ? 'no fault window had both an answered request and a baseline latency to compare it with'
        : null,
  );

  // Recovery targets are measured over recovered windows and fail when any window did not recover.
  const recoveryTarget = (target: 'mttrMs' | 'recoveryTimeMs', threshold: number | null, measured: number | null) => {
    if (threshold === null) return;
    if (impacted.length === 0) {
      judge(target, threshold, measured, atMost(threshold), 'no fault caused enough failures to need recovering from');
      return;
    }
    if (unrecovered.length > 0) {
      verdicts[target] = {
        target,
        threshold,
        measured,
        status: 'fail',
        reason: unrecovered.map(whyNotRecovered).join('; '),
      };
      return;
    }
    judge(target, threshold, measured, atMost(threshold), null);
  };
  recoveryTarget('mttrMs', slo.mttrMs, headline.mttrMs);
  const recoveries = recovered.map((w) => w.recoveryTimeMs).filter((d): d is number => d !== null);
  recoveryTarget('recoveryTimeMs', slo.recoveryTimeMs, recoveries.length ? Math.max(...recoveries) : null);

  return { passed: Object.values(verdicts).every((v) => v.status !== 'fail'), verdicts };
}

const atLeast = (threshold: number) => (m: number) => m >= threshold;
const atMost = (threshold: number | null) => (m: number) => threshold === null || m <= threshold;

/** A verdict that agrees with its measured value, or is `not-applicable` with the reason. */
function verdictOf(
  target: SloTarget,
  threshold: number,
  measured: number | null,
  within: (measured: number) => boolean,
  notApplicable: string | null,
): SloVerdict {
  return notApplicable !== null
    ? { target, threshold, measured, status: 'not-applicable', reason: notApplicable }
    : { target, threshold, measured, status: measured !== null && within(measured) ? 'pass' : 'fail' };
}

/**
 * The targets judged on requests (availability, error rate, p99), for the whole workload or one
 * request class; `what` names the requests in a reason ("request", "request of class …").
 */
function requestVerdicts(
  targets: { availability?: number | null; errorRate?: number | null; p99LatencyMs?: number | null },
  headline: Headline,
  what: string,
): ClassSloResult['verdicts'] {
  const verdicts: ClassSloResult['verdicts'] = {};
  const noRequests = headline.requests === 0 ? `no ${what} arrived in the measured period` : null;
  const { availability, errorRate, p99LatencyMs } = targets;
  if (availability != null) {
    verdicts.availability = verdictOf(
      'availability',
      availability,
      headline.availability,
      atLeast(availability),
      noRequests,
    );
  }
  if (errorRate != null) {
    verdicts.errorRate = verdictOf('errorRate', errorRate, headline.errorRate, atMost(errorRate), noRequests);
  }
  if (p99LatencyMs != null) {
    verdicts.p99LatencyMs = verdictOf(
      'p99LatencyMs',
      p99LatencyMs,
      headline.p99,
      atMost(p99LatencyMs),
      noRequests ?? (headline.p99 === null ? `no ${what} was answered, so there is no latency to judge` : null),
    );
  }
  return verdicts;
}

/**
 * One request class's verdicts (SPEC §3.7), one per target `slo.classes` sets for it, measured on
 * that class's requests alone and judged as the design-wide ones are.
 */
export function classVerdicts(targets: ClassSlo, headline: Headline, className: string): ClassSloResult {
  const verdicts = requestVerdicts(targets, headline, `request of class "${className}"`);
  return { passed: Object.values(verdicts).every((v) => v.status !== 'fail'), verdicts };
}

/** (no-impact + recovered) over exercised windows, graded A–F; no exercised window, no grade. */
export function scorecard(windows: FaultWindow[]): SimulationResult['scorecard'] {
  const exercised = windows.filter((w) => w.state !== 'not-exercised');
  if (exercised.length === 0) return { recoveryRate: null, grade: null };
  const rate = exercised.filter((w) => w.state === 'no-impact' || w.state === 'recovered').length / exercised.length;
  const grade = rate >= 0.95 ? 'A' : rate >= 0.8 ? 'B' : rate >= 0.6 ? 'C' : rate >= 0.4 ? 'D' : 'F';
  return { recoveryRate: Math.round(rate * 10000) / 10000, grade };
}
