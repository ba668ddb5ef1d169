import type { ProvenanceReport, ShipmentProvenance } from './provenancereport';

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

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) {
    return '<p class="none">None.</p>';
  }
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function shipmentSection(p: ShipmentProvenance): string {
  const s = p.shipment;
  const r = p.readings;
  const intro = `Owner ${s.ownerMspId}, custodian ${s.custodianMspId}; profile ${s.profile.name} (${celsius(s.profile.range.minMilliC)} to ${celsius(s.profile.range.maxMilliC)}); lots ${s.lots.map((l) => `${l.lotId} × ${l.quantity}`).join(', ')}.`;
  return `<section>
<h2>Shipment ${escapeHtml(s.shipmentId)}: ${escapeHtml(s.status)}</h2>
<p>${escapeHtml(intro)}</p>
<h3>Custody chain</h3>
${table(
  ['From', 'To', 'Offered by', 'Offered at', 'Accepted by', 'Accepted at', 'Transactions'],
  p.custodyChain.map((h) => [
    h.fromMspId,
    h.toMspId,
    h.offeredBy.id,
    time(h.offeredAtMs),
    h.acceptedBy?.id ?? 'pending',
    time(h.acceptedAtMs),
    [h.offeredTxId, h.acceptedTxId ?? ''].join(' '),
  ]),
)}
<h3>History</h3>
${table(
  ['#', 'Time', 'Event', 'By', 'Status after', 'Summary', 'Transaction'],
  p.history.map((e) => [
    String(e.seq),
    time(e.timestampMs),
    e.type,
    `${e.actor.mspId} (${e.actor.role})`,
    e.status,
    e.summary,
    e.txId,
  ]),
)}
<h3>Readings</h3>
${table(
  ['Readings', 'Sensors', 'From', 'To', 'Min', 'Max', 'Out of range', 'Matched on ledger'],
  [
    [
      String(r.count),
      r.sensors.join(', '),
      time(r.firstMs),
      time(r.lastMs),
      celsius(r.minMilliC),
      celsius(r.maxMilliC),
      String(r.outOfRange),
      String(r.matchedOnLedger),
    ],
  ],
)}
<h3>Excursions</h3>
${table(
  ['Alert', 'Type', 'Severity', 'Status', 'Sensor', 'Start', 'End', 'Peak', 'Custodian'],
  p.excursions.map((a) => [
    a.alertId,
    a.type,
    a.severity,
    a.status,
    a.sensorId,
    time(a.startMs),
    a.ongoing ? 'ongoing' : time(a.endMs),
    celsius(a.peakMilliC),
    a.custodianMspId,
  ]),
)}
<h3>Acknowledgements</h3>
${table(
  ['Alert', 'By', 'At', 'Comment', 'Transaction'],
  p.acknowledgements.map((a) => [
    a.alertId,
    a.acknowledgement?.by.id ?? '',
    time(a.acknowledgement?.atMs),
    a.acknowledgement?.comment ?? '',
    a.acknowledgement?.txId ?? '',
  ]),
)}
<h3>Dispositions</h3>
${table(
  ['Time', 'By', 'Summary', 'Transaction'],
  p.dispositions.map((e) => [time(e.timestampMs), e.actor.id, e.summary, e.txId]),
)}
${p.disposition !== undefined ? `<p>In force: ${escapeHtml(`${p.disposition.decision} by ${p.disposition.by.id}: ${p.disposition.reason}`)}</p>` : ''}
</section>`;
}

/** A self-contained HTML page (inline CSS, no scripts or external resources) for a report. */
export function renderProvenanceHtml(report: ProvenanceReport): string {
  const ok = report.verdict === 'VERIFIED';
  const title = `Provenance of ${report.subject.kind} ${report.subject.id}`;
  const ledger = `Channel ${report.channel}, chaincode ${report.chaincode}, ledger of ${report.verifiedOnMspId}'s peer at height ${report.ledger.height}, tip ${report.ledger.tipHash}; blocks ${report.ledger.firstBlockChecked} to ${report.ledger.height - 1} hash-chained (${report.ledger.blocksChecked} checked); every transaction needs valid endorsements from ${report.requiredEndorsingOrganisations} organisation(s) and from each organisation of the shipment's key-level policy. Generated ${time(report.generatedAtMs)}.`;
  const lot =
    report.lot !== undefined
      ? `<p>${escapeHtml(`Lot ${report.lot.lotId}: ${report.lot.productName}, expiry ${report.lot.expiry}, registered by ${report.lot.registeredBy.id}.`)}</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}th{background:#f2f2f2}
.verdict{padding:.5rem 1rem;font-weight:bold;display:inline-block}.ok{background:#dff5e1}.bad{background:#fde2e1}
.none{color:#777}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="verdict ${ok ? 'ok' : 'bad'}">${ok ? 'VERIFIED' : `${report.discrepancies.length} DISCREPANCIES`}</p>
<p>${escapeHtml(ledger)}</p>
${lot}
<h2>Discrepancies</h2>
${table(
  ['Kind', 'Block', 'Transaction', 'Detail'],
  report.discrepancies.map((d) => [
    d.kind,
    d.blockNumber !== undefined ? String(d.blockNumber) : '',
    d.transactionId ?? '',
    d.message,
  ]),
)}
${report.shipments.map(shipmentSection).join('\n')}
<h2>Transactions</h2>
${table(
  ['Block', 'Index', 'Time', 'Creator', 'Validation', 'Endorsements', 'Transaction'],
  report.transactions.map((t) => [
    String(t.blockNumber),
    String(t.index),
    time(t.timestampMs),
    t.creatorMspId,
    t.validationCode,
    t.endorsements
      .map((e) => `${e.mspId} ${e.signatureValid && e.certificateTrusted ? '✓' : '✗'}`)
      .join(', '),
    t.transactionId,
  ]),
)}
</body></html>
`;
}
