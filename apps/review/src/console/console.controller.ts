import { join, normalize, sep } from 'node:path';

import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/roles.decorator';

/**
 * The console's build (apps/console, `npm run build` or scripts/console-build.sh). The same
 * relative path holds from the TypeScript sources (apps/review/src/console) and from the
 * compiled build (dist/apps/review/src/console, beside dist/apps/console/dist).
 */
const ROOT = join(__dirname, '..', '..', '..', 'console', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the console's built files; the API behind it checks roles. */
@Controller('console')
export class ConsoleController {
  @Public()
  @Get()
  index(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Public()
  @Get('*path')
  file(@Param('path') path: string[] | string, @Res() res: Response): void {
    this.send(res, (Array.isArray(path) ? path.join('/') : path) || 'index.html');
  }

  private send(res: Response, relative: string): void {
    const file = normalize(join(ROOT, relative));
    const ext = file.slice(file.lastIndexOf('.'));
    const type = TYPES[ext];
    if (!file.startsWith(ROOT + sep) || !type) {
      res.status(404).json({ code: 'NOT_FOUND', message: 'no such console file' });
      return;
    }
    res.setHeader('Content-Type', type);
    // Built assets carry their content hash in the name; index.html must always be fresh.
    res.setHeader('Cache-Control', relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.sendFile(file, (err) => {
      if (err && !res.headersSent) {
        res.status(404).json({ code: 'NOT_FOUND', message: 'no such console file (is the console built?)' });
      }
    });
  }
}
