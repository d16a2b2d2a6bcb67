import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { clientAddressOf } from '../concerns/client-address';
import { knownRaterIdentityOf, RATING_SETTINGS, raterIdentityOf, type RatingSettings } from './rater-identity';
import { RatingsService } from './ratings.service';
import { SubmitRatingDto } from './submit-rating.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { RatingAnswerView, RatingSummaryView } from './ratings.views';

/** 公众满意度评价: the public rates released items and published responses; no login, a cookie tells clients apart. */
@ApiTags('public')
@Public()
@Controller('public')
export class RatingsController {
  constructor(
    @Inject(RatingsService) private readonly ratings: RatingsService,
    @Inject(RATING_SETTINGS) private readonly settings: RatingSettings,
  ) {}

  @ApiErrors(404, 409, 429)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: RatingAnswerView })
  @Post('items/:id/ratings')
  @ApiNotFoundResponse({ description: 'no released item with this id' })
  @ApiConflictResponse({ description: 'this client has already rated the item' })
  @ApiTooManyRequestsResponse({ description: 'too many ratings from this address; see Retry-After' })
  rateItem(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitRatingDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.ratings.rate({ kind: 'item', itemId: id }, body, raterIdentityOf(request, response, clientAddressOf(request), this.settings.salt));
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: RatingSummaryView })
  @Get('items/:id/ratings')
  itemSummary(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: Request) {
    return this.ratings.summary({ kind: 'item', itemId: id }, knownRaterIdentityOf(request, clientAddressOf(request), this.settings.salt));
  }

  @ApiErrors(404, 409, 429)
  @ApiUuidParams('concernId')
  @ApiCreatedResponse({ type: RatingAnswerView })
  @Post('concerns/:concernId/ratings')
  @ApiNotFoundResponse({ description: 'no published response to this concern' })
  @ApiConflictResponse({ description: 'this client has already rated the response' })
  @ApiTooManyRequestsResponse({ description: 'too many ratings from this address; see Retry-After' })
  rateResponse(
    @Param('concernId', new ParseUUIDPipe()) concernId: string,
    @Body() body: SubmitRatingDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.ratings.rate({ kind: 'response', concernId }, body, raterIdentityOf(request, response, clientAddressOf(request), this.settings.salt));
  }

  @ApiErrors(404)
  @ApiUuidParams('concernId')
  @ApiOkResponse({ type: RatingSummaryView })
  @Get('concerns/:concernId/ratings')
  responseSummary(@Param('concernId', new ParseUUIDPipe()) concernId: string, @Req() request: Request) {
    return this.ratings.summary({ kind: 'response', concernId }, knownRaterIdentityOf(request, clientAddressOf(request), this.settings.salt));
  }
}
