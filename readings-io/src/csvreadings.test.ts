import { parseReadingsCsv } from './csvreadings';
import { ReadingsFileError } from './readingsfileerror';

const lines = (...rows: string[]): string => rows.join('\r\n');

describe('parseReadingsCsv: what csv-parse and the dialect detection bring', () => {
  it('reads quoted fields holding delimiters, quotes and line breaks', () => {
    const csv = lines(
      'sensorId,timestamp,value,unit,note',
      'T-1,2026-06-10T08:00:00Z,4.5,CEL,"door opened, ""briefly""',
      'at the cross-dock"',
      'T-1,2026-06-10T08:15:00Z,4.7,CEL,',
    );
    const parsed = parseReadingsCsv(csv);
    expect(parsed.readings.map((r) => r.value)).toEqual([4.5, 4.7]);
    expect(parsed.format).toBe('CSV, comma-separated, one row per reading');
  });

  it('names the line a record starts on when a quoted field spans lines', () => {
    const csv = lines(
      'sensorId,timestamp,value,unit,note',
      'T-1,2026-06-10T08:00:00Z,warm,CEL,"two',
      'lines"',
    );
    expect(() => parseReadingsCsv(csv)).toThrow("line 2: column 'value' is not a number");
  });

  it('detects semicolons and reads decimal commas, as a German Excel export writes them', () => {
    const csv = lines('Zeit;Temp [°C]', '10.06.2026 08:00:00;4,5', '10.06.2026 08:15:00;-0,25');
    const parsed = parseReadingsCsv(csv, { timeZone: '+02:00', sensorId: 'KS-7' });
    expect(parsed.format).toBe('CSV, semicolon-separated, one column per sensor (1)');
    expect(parsed.readings).toEqual([
      { sensorId: 'KS-7', timestamp: '2026-06-10T06:00:00Z', value: 4.5, unit: 'CEL' },
      { sensorId: 'KS-7', timestamp: '2026-06-10T06:15:00Z', value: -0.25, unit: 'CEL' },
    ]);
  });

  it('detects tabs (Excel "Text (Tab delimited)")', () => {
    const csv = lines(
      'Date\tTime\tTemperature (°F)\tSerial Number',
      '2026-06-10\t08:00:00\t41.0\tEL-1',
    );
    expect(parseReadingsCsv(csv, { timeZone: 'UTC' }).readings).toEqual([
      { sensorId: 'EL-1', timestamp: '2026-06-10T08:00:00Z', value: 41, unit: 'FAH' },
    ]);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseReadingsCsv('sensorId,timestamp,value\n"T-1,2026-06-10T08:00:00Z,4')).toThrow(
      /CSV line \d: Quote Not Closed/u,
    );
  });

  it('returns nothing for an empty file, or a header alone', () => {
    expect(parseReadingsCsv('').readings).toEqual([]);
    expect(parseReadingsCsv('sensorId,timestamp,value,unit\r\n').readings).toEqual([]);
  });
});

describe('parseReadingsCsv: headers as logger software spells them', () => {
  it.each([
    ['Date Time', 'Temp'],
    ['Date/Time', 'Temperature'],
    ['TIMESTAMP', 'TEMPERATURE'],
    ['  date   time ', 'temp'],
    ['Datum/Uhrzeit', 'Temperatur'],
  ])('matches %s and %s without regard to case and spacing', (time, temp) => {
    const csv = lines(`Sensor,${time},${temp},Unit`, 'P-1,2026-06-10 08:00,5,°C');
    expect(parseReadingsCsv(csv, { timeZone: 'UTC' }).readings).toEqual([
      { sensorId: 'P-1', timestamp: '2026-06-10T08:00:00Z', value: 5, unit: 'CEL' },
    ]);
  });

  it.each([
    ['Temperature (°C)', '5', 'CEL'],
    ['Temp [°F]', '41', 'FAH'],
    ['Temperatur °C', '5', 'CEL'],
    ['Celsius(°C)', '5', 'CEL'],
    ['Fahrenheit(°F)', '41', 'FAH'],
    ['"Temp, ?F"', '41', 'FAH'],
    ['Temperature (K)', '278.15', 'KEL'],
  ])('takes the unit from the header %s', (header, value, unit) => {
    const csv = lines(`Logger ID,Timestamp,${header}`, `P-1,2026-06-10T08:00:00Z,${value}`);
    expect(parseReadingsCsv(csv).readings[0]?.unit).toBe(unit);
  });

  it('does not take a dew point in °C for the temperature (EasyLog EL-USB-2)', () => {
    const csv = lines(
      'Probe,Time,Dew Point(°C),Celsius(°C),Serial Number',
      '1,2026-06-10 08:00:00,-3.2,5.1,0100',
    );
    expect(parseReadingsCsv(csv, { timeZone: 'UTC' }).readings[0]?.value).toBe(5.1);
  });

  it("prefers a Serial Number column to an EasyLog logger named 'Logger'", () => {
    const csv = lines('Logger,Time,Celsius(°C),Serial Number', '1,2026-06-10 08:00:00,5.1,0100');
    expect(parseReadingsCsv(csv, { timeZone: 'UTC' }).readings[0]?.sensorId).toBe('0100');
  });

  it('takes values written with their unit, as older Tinytag exports write them', () => {
    const csv = lines('Sensor,Date/Time,Temperature', 'TG-1,2026-06-10 08:00:00,20.5 °C');
    expect(parseReadingsCsv(csv, { timeZone: 'UTC' }).readings[0]).toMatchObject({
      value: 20.5,
      unit: 'CEL',
    });
  });
});

