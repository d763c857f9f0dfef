import type { JobDef } from '../../platform/jobs/runner.js';
import { weekly } from '../../platform/jobs/periods.js';
import { prepareWeek } from './dispatch.service.js';

/** Every Monday 08:00 local time: prepare each active campaign's sheet and tell the office and leaders. */
export const dispatchWeeklyJob: JobDef = {
  name: 'dispatch.weekly',
  schedule: weekly(1, 8),
  run: (db, tenant, week) => prepareWeek(db, tenant.id, week),
};
