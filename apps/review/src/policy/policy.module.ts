import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';
import { PolicyVersionEntity } from './policy-version.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PolicyVersionEntity])],
  controllers: [PolicyController],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}
