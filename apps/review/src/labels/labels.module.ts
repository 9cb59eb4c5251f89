import { Module } from '@nestjs/common';

import { LabelController } from './label.controller';
import { LabelService } from './label.service';

@Module({ controllers: [LabelController], providers: [LabelService], exports: [LabelService] })
export class LabelsModule {}
