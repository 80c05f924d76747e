// The engine's door for EventBridge Scheduler (issue 13; spec §4.1): schedule expressions —
// parsed, described, asked for their next firing — and the mechanic that runs schedules in the
// world. Importing this module installs that mechanic (extensions.ts says why it is not part of
// the first screen's engine). Whatever can bring a schedule command imports it first.

import { installScheduleMechanic } from './extensions.ts';
import { createSchedule, deleteSchedule, observeScheduledTask, runScheduleNow, scheduleFires, updateSchedule } from './scheduledTasks.ts';

installScheduleMechanic({ createSchedule, updateSchedule, deleteSchedule, runScheduleNow, scheduleFires, observeScheduledTask });

export { parseScheduleExpression, nextFiring, describeExpression, checkTimeZone, type ParsedExpression, type FiringOptions } from './schedule/expression.ts';
export { MAX_SCHEDULE_RUNS, MAX_SCHEDULES, scheduleArn } from './scheduledTasks.ts';
