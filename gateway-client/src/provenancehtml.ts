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

const time = (ms: number | undefined): string =>
  ms === undefined ? '—' : new Date(ms).toISOString();
const celsius = (milliC: number | undefined): string =>
  milliC === undefined ? '—' : `${(milliC / 1000).toFixed(1)} °C`;

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
  return `<section>
<h2>Shipment ${escapeHtml(s.shipmentId)} — ${escapeHtml(s.status)}</h2>
<p>Owner ${escapeHtml(s.ownerMspId)}, custodian ${escapeHtml(s.custodianMspId)}; profile ${escapeHtml(s.profile.name)} (${celsius(s.profile.minMilliC)} to ${celsius(s.profile.maxMilliC)}); lots ${escapeHtml(s.lots.map((l) => `${l.lotId} × ${l.quantity}`).join(', '))}.</p>
<h3>Custody chain</h3>
${table(
  ['Time', 'Step', 'By', 'From', 'To', 'Transaction'],
  p.custodyChain.map((e) => [
    time(e.timestampMs),
    e.type,
    e.actorMspId,
    e.fromMspId ?? '',
    e.toMspId ?? '',
    e.txId,
  ]),
)}
<h3>Readings</h3>
${table(['Readings', 'Sensors', 'From', 'To', 'Min', 'Max', 'Out of range'], [[String(p.readings.count), p.readings.sensors.join(', '), time(p.readings.firstMs), time(p.readings.lastMs), celsius(p.readings.minMilliC), celsius(p.readings.maxMilliC), String(p.readings.outOfRange)]])}
<h3>Excursions</h3>
${table(
  ['Alert', 'Severity', 'Status', 'Sensor', 'Start', 'End', 'Peak'],
  p.excursions.map((a) => [
    a.alertId,
    a.severity,
    a.status,
    a.sensorId,
    time(a.startMs),
    time(a.endMs),
    celsius(a.peakMilliC),
  ]),
)}
<h3>Acknowledgements</h3>
${table(
  ['Alert', 'By', 'At', 'Comment'],
  p.acknowledgements.map((a) => [
    a.alertId,
    a.acknowledgedBy ?? '',
    time(a.acknowledgedAtMs),
    a.comment ?? '',
  ]),
)}
<h3>Dispositions</h3>
${table(
  ['Time', 'Decision', 'By', 'Detail', 'Transaction'],
  p.dispositions.map((e) => [
    time(e.timestampMs),
    e.status ?? e.type,
    e.actorMspId,
    e.detail ?? '',
    e.txId,
  ]),
)}
</section>`;
}

/** A self-contained HTML page (inline CSS, no scripts or external resources) for a report. */
export function renderProvenanceHtml(report: ProvenanceReport): string {
  const ok = report.verdict === 'VERIFIED';
  const title = `Provenance of ${report.subject.kind} ${report.subject.id}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}th{background:#f2f2f2}
.verdict{padding:.5rem 1rem;font-weight:bold;display:inline-block}.ok{background:#dff5e1}.bad{background:#fde2e1}
.none{color:#777}code{font-size:.85rem}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="verdict ${ok ? 'ok' : 'bad'}">${ok ? 'VERIFIED' : `${report.discrepancies.length} DISCREPANCIES`}</p>
<p>Channel ${escapeHtml(report.channel)}, chaincode ${escapeHtml(report.chaincode)}, ledger of ${escapeHtml(report.verifiedOnMspId)}'s peer at height ${report.ledger.height} (tip <code>${escapeHtml(report.ledger.tipHash)}</code>); blocks ${report.ledger.firstBlockChecked}–${report.ledger.height - 1} hash-chained (${report.ledger.blocksChecked} checked); each transaction needs valid endorsements from ${report.requiredEndorsingOrganisations} organisation(s). Generated ${time(report.generatedAtMs)}.</p>
${report.lot !== undefined ? `<p>Lot ${escapeHtml(report.lot.lotId)}: ${escapeHtml(report.lot.productName)}, expiry ${escapeHtml(report.lot.expiry)}.</p>` : ''}
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
      .map((e) => `${e.mspId}${e.signatureValid && e.certificateTrusted ? ' ✓' : ' ✗'}`)
      .join(', '),
    t.transactionId,
  ]),
)}
</body></html>
`;
}
