import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { ServiceCredentialIssuer } from '@loanmesh/service-auth';

import type { ReviewConfig } from '../config/review.config';

export interface ModelCatalog {
  available: boolean;
  source: string;
  models: unknown;
}

/** What the inference service says it serves; degrades to "unavailable" rather than failing the page. */
@Injectable()
export class ModelCatalogService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ReviewConfig,
    private readonly credentials: ServiceCredentialIssuer,
  ) {}

  async list(): Promise<ModelCatalog> {
    const source = new URL('/models', this.config.INFERENCE_BASE_URL).toString();
    try {
      const res = await fetch(source, {
        headers: this.credentials.headers({ audience: 'inference' }),
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
      });
      if (!res.ok) {
        return { available: false, source, models: [] };
      }
      return { available: true, source, models: await res.json() };
    } catch {
      return { available: false, source, models: [] };
    }
  }
}
