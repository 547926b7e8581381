import { IdempotencyRecord } from '../auth/idempotency-record.entity';
import { modules } from '../modules';

/** Listed explicitly (each module names its own): no folder scanning, so dist and ts runs see the same set. */
export const entities = [...modules.flatMap((module) => module.entities ?? []), IdempotencyRecord];
