import type { ObjectLiteral, Repository } from 'typeorm';

/**
 * Reads a table page by page in key order (keyset pagination), so a streamed export holds
 * one page in memory at a time and never re-reads rows as OFFSET paging would.
 */
export async function* keysetPages<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  key: K,
  start: T[K],
  pageSize = 500,
): AsyncGenerator<T[]> {
  let after = start;
  for (;;) {
    const page = await repository
      .createQueryBuilder('row')
      .where(`row.${key} > :after`, { after })
      .orderBy(`row.${key}`, 'ASC')
      .limit(pageSize)
      .getMany();
    if (page.length > 0) {
      yield page;
    }
    if (page.length < pageSize) {
      return;
    }
    after = page[page.length - 1][key];
  }
}
