import { ValidationError } from './coldtraceerror';
import type { PageRequest } from './page';

/** Page arguments as the chaincode takes them: decimal pageSize and bookmark strings. */
export function pageArgs(request: PageRequest = {}): [string, string] {
  const pageSize = request.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new ValidationError({
      message: 'pageSize must be an integer from 1 to 1000',
      field: 'pageSize',
      rule: 'range',
    });
  }
  return [String(pageSize), request.bookmark ?? ''];
}
