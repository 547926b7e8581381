import { AuditEntry } from '../auth/audit-entry.entity';
import { IdempotencyRecord } from '../auth/idempotency-record.entity';
import { modules } from '../modules';

/** Listed explicitly (each module names its own; the audit and idempotency records belong to runStaffMutation): no folder scanning, so dist and ts runs see the same set. */
export const entities = [...modules.flatMap((module) => module.entities ?? []), AuditEntry, IdempotencyRecord];
