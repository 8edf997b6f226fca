import type { SimulationResult } from '@faultline/schemas';
import { STATE_NAMES } from '../model/circuit-breaker.ts';
import type { Model } from '../model/runtime.ts';
import type { Simulation } from '../model/simulation.ts';
import { round, roundRatio } from './rounding.ts';

type Series = SimulationResult['timeSeries']['components'];

/** Per component and bucket: mean utilisation, mean queue length and breaker states. */
export class ComponentSeries {
  private readonly utilisation: Float64Array[];
  private readonly queueLength: Float64Array[];
  private readonly breakerStates: Uint8Array[];
  private readonly lastBusy: Float64Array;
  private readonly lastQueue: Float64Array;
  private lastSample = 0;

  constructor(
    private readonly model: Model,
    buckets: number,
  ) {
    const n = model.components.length;
    this.utilisation = Array.from({ length: n }, () => new Float64Array(buckets));
    this.queueLength = Array.from({ length: n }, () => new Float64Array(buckets));
    this.breakerStates = model.breakers.map(() => new Uint8Array(buckets));
    this.lastBusy = new Float64Array(n);
    this.lastQueue = new Float64Array(n);
  }

  startMeasuring(sim: Simulation): void {
    for (const component of this.model.components) sim.touch(component);
    this.lastSample = sim.now;
  }

  /** At the end of bucket `b`: averages over the bucket from the components' time integrals. */
  sample(sim: Simulation, b: number): void {
    const span = sim.now - this.lastSample;
    this.lastSample = sim.now;
    this.model.components.forEach((component, i) => {
      sim.touch(component);
      const busy = component.stats.busyArea - this.lastBusy[i]!;
      const queued = component.stats.queueArea - this.lastQueue[i]!;
      this.lastBusy[i] = component.stats.busyArea;
      this.lastQueue[i] = component.stats.queueArea;
      if (span > 0 && !component.isClient) {
        this.utilisation[i]![b] = busy / (span * component.workers);
        this.queueLength[i]![b] = queued / span;
      }
    });
    this.model.breakers.forEach((breaker, i) => (this.breakerStates[i]![b] = breaker.state));
  }

  toResult(): Series {
    const series: Series = {};
    this.model.components.forEach((component, i) => {
      if (component.isClient) return;
      series[component.id] = {
        utilisation: Array.from(this.utilisation[i]!, roundRatio),
        queueLength: Array.from(this.queueLength[i]!, round),
      };
    });
    this.model.breakers.forEach((breaker, i) => {
      const entry = series[breaker.component];
      if (!entry) return;
      entry.circuitState ??= {};
      entry.circuitState[breaker.connection ?? '*'] = Array.from(this.breakerStates[i]!, (s) => STATE_NAMES[s]!);
    });
    return series;
  }
}
