import type { CustodyHandover, ExcursionAlert, Shipment, ShipmentEvent } from '@coldtrace/protocol';
import type {
  ProvenanceReport,
  ProvenanceSink,
  ReadingsDay,
  ShipmentProvenance,
  TransactionEvidence,
} from './provenancereport';
import type { ProvenanceReportFile } from './provenancefile';
import { ReportParts, StreamedSections } from './reportfile';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML; every ledger value passes through here, since any of it may be hostile. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const time = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : new Date(ms).toISOString();
const celsius = (milliC: number | null | undefined): string =>
  milliC === null || milliC === undefined ? '—' : `${(milliC / 1000).toFixed(1)} °C`;
const minutes = (ms: number | null): string =>
  ms === null ? '—' : `${Math.round((ms / 60_000) * 10) / 10} min`;

const row = (cells: readonly string[]): string =>
  `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>\n`;

const tableHead = (headers: readonly string[]): string =>
  `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n`;

/** Ends a streamed table, with a "None." row if it got no rows. */
const tableEnd = (columns: number, rows: number): string =>
  rows === 0
    ? `<tr><td colspan="${columns}" class="none">None.</td></tr>\n</tbody></table>\n`
    : '</tbody></table>\n';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return rows.length === 0
    ? '<p class="none">None.</p>\n'
    : `${tableHead(headers)}${rows.map(row).join('')}</tbody></table>\n`;
}

/** The three streamed tables of a shipment section, in the order the verifier sends them. */
const sections = [
  {
    title: 'History',
    headers: ['#', 'Time', 'Event', 'By', 'Status after', 'Summary', 'Transaction'],
  },
  {
    title: 'Readings by sensor and UTC day',
    headers: [
      'Sensor',
      'Day',
      'Readings',
      'From',
      'To',
      'Min',
      'Max',
      'Out of range',
      'Matched on ledger',
    ],
  },
  {
    title: 'Excursions',
    headers: [
      'Alert',
      'Severity',
      'Status',
      'Start',
      'End',
      'Duration',
      'Threshold',
      'Peak',
      'Custodian',
      'Acknowledged by',
      'Comment',
    ],
  },
] as const;

const eventRow = (e: ShipmentEvent): string[] => [
  String(e.seq),
  time(e.timestampMs),
  e.type,
  `${e.actor.mspId} (${e.actor.role})`,
  e.status,
  e.summary,
  e.txId,
];

const dayRow = (d: ReadingsDay): string[] => [
  d.sensorId,
  d.day,
  String(d.count),
  time(d.firstMs),
  time(d.lastMs),
  celsius(d.minMilliC),
  celsius(d.maxMilliC),
  String(d.outOfRange),
  String(d.matchedOnLedger),
];

const alertRow = (a: ExcursionAlert): string[] => [
  a.alertId,
  a.severity,
  a.status,
  time(a.startMs),
  a.ongoing ? 'ongoing' : time(a.endMs),
  minutes(a.durationMs),
  a.thresholdMilliC === null
    ? '—'
    : `${a.direction === 'BELOW' ? 'below' : 'above'} ${celsius(a.thresholdMilliC)}`,
  celsius(a.peakMilliC),
  a.custodianMspId,
  a.acknowledgement?.by.id ?? '',
  a.acknowledgement?.comment ?? '',
];

const transactionRow = (t: TransactionEvidence): string[] => [
  String(t.blockNumber),
  String(t.index),
  time(t.timestampMs),
  t.creatorMspId,
  t.validationCode,
  t.endorsements
    .map((e) => `${e.mspId} ${e.signatureValid && e.certificateTrusted ? '✓' : '✗'}`)
    .join(', '),
  t.transactionId,
];

const transactionHeaders = [
  'Block',
  'Index',
  'Time',
  'Creator',
  'Validation',
  'Endorsements',
  'Transaction',
];

function shipmentIntro(s: Shipment, chain: readonly CustodyHandover[]): string {
  const intro = `Owner ${s.ownerMspId}, custodian ${s.custodianMspId}; profile ${s.profile.name} (${celsius(s.profile.range.minMilliC)} to ${celsius(s.profile.range.maxMilliC)}); lots ${s.lots.map((l) => `${l.lotId} × ${l.quantity}`).join(', ')}.`;
  return `<section>
<h2>Shipment ${escapeHtml(s.shipmentId)}: ${escapeHtml(s.status)}</h2>
<p>${escapeHtml(intro)}</p>
<h3>Custody chain</h3>
${table(
  ['From', 'To', 'Offered by', 'Offered at', 'Accepted by', 'Accepted at', 'Transactions'],
  chain.map((h) => [
    h.fromMspId,
    h.toMspId,
    h.offeredBy.id,
    time(h.offeredAtMs),
    h.acceptedBy?.id ?? 'pending',
    time(h.acceptedAtMs),
    [h.offeredTxId, h.acceptedTxId ?? ''].join(' '),
  ]),
)}`;
}

