import type { SimulationResult } from '@faultline/schemas';
import { BREAKER_STATE_NAMES } from '../codes.ts';
import { round, roundRatio } from './rounding.ts';

type Series = SimulationResult['timeSeries']['components'];

/** What the series reads of a component: its time integrals of busy workers and queue length. */
export interface MeasuredComponent {
  readonly id: string;
  readonly isClient: boolean;
  /** Workers across its replicas. */
  readonly workers: number;
  readonly stats: { readonly busyArea: number; readonly queueArea: number };
}

/** What the series reads of a circuit breaker. */
export interface MeasuredBreaker {
  readonly component: string;
  readonly connection: string | null;
  readonly state: number;
}

/** Per component and bucket: mean utilisation, mean queue length and breaker states. */
export class ComponentSeries {
  private readonly utilisation: Float64Array[];
  private readonly queueLength: Float64Array[];
  private readonly breakerStates: Uint8Array[];
  private readonly lastBusy: Float64Array;
  private readonly lastQueue: Float64Array;
  private lastSample = 0;

  constructor(
    private readonly components: readonly MeasuredComponent[],
    private readonly breakers: readonly MeasuredBreaker[],
    buckets: number,
  ) {
    const n = components.length;
    this.utilisation = Array.from({ length: n }, () => new Float64Array(buckets));
    this.queueLength = Array.from({ length: n }, () => new Float64Array(buckets));
    this.breakerStates = breakers.map(() => new Uint8Array(buckets));
    this.lastBusy = new Float64Array(n);
    this.lastQueue = new Float64Array(n);
  }

  startMeasuring(now: number): void {
    this.lastSample = now;
  }

  /**
   * At the end of bucket `b`: averages over the bucket from the components' time integrals, which
   * the caller has brought up to `now`.
   */
  sample(now: number, b: number): void {
    const span = now - this.lastSample;
    this.lastSample = now;
    this.components.forEach((component, i) => {
      const busy = component.stats.busyArea - this.lastBusy[i]!;
      const queued = component.stats.queueArea - this.lastQueue[i]!;
      this.lastBusy[i] = component.stats.busyArea;
      this.lastQueue[i] = component.stats.queueArea;
      if (span > 0 && !component.isClient) {
        this.utilisation[i]![b] = busy / (span * component.workers);
        this.queueLength[i]![b] = queued / span;
      }
    });
    this.breakers.forEach((breaker, i) => (this.breakerStates[i]![b] = breaker.state));
  }

  toResult(): Series {
    const series: Series = {};
    this.components.forEach((component, i) => {
      if (component.isClient) return;
      series[component.id] = {
        utilisation: Array.from(this.utilisation[i]!, roundRatio),
        queueLength: Array.from(this.queueLength[i]!, round),
      };
    });
    this.breakers.forEach((breaker, i) => {
      const entry = series[breaker.component];
      if (!entry) return;
      entry.circuitState ??= {};
      entry.circuitState[breaker.connection ?? '*'] = Array.from(
        this.breakerStates[i]!,
        (s) => BREAKER_STATE_NAMES[s]!,
      );
    });
    return series;
  }
}
