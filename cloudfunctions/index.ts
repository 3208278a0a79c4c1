// Every deployable cloud function, by area name: the one list that the function build
// (scripts/build-functions.cjs), the local host and the authorisation-matrix and fuzz tests read,
// so no area can be deployed without being served and tested. A function is an area, except
// `meetingFiles`: the meeting area's files, deployed apart (domain/functions.ts).
import * as account from './account';
import * as compliance from './compliance';
import * as meeting from './meeting';
import * as meetingFiles from './meeting/files';
import * as minutes from './minutes';
import * as notify from './notify';
import * as people from './people';
import * as press from './press';
import * as reminders from './reminders';
import * as settings from './settings';
import * as system from './system';
import * as task from './task';
import * as topic from './topic';
import type { Main } from '../server/kit/function';
import type { Area } from '../server/kit/registry';

export const FUNCTIONS: Readonly<Record<string, { area: Area; main: Main }>> = { account, people, topic, meeting, meetingFiles, minutes, task, press, compliance, settings, notify, reminders, system };

/** Where each function's entry (index.ts) and config.json are, under cloudfunctions/: its own name, unless listed. */
export const FUNCTION_DIRS: Readonly<Record<string, string>> = { meetingFiles: 'meeting/files' };