describe('parseReadingsCsv: wide files, one column per sensor', () => {
  // HOBO U12 with external probes: one logger serial on every column, told apart by LBL (as in
  // the Temp, °C (LGR S/N: 10737643, SEN S/N: 10737643, LBL: Air Temp) columns quoted by R scripts
  // reading HOBOware exports).
  const u12 = lines(
    '"Plot Title: 10737643"',
    '"#","Date Time, GMT-06:00","Temp, °C (LGR S/N: 10737643, SEN S/N: 10737643, LBL: Air Temp)","Temp, °C (LGR S/N: 10737643, SEN S/N: 10737643, LBL: Canopy Temp)","Host Connected (LGR S/N: 10737643)"',
    '1,08/11/17 01:00:00 PM,12.5,14.25,',
    '2,08/11/17 01:30:00 PM,-888.88,14.5,',
    '3,08/11/17 01:35:10 PM,,,Logged',
  );

  it('tells sensors of one logger apart by their labels', () => {
    // 08/11/17 could be 8 November: HOBOware's month-first order is the user's to state.
    const parsed = parseReadingsCsv(u12, { dateOrder: 'MDY' });
    expect(parsed.readings).toEqual([
      {
        sensorId: '10737643/Air_Temp',
        timestamp: '2017-08-11T19:00:00Z',
        value: 12.5,
        unit: 'CEL',
      },
      {
        sensorId: '10737643/Canopy_Temp',
        timestamp: '2017-08-11T19:00:00Z',
        value: 14.25,
        unit: 'CEL',
      },
      {
        sensorId: '10737643/Canopy_Temp',
        timestamp: '2017-08-11T19:30:00Z',
        value: 14.5,
        unit: 'CEL',
      },
    ]);
  });

  it("skips and counts HOBO's -888.88 error value and the event row", () => {
    expect(parseReadingsCsv(u12, { dateOrder: 'MDY' }).skipped).toEqual([
      {
        where: 'line 4, Temp, °C (LGR S/N: 10737643, SEN S/N: 10737643, LBL: Air Temp)',
        reason: '-888.88 °C is outside -100..100 °C (a logger error code?)',
      },
      { where: 'line 5', reason: 'no temperature (Host Connected: Logged)' },
    ]);
  });

  it('refuses a column without a sensor, naming --sensor', () => {
    expect(() => parseReadingsCsv(lines('Time,Temp °C', '2026-06-10T08:00:00Z,4'))).toThrow(
      "column 'Temp °C' names no sensor (no serial in its header or above it, no sensorId column): pass --sensor <id> or --map sensorId=<column>",
    );
  });

  it('refuses --sensor that contradicts the serial the file names', () => {
    expect(() => parseReadingsCsv(u12, { sensorId: 'OTHER', dateOrder: 'MDY' })).toThrow(
      /--sensor/u,
    );
  });

  it('refuses a sensor id the ledger would refuse', () => {
    expect(() =>
      parseReadingsCsv(lines('Time,Temp °C', '2026-06-10T08:00:00Z,4'), { sensorId: 'a b' }),
    ).toThrow(/must be 1-64 chars/u);
  });
});

