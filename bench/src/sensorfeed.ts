import type { SensorReadingInput } from '@coldtrace/gateway-client';

/** Options of {@link SensorFeed}. */
export interface SensorFeedOptions {
  readonly shipmentId: string;
  /** Loggers in the shipment; batches take turns among them. */
  readonly sensors: number;
  /** Time of every sensor's first reading: after custody acceptance. */
  readonly startMs: number;
  /** Time between two readings of one sensor, 1-1000 ms. */
  readonly spacingMs: number;
  /** The chaincode refuses readings later than 5 min after the transaction; stay inside this. */
  readonly maxLeadMs?: number;
}

/** A readout: consecutive readings of one sensor, ready for one transaction. */
export interface SensorReadout {
  readonly sensorId: string;
  readonly readings: readonly SensorReadingInput[];
  /** Time of the last reading; the readout may not be sent before `lastMs - maxLeadMs`. */
  readonly lastMs: number;
}

/** Every this many readings a sensor records a short warm spell (an OUT_OF_RANGE warning). */
const excursionEvery = 2000;
const excursionStart = 200;
const excursionLength = 5;

/**
 * The synthetic sensor feed of one shipment: a few loggers at 2-8 °C, each reading at a fixed
 * spacing from the start time, with a brief out-of-range spell now and then so alert queries
 * have something to find. Deterministic: the same options give the same readings.
 */
export class SensorFeed {
  readonly shipmentId: string;
  readonly #options: Readonly<SensorFeedOptions>;
  readonly #next: number[];
  #turn = 0;

  constructor(options: Readonly<SensorFeedOptions>) {
    if (!Number.isInteger(options.sensors) || options.sensors < 1) {
      throw new RangeError('sensors must be a positive integer');
    }
    if (!(options.spacingMs >= 1 && options.spacingMs <= 1000)) {
      throw new RangeError('spacingMs must be within 1-1000');
    }
    this.shipmentId = options.shipmentId;
    this.#options = options;
    this.#next = new Array<number>(options.sensors).fill(0);
  }

  sensorId(index: number): string {
    return `${this.shipmentId}:T${index + 1}`;
  }

  /** The next `count` readings of the sensor whose turn it is. */
  nextReadout(count: number): SensorReadout {
    const sensor = this.#turn;
    this.#turn = (this.#turn + 1) % this.#options.sensors;
    const first = this.#next[sensor] ?? 0;
    this.#next[sensor] = first + count;
    const sensorId = this.sensorId(sensor);
    const readings: SensorReadingInput[] = [];
    for (let i = first; i < first + count; i++) {
      readings.push({
        sensorId,
        timestamp: new Date(this.timeOf(i)).toISOString(),
        value: temperatureOf(i, sensor),
        unit: 'CEL',
      });
    }
    return { sensorId, readings, lastMs: this.timeOf(first + count - 1) };
  }

  /** Milliseconds to wait before `readout` is within the chaincode's allowed lead, else 0. */
  waitBefore(readout: SensorReadout, nowMs: number): number {
    const maxLeadMs = this.#options.maxLeadMs ?? 240_000;
    return Math.max(0, readout.lastMs - maxLeadMs - nowMs);
  }

  timeOf(index: number): number {
    return this.#options.startMs + index * this.#options.spacingMs;
  }
}

/** 4.5-5.5 °C, with a 9.5 °C spell of a few readings every 2,000 readings. */
export function temperatureOf(index: number, sensor: number): number {
  const phase = (index + 17 * sensor) % excursionEvery;
  if (phase >= excursionStart && phase < excursionStart + excursionLength) {
    return 9.5;
  }
  return Math.round((5 + 0.5 * Math.sin(phase / 50)) * 100) / 100;
}
