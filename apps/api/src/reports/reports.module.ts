import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { AssessmentService } from './assessment.service';
import { ReportsController } from './reports.controller';

/** The annual report (政府信息公开工作年度报告) and the assessment (考核评估). */
@Module({ controllers: [ReportsController], providers: [AnnualReportService, AssessmentService] })
export class ReportsModule {}
