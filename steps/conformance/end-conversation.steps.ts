// Ending an exchange with a patient by the `X-MSS-MES: FIN` header (SC.MSS/CONF.21): the
// `end-conversation` action with `method: "header"`; the `[FIN]` subject is in
// client-actions.steps.ts.
import { When } from '@cucumber/cucumber';
import type { HarnessWorld } from '../support/world.ts';
import { clientEndsConversation } from './support/client-tasks.ts';

When("{acteur} met fin à l'échange avec {acteur} par l'en-tête « X-MSS-MES: FIN » depuis son logiciel", async function (this: HarnessWorld, sender: string, patient: string) {
  await clientEndsConversation(this, sender, this.actor(patient), 'header');
});
