import type { OptionSpec } from './args';
import { optionForField } from './optionfield';

const options: OptionSpec[] = [
  { name: 'shipment', description: '' },
  { name: 'from', description: '' },
  { name: 'lot-number', description: '' },
  { name: 'to', description: '', fields: ['toMspId'] },
];

describe('optionForField', () => {
  it.each([
    ['shipmentId', 'shipment'],
    ['fromMs', 'from'],
    ['lotJson.lotNumber', 'lot-number'],
    ['toMspId', 'to'],
  ])('maps %s to --%s', (field, option) => {
    expect(optionForField(options, field)?.name).toBe(option);
  });

  it('maps nothing for fields no option feeds', () => {
    expect(optionForField(options, 'readings[3].value')).toBeUndefined();
    expect(optionForField(options, undefined)).toBeUndefined();
  });
});
