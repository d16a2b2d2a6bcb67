import { Module } from '@nestjs/common';
import { ReviewChainsController } from './review-chains.controller';
import { ReviewChainsService } from './review-chains.service';

@Module({ controllers: [ReviewChainsController], providers: [ReviewChainsService] })
export class ReviewChainsModule {}
