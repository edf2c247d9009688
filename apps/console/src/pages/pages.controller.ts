import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpResponse as Response } from '../http-types';
import { join } from 'node:path';
import { Public } from '@meldpunt/auth';
import { WebDir } from '../web-dir';
import { PAGE_PATHS } from './page-paths';

/** Serves the page shell for each of the page's URLs, so a reload or a shared link opens the right view. */
@ApiExcludeController()
@Controller()
export class PagesController {
  constructor(private readonly webDir: WebDir) {}

  @Public()
  @Get([...PAGE_PATHS])
  page(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(this.webDir.path, 'index.html'));
  }
}
