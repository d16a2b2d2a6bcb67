import { Body, Controller, Get, Header, Inject, Param, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { annualReportHtml, annualReportXlsx } from './annual-report.export';
import { AnnualReportService } from './annual-report.service';
import { AnnualReportQuery, AssessmentQuery } from './assessment.query';
import { AssessmentService } from './assessment.service';
import { AssessmentView } from './assessment.views';
import { AnnualReportInputsBody, AnnualReportView } from './annual-report.views';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(AnnualReportService) private readonly annual: AnnualReportService,
    @Inject(AssessmentService) private readonly assessments: AssessmentService,
  ) {}

  @ApiOkResponse({ type: AnnualReportView })
  @Get('annual')
  @Roles('supervisor', 'admin', 'disclosure-office')
  annualReport(@Query() query: AnnualReportQuery) {
    return this.annual.report(query.year);
  }

  @Get('annual.xlsx')
  @Roles('supervisor', 'admin', 'disclosure-office')
  async annualReportXlsx(@Query() query: AnnualReportQuery) {
    const report = await this.annual.report(query.year);
    return new StreamableFile(await annualReportXlsx(report), { type: XLSX_TYPE, disposition: `attachment; filename="annual-report-${report.year}.xlsx"` });
  }

  @Get('annual.html')
  @Roles('supervisor', 'admin', 'disclosure-office')
  @Header('content-type', 'text/html; charset=utf-8')
  async annualReportHtml(@Query() query: AnnualReportQuery) {
    return annualReportHtml(await this.annual.report(query.year));
  }

  @ApiParam({ name: 'year', schema: { type: 'string', pattern: '^[0-9]{4}$' }, description: 'the report year, e.g. 2025' })
  @ApiOkResponse({ type: AnnualReportView, description: 'the report with the inputs saved' })
  @Put('annual/:year/inputs')
  @Roles('disclosure-office', 'admin')
  // Documented as the object it is; the body stays `unknown` to the validation pipe, because the domain's
  // validateAnnualReportInputs checks it and names every bad cell (annual-report.* codes).
  @ApiBody({ type: AnnualReportInputsBody })
  saveAnnualReportInputs(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() body: unknown, @RequestId() requestId?: string) {
    return this.annual.saveInputs(actor, year, body, requestId);
  }

  @ApiOkResponse({ type: AssessmentView })
  @Get('assessment')
  @Roles('supervisor', 'admin', 'disclosure-office')
  assessment(@Query() query: AssessmentQuery) {
    return this.assessments.assessment(query);
  }

  @Get('assessment.xlsx')
  @Roles('supervisor', 'admin', 'disclosure-office')
  async assessmentXlsx(@Query() query: AssessmentQuery) {
    return new StreamableFile(await this.assessments.assessmentXlsx(query), { type: XLSX_TYPE, disposition: 'attachment; filename="assessment.xlsx"' });
  }
}
