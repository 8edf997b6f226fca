import type { SloVerdict } from '@faultline/schemas';
import type { ClassFigures } from './class-figures.ts';
import { ms, pct } from './format.ts';
import { measuredAgainst, TARGET_WORDS } from './verdict-lines.ts';

const STATUS_WORDS: Record<SloVerdict['status'], string> = {
  pass: 'met',
  fail: 'missed',
  'not-applicable': 'not applicable',
};

/** One target's verdict for a class: "availability missed: 91.00 % against ≥ 99.00 % (why)". */
function verdictLine(v: SloVerdict): string {
  const figures = v.status === 'not-applicable' ? '' : `: ${measuredAgainst(v)}`;
  return `${TARGET_WORDS[v.target]} ${STATUS_WORDS[v.status]}${figures}${v.reason ? ` (${v.reason})` : ''}`;
}

/**
 * A card per request class (SPEC §3.7): how many requests it had and its share, its availability
 * and p99, and its own SLO verdicts with their reasons. Shown only for runs with classes.
 */
export function ClassCards({ classes }: { classes: ClassFigures[] }) {
  if (!classes.length) return null;
  return (
    <section className="class-cards" aria-label="Request classes" data-testid="classes">
      <h2>Request classes</h2>
      <div className="kpis">
        {classes.map((c) => {
          const verdicts = Object.values(c.slo?.verdicts ?? {});
          const status = c.slo ? (c.slo.passed ? ' pass' : ' fail') : '';
          return (
            <div key={c.id} className={`kpi class-card${status}`} data-testid={`class.${c.id}`}>
              <span className="kpi-label">{c.name}</span>
              <span className="kpi-value" data-testid="class.availability">
                {pct(c.availability)}
              </span>
              <span className="kpi-reason" data-testid="class.requests">
                availability of {c.requests.toLocaleString('en-US')} requests
                {c.share === null ? '' : ` (${pct(c.share, 1)} of all)`}
              </span>
              <span className="kpi-reason" data-testid="class.p99">
                p99 {ms(c.latency.p99)}
              </span>
              {verdicts.map((v) => (
                <span key={v.target} className={`kpi-verdict ${v.status}`} data-testid="class.verdict">
                  SLO {verdictLine(v)}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
