import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bcrypt hashes of the demo passwords (`<user>-pass`) an earlier release seeded in every
 * environment. Their passwords are published, so any account still carrying one is deleted;
 * an account whose password was changed keeps its new hash and survives.
 */
const PUBLISHED_DEMO_HASHES = [
  '$2b$10$FKum1MRQtd6G52H.yPsHvuTtQdQCEjYLh5J0lt2cjvASO8utBR.p.',
  '$2b$10$N35pAzXi/u8edSNutXtRdOArUcPDry3jNrQrkEKOUmLzIAjWzL5Te',
  '$2b$10$a8T.w0H0UxMV030yXGzgK.RV.KoE8eCvoNdBGmuA1DZ9k1qPFTahe',
  '$2b$10$Y8b2XZIdgimdyCBdoK7BzOEfjzZ.wHSWvqs8muF8Y61V74rgIVOBS',
  '$2b$10$5ZI.I3kaDbx88qPYLE5oguDDf8hst3R56MKPYN86izVf3y38/K83K',
  '$2b$10$nIWAj4mVHb2y/FFvGoLBHuRHKvq/qQlckCL4KsoOruTVeW0gU8iyi',
  '$2b$10$knMKaBOOOamkn1m9aw8.9eth7UaM9Uycb.2xWo4vBgvuS5IX1O05S',
  '$2b$10$RQlTQYi6VBc7qI7ZAo8zjeaush9ulHAhKRbL4abFIOkBALK8FT6Ra',
];

export class RemoveDemoUsers1764900000001 implements MigrationInterface {
  name = 'RemoveDemoUsers1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `WITH removed AS (DELETE FROM review.users WHERE password_hash = ANY($1) RETURNING username)
       INSERT INTO review.security_events (type, username, actor, reason)
       SELECT 'USER_REMOVED', username, 'migration', 'PUBLISHED_PASSWORD' FROM removed`,
      [PUBLISHED_DEMO_HASHES],
    );
  }

  async down(): Promise<void> {
    // Deleted accounts with published passwords are not brought back.
  }
}
