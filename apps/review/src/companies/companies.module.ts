import { Module } from '@nestjs/common';

import { CompanyNameService } from './company-name.service';

@Module({
  providers: [CompanyNameService],
  exports: [CompanyNameService],
})
export class CompaniesModule {}
