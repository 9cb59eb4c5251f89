import { once } from 'node:events';

import type { Response } from 'express';

/** Writes pages of lines to the response, waiting for drain so memory stays bounded. */
export async function streamLines<T>(
  res: Response,
  header: string,
  pages: AsyncIterable<T[]>,
  line: (row: T) => string,
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
  res.end();
}
