const units = [
  { name: 'd', ms: 86_400_000 },
  { name: 'h', ms: 3_600_000 },
  { name: 'min', ms: 60_000 },
  { name: 's', ms: 1000 },
] as const;

/**
 * A duration as people read it, in its largest unit and the next one when not zero:
 * `2 d 3 h`, `1 h 45 min`, `1 h`, `45 s`; `< 1 s` for a moment shorter than a second, `0 s` for
 * none. Truncates, so `59 min 59 s` never reads as `1 h`. The CLI's one duration format.
 * @throws RangeError for a negative or non-finite duration.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`not a duration: ${ms}`);
  }
  if (ms === 0) {
    return '0 s';
  }
  if (ms < 1000) {
    return '< 1 s';
  }
  const largest = units.findIndex((unit) => ms >= unit.ms);
  const first = units[largest];
  if (first === undefined) {
    return '< 1 s';
  }
  const count = Math.floor(ms / first.ms);
  const next = units[largest + 1];
  const rest = next === undefined ? 0 : Math.floor((ms - count * first.ms) / next.ms);
  return next === undefined || rest === 0
    ? `${count} ${first.name}`
    : `${count} ${first.name} ${rest} ${next.name}`;
}
