import type { OptionSpec } from './args';

// `lotJson.lotNumber` → `lotNumber`, `readings[3].value` → `value`.
function lastSegment(field: string): string {
  return (
    field
      .replace(/\[\d+\]/gu, '')
      .split('.')
      .pop() ?? field
  );
}

function camelCase(optionName: string): string {
  return optionName.replace(/-([a-z])/gu, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The command-line option an input field came from, so an error can name `--from` rather than
 * `fromMs`. An option lists the fields it feeds when they are not spelled after it; otherwise
 * the field's last segment is the option's name in camel case, optionally with `Id` or `Ms`.
 */
export function optionForField(
  options: readonly OptionSpec[],
  field: string | undefined,
): OptionSpec | undefined {
  if (field === undefined || field === '') {
    return undefined;
  }
  const segment = lastSegment(field);
  return (
    options.find((option) => option.fields?.includes(field) === true) ??
    options.find((option) => {
      const base = camelCase(option.name);
      return [base, `${base}Id`, `${base}Ms`].includes(segment);
    })
  );
}
