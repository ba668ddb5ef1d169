import { looksLikeTimestamp, readTimestamps } from './loggertime';

const read = (texts: string[], context: Parameters<typeof readTimestamps>[1] = { column: 'T' }) =>
  readTimestamps(
    texts.map((text, i) => ({ text, line: i + 2 })),
    context,
  );

describe('readTimestamps', () => {
  it.each([
    // ISO 8601 / RFC 3339, as GS1 EPCIS and coldtrace write them
    ['2026-06-10T08:00:00Z', '2026-06-10T08:00:00Z'],
    ['2026-06-10T10:00:00+02:00', '2026-06-10T08:00:00Z'],
    ['2026-06-10T08:00:00.250Z', '2026-06-10T08:00:00.250Z'],
    ['2026-06-10 08:00', '2026-06-10T08:00:00Z'],
    ['2026/06/10 08:00:00', '2026-06-10T08:00:00Z'],
    // DIN 5008 dotted dates, as German logger software writes them
    ['10.06.2026 08:00:00', '2026-06-10T08:00:00Z'],
    ['10.06.26 08:00', '2026-06-10T08:00:00Z'],
    // A date alone is midnight
    ['2026-06-10', '2026-06-10T00:00:00Z'],
  ])('reads %s', (text, expected) => {
    expect(read([text], { column: 'T', zoneMinutes: 0 })).toEqual([expected]);
  });

  it('reads the 12-hour clock of HOBOware (MM/DD/YY hh:mm:ss AM/PM)', () => {
    expect(
      read(['06/13/26 12:00:00 AM', '06/13/26 12:30:00 PM', '06/13/26 11:59:59 pm'], {
        column: 'Date Time, GMT+00:00',
        headerZoneMinutes: 0,
      }),
    ).toEqual(['2026-06-13T00:00:00Z', '2026-06-13T12:30:00Z', '2026-06-13T23:59:59Z']);
  });

  it('applies the header zone, then --tz, to times that state none', () => {
    expect(read(['2026-06-10 08:00'], { column: 'T', headerZoneMinutes: -240 })).toEqual([
      '2026-06-10T12:00:00Z',
    ]);
    expect(read(['2026-06-10 08:00'], { column: 'T', zoneMinutes: 60 })).toEqual([
      '2026-06-10T07:00:00Z',
    ]);
    // A time stating its own zone keeps it.
    expect(read(['2026-06-10 08:00 +01:00'], { column: 'T', zoneMinutes: 0 })).toEqual([
      '2026-06-10T07:00:00Z',
    ]);
    expect(() => read(['2026-06-10 08:00'])).toThrow(/states no time zone/u);
  });

  it('refuses dates that do not exist, naming the line', () => {
    expect(() => read(['2026-02-30 08:00'], { column: 'T', zoneMinutes: 0 })).toThrow(
      "line 2: column 'T' is not a valid date and time (got '2026-02-30 08:00')",
    );
    expect(() => read(['2026-06-10 24:00'], { column: 'T', zoneMinutes: 0 })).toThrow(
      /not a valid date/u,
    );
    expect(() => read(['13:00 PM 2026'], { column: 'T', zoneMinutes: 0 })).toThrow(
      /not a date and time this reader knows/u,
    );
  });

  it('refuses a column mixing day/month and month/day dates', () => {
    expect(() =>
      read(['13/06/2026 08:00', '06/14/2026 08:00'], { column: 'T', zoneMinutes: 0 }),
    ).toThrow(
      "line 3: column 'T' mixes day/month (line 2: '13/06/2026 08:00') and month/day dates",
    );
  });

  it('needs no order when day and month are equal', () => {
    expect(read(['05/05/2026 08:00'], { column: 'T', zoneMinutes: 0 })).toEqual([
      '2026-05-05T08:00:00Z',
    ]);
  });
});

describe('looksLikeTimestamp', () => {
  it('tells data from header and descriptor cells', () => {
    expect(looksLikeTimestamp('06/10/26 12:00:00 AM')).toBe(true);
    expect(looksLikeTimestamp('Date Time, GMT+00:00')).toBe(false);
    expect(looksLikeTimestamp('44512.66008')).toBe(false);
    expect(looksLikeTimestamp('')).toBe(false);
  });
});
