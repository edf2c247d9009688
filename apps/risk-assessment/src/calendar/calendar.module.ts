import { Module } from '@nestjs/common';
import { Clock } from './clock';
import { FLEMISH_SCHOOL_YEAR_RULES } from './flemish-school-holidays';
import { SchoolCalendar } from './school-calendar';

/**
 * The Clock and the Flemish SchoolCalendar for whoever needs "now", "today in Brussels" or a return-to-school date.
 * Tests override Clock (FixedClock) to stand still.
 */
@Module({
  providers: [
    Clock,
    {
      provide: SchoolCalendar,
      useFactory: (clock: Clock) => new SchoolCalendar(clock, FLEMISH_SCHOOL_YEAR_RULES),
      inject: [Clock],
    },
  ],
  exports: [Clock, SchoolCalendar],
})
export class CalendarModule {}
