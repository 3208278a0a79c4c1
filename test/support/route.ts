// The cloud function a test's call goes to, as the app routes it (src/services/api.ts): tests name
// the area and the verb; an action served apart (domain/functions.ts) goes to its own function.
import { functionOf } from '../../domain/functions';

export function functionFor(area: string, body: unknown): string {
  const action = typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined;
  return typeof action === 'string' ? functionOf(`${area}.${action}`) : area;
}
