import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { ClockAdapter } from '../common/clock.adapter';
import { ModelRegistryException } from '../registry/model-registry.exception';
import { ModelRegistryService } from '../registry/model-registry.service';
import type { ModelVersionEntity } from '../registry/model-version.entity';
import type { PromotionRequestDto } from './promotion-request.dto';
import { PromotionApprovalEntity, PromotionRequestEntity } from './promotion-request.entity';

export interface PromotionRequestView {
  id: string;
  modelId: string;
  to: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

/**
 * Maker/checker promotion: one risk manager requests, another approves, and only the approval
 * runs the registry's promotion (gates, hot swap) in the checker's name. The acting users come
 * from the service credential's subject, never from the body.
 */
@Injectable()
export class PromotionRequestService {
  private readonly logger = new Logger(PromotionRequestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly clock: ClockAdapter,
  ) {}

  async request(dto: PromotionRequestDto, maker: string): Promise<PromotionRequestView> {
    await this.registry.get(dto.modelId);
    const row = await this.dataSource.getRepository(PromotionRequestEntity).save({
      id: randomUUID(),
      modelVersionId: dto.modelId,
      toState: dto.to,
      requestedBy: maker,
      requestedAt: this.clock.now(),
      reason: dto.reason,
    });
    this.logger.log({ msg: 'model promotion requested', request: row.id, to: dto.to, by: maker });
    return view(row, null);
  }

  async list(status: 'pending' | 'approved' | 'all'): Promise<PromotionRequestView[]> {
    const requests = await this.dataSource
      .getRepository(PromotionRequestEntity)
      .find({ order: { requestedAt: 'DESC' }, take: 500 });
    const approvals = new Map(
      (await this.dataSource.getRepository(PromotionApprovalEntity).find()).map((a) => [a.requestId, a]),
    );
    return requests
      .map((r) => view(r, approvals.get(r.id) ?? null))
      .filter((v) => status === 'all' || (status === 'pending') === (v.approvedBy === null));
  }

  /**
   * The checker approves: refused for the maker (403) and for a decided request (409). The
   * promotion runs first (gates, hot swap), so a failed gate leaves the request pending; the
   * approval row's primary key lets only one approval of a request be recorded.
   */
  async approve(id: string, checker: string): Promise<{ request: PromotionRequestView; model: ModelVersionEntity }> {
    const request = await this.dataSource.getRepository(PromotionRequestEntity).findOne({ where: { id } });
    if (!request) {
      throw new ModelRegistryException('PROMOTION_REQUEST_NOT_FOUND', `no promotion request ${id}`);
    }
    if (request.requestedBy === checker) {
      throw new ModelRegistryException(
        'PROMOTION_SAME_USER',
        'a promotion must be approved by someone other than who requested it',
      );
    }
    if (await this.dataSource.getRepository(PromotionApprovalEntity).existsBy({ requestId: id })) {
      throw decided(id);
    }
    const model = await this.registry.promote(request.modelVersionId, { to: request.toState, by: checker });
    const approvedAt = this.clock.now();
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO inference.model_promotion_approvals (request_id, approved_by, approved_at)
       VALUES ($1, $2, $3) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [id, checker, approvedAt],
    );
    if (rows.length === 0) {
      throw decided(id);
    }
    this.logger.log({ msg: 'model promotion approved', request: id, maker: request.requestedBy, checker });
    return { request: view(request, { approvedBy: checker, approvedAt }), model };
  }
}

function decided(id: string): ModelRegistryException {
  return new ModelRegistryException('PROMOTION_REQUEST_DECIDED', `promotion request ${id} is already approved`);
}

function view(
  r: PromotionRequestEntity,
  a: Pick<PromotionApprovalEntity, 'approvedBy' | 'approvedAt'> | null,
): PromotionRequestView {
  return {
    id: r.id,
    modelId: r.modelVersionId,
    to: r.toState,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    approvedBy: a?.approvedBy ?? null,
    approvedAt: a ? a.approvedAt.toISOString() : null,
  };
}