describe('parseReadingsCsv: --map', () => {
  const csv = lines('Zeit;Fühler;Messwert °C', '10.06.2026 08:00;K-1;4,5');

  it('names columns a file spells differently', () => {
    const parsed = parseReadingsCsv(csv, {
      columnMap: { timestamp: 'Zeit', sensorId: 'fühler', value: 'MESSWERT °C' },
      timeZone: 'UTC',
    });
    expect(parsed.readings).toEqual([
      { sensorId: 'K-1', timestamp: '2026-06-10T08:00:00Z', value: 4.5, unit: 'CEL' },
    ]);
  });

  it('refuses an unknown coldtrace name, naming --map', () => {
    expect(() => parseReadingsCsv(csv, { columnMap: { temp: 'Messwert °C' } })).toThrow(
      '--map temp: not a coldtrace column name (use timestamp, date, time, value, unit, sensorId, humidity, lat, lon)',
    );
  });

  it('refuses a column the file does not have, listing the ones it has', () => {
    const attempt = (): unknown =>
      parseReadingsCsv(csv, { columnMap: { timestamp: 'Zeit', value: 'Temp' }, timeZone: 'UTC' });
    expect(attempt).toThrow(
      "--map value=\"Temp\": the file has no such column (its columns: 'Zeit', 'Fühler', 'Messwert °C')",
    );
    expect(attempt).toThrow(ReadingsFileError);
  });

  it('asks for --map value when a long file has several temperature columns', () => {
    const two = lines('Sensor,Timestamp,Temp °C,Temperature °C', 'A,2026-06-10T08:00:00Z,4,5');
    expect(() => parseReadingsCsv(two)).toThrow(/several temperature columns .*--map value=/u);
    expect(
      parseReadingsCsv(two, { columnMap: { value: 'Temperature °C' } }).readings[0]?.value,
    ).toBe(5);
  });
});

describe('parseReadingsCsv: units, zones and dates are never guessed', () => {
  it('refuses --unit that contradicts the unit the file states', () => {
    const csv = lines('Sensor,Timestamp,Temp °C', 'A,2026-06-10T08:00:00Z,4');
    expect(() => parseReadingsCsv(csv, { unit: 'FAH' })).toThrow(
      "column 'Temp °C' states °C but --unit says °F: leave --unit out for this file",
    );
    expect(parseReadingsCsv(csv, { unit: '°C' }).readings).toHaveLength(1);
  });

  it('says when --unit supplied the unit', () => {
    const csv = lines('Sensor,Timestamp,Temp', 'A,2026-06-10T08:00:00Z,41');
    expect(parseReadingsCsv(csv, { unit: 'FAH' }).warnings).toEqual([
      "values of column 'Temp' are taken as °F from --unit: the file states no unit",
    ]);
  });

  it('refuses --tz that contradicts the zone the header states', () => {
    const csv = lines('Sensor,"Date Time, GMT+01:00",Temp °C', 'A,2026-06-10 08:00,4');
    expect(parseReadingsCsv(csv).readings[0]?.timestamp).toBe('2026-06-10T07:00:00Z');
    expect(() => parseReadingsCsv(csv, { timeZone: '+02:00' })).toThrow(
      "column 'Date Time, GMT+01:00' states UTC+01:00 but --tz says UTC+02:00",
    );
    expect(() => parseReadingsCsv(csv, { timeZone: 'Europe/Berlin' })).toThrow(
      "--tz must be a UTC offset such as +01:00, -04:00 or UTC (got 'Europe/Berlin')",
    );
  });

  it('reads day/month order from a day above 12, or from --date-order, or refuses', () => {
    const ambiguous = lines(
      'Sensor,Date Time,Temp °C',
      'A,03/04/2026 10:00,4',
      'A,04/04/2026 10:00,5',
    );
    expect(() => parseReadingsCsv(ambiguous, { timeZone: 'UTC' })).toThrow(
      "line 2: column 'Date Time' could be day/month or month/day and no date in the file tells which: pass --date-order dmy or --date-order mdy (got '03/04/2026 10:00')",
    );
    expect(
      parseReadingsCsv(ambiguous, { timeZone: 'UTC', dateOrder: 'MDY' }).readings[0]?.timestamp,
    ).toBe('2026-03-04T10:00:00Z');
    const revealing = `${ambiguous}\r\nA,13/04/2026 10:00,6`;
    expect(parseReadingsCsv(revealing, { timeZone: 'UTC' }).readings[0]?.timestamp).toBe(
      '2026-04-03T10:00:00Z',
    );
    expect(() => parseReadingsCsv(revealing, { timeZone: 'UTC', dateOrder: 'MDY' })).toThrow(
      "line 4: column 'Date Time' cannot be read as month/day (--date-order)",
    );
  });
});
