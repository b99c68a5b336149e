// Mail inside the trust space: routing, notifications (bounces, receipts) and the simulated
// Mon espace santé, wired together (the router tells Mon espace santé what reached a patient;
// Mon espace santé routes the patients' messages).
import { ConversationBook } from '../domain/conversation-book.ts';
import { planRecipient } from '../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import { composeMessage } from '../protocols/mime/compose-message.ts';
import type { MessageStore } from '../services/store/message-store.ts';
import { createMonEspaceSante, type MonEspaceSanteRuntime } from '../services/mon-espace-sante/create-mon-espace-sante.ts';
import type { MailRouter } from '../services/routing/incoming-message.ts';
import { createMailRouter } from '../services/routing/mail-router.ts';
import { createNotifier } from '../services/routing/notifier.ts';
import type { TransmissionLog } from '../services/routing/transmission-log.ts';
import type { DeferredWork } from './deferred-work.ts';
import type { ObservationSink } from '../observation/observation-sink.ts';

export interface MailFlowDeps {
  readonly view: () => TrustSpaceView;
  readonly store: MessageStore;
  readonly transmissions: TransmissionLog;
  readonly now: () => Date;
  readonly deferred: DeferredWork;
  readonly onError: (error: unknown) => void;
  /** Where the notifier and Mon espace santé publish what they did. */
  readonly observations: ObservationSink;
}

export function createMailFlow(deps: MailFlowDeps): { router: MailRouter; mes: MonEspaceSanteRuntime } {
  const { view, store, now, onError } = deps;
  const observe = (observation: Parameters<ObservationSink['publish']>[0]) => deps.observations.publish(observation);
  const notifier = createNotifier({ store, view, now, defer: deps.deferred.defer, onError, observe });
  // Routing first; Mon espace santé sends through it and registers for patient-domain deliveries.
  const router = createMailRouter({ view, planRecipient, store, transmissions: deps.transmissions, notifier });
  const mes = createMonEspaceSante({ view, store, book: new ConversationBook(), route: (m) => router.route(m), compose: composeMessage, now, defer: deps.deferred.defer, onError, observe });
  router.onPatientDomain({ patientDelivery: mes.onPatientDelivery, autoReply: mes.onAutoReply });
  return { router, mes };
}
