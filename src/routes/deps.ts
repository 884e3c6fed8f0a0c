import type { LoginThrottle, PasswordChecks } from '../auth/throttle.js';
import type { Config } from '../config.js';
import type { PendingUploads } from '../ingest/pending.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { VersionCache } from '../store/version-cache.js';

/** What every area's routes are built from (createApp makes one of each). */
export interface RouteDeps {
  store: Store;
  config: Config;
  cache: VersionCache;
  pending: PendingUploads;
  throttle: LoginThrottle;
  passwordChecks: PasswordChecks;
  logger: Logger;
}
