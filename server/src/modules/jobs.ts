import type { JobDef } from '../platform/jobs/runner.js';
import { dispatchWeeklyJob } from './dispatch/dispatch.job.js';
import { reminderJobs } from './reminders/reminders.jobs.js';

/**
 * Scheduled jobs of the features, run by the scheduler in main.ts once per
 * tenant and period across all server processes. Add one line per job.
 */
export const featureJobs: JobDef[] = [dispatchWeeklyJob, ...reminderJobs];
