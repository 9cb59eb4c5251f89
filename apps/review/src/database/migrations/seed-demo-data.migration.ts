import type { MigrationInterface, QueryRunner } from 'typeorm';

import { DEFAULT_POLICY_RULES } from '../../policy/policy-rules.schema';

/**
 * Demo users (one per role, password `<username>-pass`, bcrypt cost 10; see docs/console.md)
 * and the default policy, version 1, active. Hashes are precomputed so the migration stays fast.
 */
const DEMO_USERS: [string, string, string, string][] = [
  ['officer1', 'officer', 'Olivia Officer', '$2b$10$FKum1MRQtd6G52H.yPsHvuTtQdQCEjYLh5J0lt2cjvASO8utBR.p.'],
  ['officer2', 'officer', 'Oscar Officer', '$2b$10$N35pAzXi/u8edSNutXtRdOArUcPDry3jNrQrkEKOUmLzIAjWzL5Te'],
  ['senior1', 'senior_officer', 'Sofia Senior', '$2b$10$a8T.w0H0UxMV030yXGzgK.RV.KoE8eCvoNdBGmuA1DZ9k1qPFTahe'],
  ['senior2', 'senior_officer', 'Samuel Senior', '$2b$10$Y8b2XZIdgimdyCBdoK7BzOEfjzZ.wHSWvqs8muF8Y61V74rgIVOBS'],
  ['risk1', 'risk_manager', 'Rita Risk', '$2b$10$5ZI.I3kaDbx88qPYLE5oguDDf8hst3R56MKPYN86izVf3y38/K83K'],
  ['risk2', 'risk_manager', 'Ravi Risk', '$2b$10$nIWAj4mVHb2y/FFvGoLBHuRHKvq/qQlckCL4KsoOruTVeW0gU8iyi'],
  ['auditor1', 'auditor', 'Ada Auditor', '$2b$10$knMKaBOOOamkn1m9aw8.9eth7UaM9Uycb.2xWo4vBgvuS5IX1O05S'],
  ['admin1', 'admin', 'Alan Admin', '$2b$10$RQlTQYi6VBc7qI7ZAo8zjeaush9ulHAhKRbL4abFIOkBALK8FT6Ra'],
];

export class SeedDemoData1764100000001 implements MigrationInterface {
  name = 'SeedDemoData1764100000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [username, role, displayName, hash] of DEMO_USERS) {
      await q.query('INSERT INTO review.users (username, password_hash, role, display_name) VALUES ($1, $2, $3, $4)', [
        username,
        hash,
        role,
        displayName,
      ]);
    }
    await q.query(
      `INSERT INTO review.policy_versions (version, status, rules, note, created_by, created_at, activated_by, activated_at)
       VALUES (1, 'ACTIVE', $1, 'Default policy seeded by migration', 'system', now(), 'migration', now())`,
      [JSON.stringify(DEFAULT_POLICY_RULES)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM review.policy_versions WHERE version = 1');
    await q.query('DELETE FROM review.users WHERE username = ANY($1)', [DEMO_USERS.map(([u]) => u)]);
  }
}
