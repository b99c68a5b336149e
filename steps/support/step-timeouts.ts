// Step and hook time limits: generous for automatic clients (a 25 Mo message on a loaded 2-core
// machine), and longer than the manual driver's wait plus a person's answer with MSS_CLIENT=manual.
import { setDefaultTimeout } from '@cucumber/cucumber';
import { isManualClient } from './driver-choice.ts';

const AUTOMATIC_MS = 60_000;
const manualWaitMs = Number(process.env.MSS_DELAI_MANUEL ?? '120') * 1000;
const manual = isManualClient(process.env);

setDefaultTimeout(manual && Number.isFinite(manualWaitMs) ? manualWaitMs * 3 + 10 * 60_000 : AUTOMATIC_MS);
