import type { Db } from '../../db/client.js';

/** What the org seed created, handed to the plan seeders so their stories use the same units and people. */
export interface DemoRefs {
  tx: Db;
  tenantId: string;
  /** unit code (see demoUnits in seed.ts) → id */
  units: Map<string, string>;
  /** the six school leaders' person ids, in the order of leaderPosts in seed.ts (0 = party secretary) */
  leaders: string[];
  /** people by demo key: office, leader, unithead, liaison, inspector, member */
  keyed: Map<string, { id: string; name: string }>;
  /** person ids of the staff of each unit code, for attendees and liaisons */
  staffByUnit: Map<string, string[]>;
  /** user id of the demo office user, for created_by columns */
  officeUserId: string;
  /** filled in by the campaign seeder */
  campaignId?: string;
  /** goal code → id, filled in by the goals seeder */
  goals?: Map<string, string>;
  /** task ids, filled in by the task seeder */
  taskIds?: string[];
  /** the file store directory for seeded attachments; null writes rows only (tests) */
  filesDir: string | null;
  /** a deterministic random source */
  next: () => number;
}
