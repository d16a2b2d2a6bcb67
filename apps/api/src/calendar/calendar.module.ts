import { Module } from '@nestjs/common';
import { CalendarRecalculationClient } from './calendar-recalculation.client';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarRecalculationClient] })
export class CalendarModule {}