function shipmentClosing(p: ShipmentProvenance): string {
  const r = p.readings;
  const a = p.alerts;
  const alerts = `${a.count} alert(s): ${a.bySeverity.CRITICAL} CRITICAL, ${a.bySeverity.WARNING} WARNING; ${a.byStatus.OPEN} open, ${a.byStatus.ACKNOWLEDGED} acknowledged, ${a.byStatus.WITHDRAWN} withdrawn.`;
  const more =
    p.dispositionCount > p.dispositions.length
      ? `<p>${p.dispositionCount - p.dispositions.length} more disposition(s) in the history above.</p>\n`
      : '';
  return `<h3>Summary</h3>
${table(
  [
    'Events',
    'Readings',
    'Sensors',
    'Sensor-days',
    'From',
    'To',
    'Min',
    'Max',
    'Out of range',
    'Matched on ledger',
  ],
  [
    [
      String(p.events),
      String(r.count),
      r.sensors.join(', '),
      String(r.days),
      time(r.firstMs),
      time(r.lastMs),
      celsius(r.minMilliC),
      celsius(r.maxMilliC),
      String(r.outOfRange),
      String(r.matchedOnLedger),
    ],
  ],
)}<p>${escapeHtml(alerts)}</p>
<h3>Dispositions</h3>
${table(
  ['Time', 'By', 'Summary', 'Transaction'],
  p.dispositions.map((e) => [time(e.timestampMs), e.actor.id, e.summary, e.txId]),
)}${more}${p.disposition !== undefined ? `<p>In force: ${escapeHtml(`${p.disposition.decision} by ${p.disposition.by.id}: ${p.disposition.reason}`)}</p>\n` : ''}</section>
`;
}

const style = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}th{background:#f2f2f2}
.verdict{padding:.5rem 1rem;font-weight:bold;display:inline-block}.ok{background:#dff5e1}.bad{background:#fde2e1}
.none{color:#777}`;

function head(report: ProvenanceReport): string {
  const ok = report.verdict === 'VERIFIED';
  const title = `Provenance of ${report.subject.kind} ${report.subject.id}`;
  const ledger = `Channel ${report.channel}, chaincode ${report.chaincode}, ledger of ${report.verifiedOnMspId}'s peer at height ${report.ledger.height}, tip ${report.ledger.tipHash}; blocks ${report.ledger.firstBlockChecked} to ${report.ledger.height - 1} hash-chained (${report.ledger.blocksChecked} checked); ${report.transactionCount} transaction(s) of ${report.shipmentCount} shipment(s) replayed, each needing valid endorsements from ${report.requiredEndorsingOrganisations} organisation(s) and from each organisation of the shipment's key-level policy. Generated ${time(report.generatedAtMs)}.`;
  const lot =
    report.lot !== undefined
      ? `<p>${escapeHtml(`Lot ${report.lot.lotId}: ${report.lot.productName}, expiry ${report.lot.expiry}, registered by ${report.lot.registeredBy.id}.`)}</p>\n`
      : '';
  const unlisted = report.discrepancyCount - report.discrepancies.length;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${style}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="verdict ${ok ? 'ok' : 'bad'}">${ok ? 'VERIFIED' : `${report.discrepancyCount} DISCREPANCIES`}</p>
<p>${escapeHtml(ledger)}</p>
<p>Individual readings are summarised per sensor and UTC day; each was compared with the value on the ledger. List them with <code>coldtrace readings list --shipment &lt;id&gt; --from &lt;time&gt; --to &lt;time&gt;</code>.</p>
${lot}<h2>Discrepancies</h2>
${table(
  ['Kind', 'Block', 'Transaction', 'Detail'],
  report.discrepancies.map((d) => [
    d.kind,
    d.blockNumber !== undefined ? String(d.blockNumber) : '',
    d.transactionId ?? '',
    d.message,
  ]),
)}${unlisted > 0 ? `<p>${unlisted} more discrepancies are not listed.</p>\n` : ''}`;
}

/**
 * The HTML report, self-contained (inline CSS, no scripts or external resources), written as
 * the verification runs: each shipment's history, readings days and excursions are appended to
 * a temporary part file as they arrive, and `finish` writes the page with the verdict first.
 */
class ProvenanceHtmlFile implements ProvenanceReportFile {
  readonly sink: ProvenanceSink;
  readonly #parts: ReportParts;
  readonly #transactions: StreamedSections<readonly string[]>;

  constructor(parts: ReportParts) {
    this.#parts = parts;
    const out = parts.part('shipments');
    const tables = new StreamedSections(out, sections, {
      open: ({ title, headers }) => `<h3>${escapeHtml(title)}</h3>\n${tableHead(headers)}`,
      close: ({ headers }, rows) => tableEnd(headers.length, rows),
      separator: '',
    });
    this.#transactions = new StreamedSections(parts.part('transactions'), [transactionHeaders], {
      open: (headers) => `<h2>Transactions</h2>\n${tableHead(headers)}`,
      close: (headers, rows) => tableEnd(headers.length, rows),
      separator: '',
    });
    this.sink = {
      shipment: async (shipment, chain) => {
        tables.restart();
        await out.write(shipmentIntro(shipment, chain));
      },
      history: (events) => tables.add(0, events.map(eventRow).map(row)),
      readingsDay: (day) => tables.add(1, [row(dayRow(day))]),
      alerts: (alerts) => tables.add(2, alerts.map(alertRow).map(row)),
      shipmentSummary: async (provenance) => {
        await tables.end();
        await out.write(shipmentClosing(provenance));
      },
      transactions: (evidence) => this.#transactions.add(0, evidence.map(transactionRow).map(row)),
    };
  }

  async finish(report: ProvenanceReport): Promise<void> {
    await this.#transactions.end();
    await this.#parts.assemble([
      { text: head(report) },
      { part: 'shipments' },
      { part: 'transactions' },
      { text: '</body></html>\n' },
    ]);
  }

  discard(): Promise<void> {
    return this.#parts.discard();
  }
}

/**
 * Starts an HTML provenance report at `file`: pass its `sink` to the verification, then
 * `finish` it with the report (or `discard` it if the verification failed).
 * @throws {@link ConfigurationError} naming `file` when it cannot be opened for writing, before
 * anything is verified.
 */
export async function newProvenanceHtmlFile(file: string): Promise<ProvenanceReportFile> {
  return new ProvenanceHtmlFile(await ReportParts.create(file, ['shipments', 'transactions']));
}
