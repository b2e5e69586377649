import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client of the merged OpenAPI document (web/openapi.json), talking to the gateway the page came from. */
export const api = createClient<paths>({ baseUrl: location.origin });

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** A problem answer's messages by the field they name; the ones naming no field under ''. */
export function problemsByField(problem: Problem | undefined): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => byField.set(field, [...(byField.get(field) ?? []), message]);
  for (const invalid of problem?.errors ?? []) add(invalid.field, invalid.message);
  if (problem && !problem.errors?.length) add('', problem.detail ?? problem.title);
  return byField;
}
