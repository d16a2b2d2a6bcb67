import { Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { PersonalInformationSweepService } from './personal-information-sweep.service';
import { ReleasedFindingListView, SweepProgressView, SweepStartedView } from './personal-information-sweep.views';

@ApiTags('personal-information')
@ApiBearerAuth()
@Controller('personal-information')
export class PersonalInformationSweepController {
  constructor(@Inject(PersonalInformationSweepService) private readonly sweeps: PersonalInformationSweepService) {}

  /** A supervisor starts a sweep of everything released (a batch workflow); follow it at progressPath. */
  @ApiErrors(503)
  @ApiCreatedResponse({ type: SweepStartedView })
  @Post('sweeps')
  @Roles('supervisor')
  start(@CurrentActor() actor: Actor, @Headers('idempotency-key') key: string | undefined) {
    return this.sweeps.start(actor, readIdempotencyKey(key));
  }

  @ApiErrors(404, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: SweepProgressView })
  @Get('sweeps/:id')
  @Roles('supervisor')
  progress(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.sweeps.progress(id);
  }

  /** Released items still carrying unjustified personal information: the list to act on (withdraw, or a new edition). */
  @ApiOkResponse({ type: ReleasedFindingListView })
  @Get('released-findings')
  @Roles('supervisor', 'disclosure-office')
  releasedFindings() {
    return this.sweeps.releasedFindings();
  }
}
