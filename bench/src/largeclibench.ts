import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BenchParties } from './benchparties';
import { type CliUser, timeCli } from './clitimings';
import type { TimedStep } from './largequeries';
import type { LargeShipment } from './largeshipment';

/**
 * Every CLI command on the large shipment, run from cli/dist/main.js as a user would: each list
 * command (all pages, output counted), the audit with both reports, then the commands that
 * write to it: acknowledging one of its alerts, watching that acknowledgement arrive, and a
 * small readings file of a new logger (`alerts list` of every open alert on the ledger only
 * when `wholeLedger`). Commands that create other lots or shipments, hand
 * custody over or dispose are not about this shipment and are left to the other tests.
 */
export async function benchLargeCli(
  parties: BenchParties,
  large: LargeShipment,
  profiles: string,
  wholeLedger: boolean,
): Promise<TimedStep[]> {
  const qa: CliUser = { profiles, org: 'PharmaMSP', user: 'qa' };
  const auditor: CliUser = { profiles, org: 'AuditorMSP', user: 'auditor' };
  const gateway: CliUser = { profiles, org: 'LogisticsMSP', user: 'sensor-gateway' };
  const id = large.shipmentId;
  const lotId = large.lots[0]?.lotId ?? '';
  const shipment = await parties.qa.shipments.get(id);
  const since = new Date(shipment.createdAtMs - 3 * 86_400_000).toISOString();
  const dir = await mkdtemp(path.join(tmpdir(), 'coldtrace-bench-cli-'));
  try {
    const steps = [
      await timeCli('shipment get', qa, ['shipment', 'get', '--shipment', id]),
      await timeCli('shipment history', qa, ['shipment', 'history', '--shipment', id]),
      await timeCli('lot get', qa, ['lot', 'get', '--lot', lotId]),
      await timeCli('lot history', qa, ['lot', 'history', '--lot', lotId]),
      await timeCli('readings list', auditor, ['readings', 'list', '--shipment', id]),
      await timeCli('alerts list --shipment', qa, ['alerts', 'list', '--shipment', id]),
      await timeCli('alerts list --lot', auditor, ['alerts', 'list', '--lot', lotId]),
      // Every open alert on the ledger: as long as the network's past, so the full run's only.
      ...(wholeLedger
        ? [await timeCli('alerts list (open, every shipment)', qa, ['alerts', 'list'])]
        : []),
      await timeCli('alerts list --shipment --severity --status --since', qa, [
        ...['alerts', 'list', '--shipment', id, '--severity', 'WARNING'],
        ...['--status', 'OPEN', '--since', since],
      ]),
      await timeCli('alerts list --shipment --json', qa, [
        ...['alerts', 'list', '--shipment', id, '--json'],
      ]),
      await timeCli('audit verify --report --report-json', auditor, [
        ...['audit', 'verify', '--shipment', id],
        ...['--report', path.join(dir, 'r.html'), '--report-json', path.join(dir, 'r.json')],
      ]),
    ];
    const first = (await parties.qa.alerts.byShipmentPage(id, { pageSize: 1 })).items[0];
    const from = (await parties.qa.ledger.chainInfo()).height;
    if (first !== undefined) {
      steps.push(
        await timeCli('alerts ack', qa, [
          ...['alerts', 'ack', '--shipment', id, '--alert', first.alertId],
          ...['--comment', 'benchmark: cold spell of one reading, checked'],
        ]),
        await timeCli(
          'alerts watch (until the ack arrives)',
          qa,
          ['alerts', 'watch', '--from-block', from.toString(), '--json'],
          (line) => line.includes(first.alertId),
        ),
      );
    }
    const file = path.join(dir, 'readings.json');
    const readings = Array.from({ length: 60 }, (_, i) => ({
      sensorId: 'LOGGER-CLI',
      timestamp: new Date(shipment.createdAtMs - (60 - i) * 60_000).toISOString(),
      value: 5,
      unit: 'CEL',
    }));
    await writeFile(file, JSON.stringify({ readings }));
    steps.push(
      await timeCli('readings submit (60 readings)', gateway, [
        ...['readings', 'submit', '--shipment', id, '--file', file],
      ]),
    );
    return steps;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
