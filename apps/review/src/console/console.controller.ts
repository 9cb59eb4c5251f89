import { join, normalize, sep } from 'node:path';

import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/roles.decorator';

const ROOT = join(__dirname, 'public');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the console's static files (no build step); the API behind it checks roles. */
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
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file, (err) => {
      if (err && !res.headersSent) {
        res.status(404).json({ code: 'NOT_FOUND', message: 'no such console file' });
      }
    });
  }
}
