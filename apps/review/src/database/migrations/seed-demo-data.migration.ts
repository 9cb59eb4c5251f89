import type { MigrationInterface, QueryRunner } from 'typeorm';

import { DEFAULT_POLICY_RULES } from '../../policy/policy-rules.schema';

/**
 * The default policy, version 1, active. No users: accounts are created with
 * `npm run users -- add` (the demo creates its own); an earlier release seeded demo users
 * here, which `RemoveDemoUsers1764900000001` deletes where their published passwords remain.
 */
export class SeedDemoData1764100000001 implements MigrationInterface {
  name = 'SeedDemoData1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO review.policy_versions (version, status, rules, note, created_by, created_at, activated_by, activated_at)
       VALUES (1, 'ACTIVE', $1, 'Default policy seeded by migration', 'system', now(), 'migration', now())`,
      [JSON.stringify(DEFAULT_POLICY_RULES)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM review.policy_versions WHERE version = 1');
  }
}
