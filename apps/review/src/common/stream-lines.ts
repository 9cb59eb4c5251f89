import { once } from 'node:events';

import type { Response } from 'express';

/**
 * Writes pages of lines to the response, waiting for drain so memory stays bounded; the
 * trailer, if any, is computed after the last page (e.g. a digest of everything before it).
 */
export async function streamLines<T>(
  res: Response,
  header: string,
  pages: AsyncIterable<T[]>,
  line: (row: T) => string,
  trailer?: () => string,
): Promise<void> {
  if (header) {
    res.write(header);
  }
  for await (const page of pages) {
    const chunk = page.map(line).join('');
    if (!res.write(chunk)) {
      await once(res, 'drain');
    }
  }
  res.end(trailer?.() ?? '');
}
