import { HTTPException } from 'hono/http-exception';
import { resolveAsOf } from '../analytics/dashboard.js';
import { AsOfError } from '../analytics/indicators.js';
import type { Store } from '../store/store.js';

/** ?asof and ?known from a request, with a 400 in Chinese when either is malformed. */
export async function parseAsOf(
  store: Store,
  document: { id: string; year: number },
  asof: string | undefined,
  known: string | undefined,
) {
  try {
    return await resolveAsOf(store, document, asof, known);
  } catch (error) {
    if (error instanceof AsOfError) throw new HTTPException(400, { message: error.message });
    throw error;
  }
}
