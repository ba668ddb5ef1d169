import { describeHeader } from './columnheader';

describe('describeHeader', () => {
  it("reads HOBOware's series header: name, unit, sensor serial and label", () => {
    // As HOBOware writes it (HOBOware User's Guide; exports quoted in test/fixtures/loggers).
    expect(
      describeHeader('Temp, °C (LGR S/N: 10737643, SEN S/N: 10737643, LBL: Canopy Temp)'),
    ).toMatchObject({
      name: 'Temp',
      role: 'value',
      unit: 'CEL',
      serial: '10737643',
      label: 'Canopy Temp',
      generic: false,
    });
  });

  it('prefers the sensor serial to the logger serial', () => {
    expect(describeHeader('Temp, °F (LGR S/N: 20338010, SEN S/N: 20501234)').serial).toBe(
      '20501234',
    );
    expect(describeHeader('Host Connected (LGR S/N: 20338010)')).toMatchObject({
      role: undefined,
      serial: '20338010',
    });
  });

  it("reads the zone of HOBOware's time column", () => {
    expect(describeHeader('Date Time, GMT-04:00')).toMatchObject({
      role: 'timestamp',
      zoneMinutes: -240,
    });
    expect(describeHeader('Time (UTC)')).toMatchObject({ role: 'time', zoneMinutes: 0 });
  });

  it('knows a measured quantity that is not the temperature', () => {
    expect(describeHeader('Dew Point(°C)')).toMatchObject({ role: undefined, unit: 'CEL' });
    expect(describeHeader('Humidity(%rh)').role).toBe('humidity');
  });

  it('marks channel headers that take their meaning from the rows below', () => {
    for (const header of ['', '1', 'No.3', 'ch2']) {
      expect(describeHeader(header).generic).toBe(true);
    }
    expect(describeHeader('Temp').generic).toBe(false);
  });
});
