// Routing of accepted mail inside the simulated trust space: each recipient is delivered to
// its mailbox, to Mon espace santé or to a postmaster (REG-SMTP-05), or bounced asynchronously
// (REG-ANR-01, REG-ANR-06). Every
// accepted recipient ends up stored or bounced, never lost (REG-SMTP-04).
import { addressKey } from '../../domain/address-key.ts';
import { patientAddressOf } from '../../domain/patient-address.ts';
import { indexMessage } from '../../protocols/mime/message-reader.ts';
import { receivedTrace } from '../../protocols/mime/received-trace.ts';
import type { MessageStore } from '../store/message-store.ts';
import type { StoredMessage } from '../store/stored-message.ts';
import { AUTO_REPLY_ADDRESS as AUTO_REPLY, PATIENT_MAX_MESSAGE_BYTES } from '../../domain/model.ts';
import { FAILURE_REASONS } from '../../domain/bounce-reasons.ts';
import type { RecipientPlan } from '../../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { IncomingMessage, MailRouter, RecipientOutcome, RouteResult } from './incoming-message.ts';
import { DeliveredTransmission } from './delivered-transmission.ts';
import { messageKind } from './message-kind.ts';
import type { Notifier, RecipientFailure } from './notifier.ts';
import type { Transmission, TransmissionLog } from './transmission-log.ts';

export interface MailRouterDeps {
  readonly view: () => TrustSpaceView;
  readonly planRecipient: (address: string, view: TrustSpaceView) => RecipientPlan;
  readonly store: MessageStore;
  readonly transmissions: TransmissionLog;
  readonly notifier: Notifier;
}

/** Who is told of deliveries to the patient domain (Mon espace santé registers itself). */
export interface PatientDeliveryListener {
  /** A message reached an active patient's Mon espace santé mailbox. */
  readonly patientDelivery: (copy: StoredMessage, transmission: Transmission) => void;
  /** A message reached `reponse.automatique-test@patient.mssante.fr`. */
  readonly autoReply: (copy: StoredMessage, transmission: Transmission) => void;
}

/** The router, and the registration of what reacts to patient-domain deliveries. */
export interface PatientDomainRouter extends MailRouter {
  onPatientDomain(listener: PatientDeliveryListener): void;
}

interface Delivery {
  readonly outcome: RecipientOutcome;
  readonly copy?: StoredMessage;
  /** Whom the copy was stored for, as planned: what reacts to it depends on that, not on its address. */
  readonly to?: RecipientPlan['kind'];
  readonly failure?: RecipientFailure;
}

export function createMailRouter(deps: MailRouterDeps): PatientDomainRouter {
  const listeners: PatientDeliveryListener[] = [];
  return {
    onPatientDomain(listener) {
      listeners.push(listener);
    },
    route(message: IncomingMessage): RouteResult {
      const view = deps.view();
      const index = message.index ?? indexMessage(message.raw);
      const transmissionId = deps.transmissions.nextId();
      // One `Received` line for the transmission (RFC 5321 §4.4), the same on each of its copies;
      // made with the first copy (a message bounced for every recipient needs none).
      let traceLine: string | undefined;
      const trace = () => (traceLine ??= message.trace && receivedTrace({ ...message.trace, id: transmissionId, recipients: message.envelope.rcptTo, at: message.receivedAt }));
      const deliveries = message.envelope.rcptTo.map((recipient) => {
        const plan = deps.planRecipient(recipient, view);
        return deliver(deps, message, index, recipient, plan, trace);
      });
      const fields = {
        id: transmissionId,
        envelope: message.envelope,
        ingress: message.ingress,
        receivedAt: message.receivedAt,
        ...(message.connectionId ? { connectionId: message.connectionId } : {}),
        ...(message.authenticatedMailbox ? { authenticatedMailbox: message.authenticatedMailbox } : {}),
        outcomes: deliveries.map((d) => d.outcome),
      };
      const copy = deliveries.find((delivery) => delivery.copy)?.copy;
      // Delivered: the bytes as received and their index are read from the copy (held once),
      // behind its trace lines.
      const transmission: Transmission = copy ? new DeliveredTransmission(fields, copy, copy.raw.length - message.raw.length) : { ...fields, raw: message.raw, index };
      deps.transmissions.add(transmission);
      afterDelivery(deps, listeners, transmission, deliveries);
      return { transmissionId, recipients: transmission.outcomes };
    },
  };
}

function afterDelivery(deps: MailRouterDeps, listeners: readonly PatientDeliveryListener[], transmission: Transmission, deliveries: readonly Delivery[]): void {
  const failures = deliveries.flatMap((d) => (d.failure ? [d.failure] : []));
  if (failures.length > 0) deps.notifier.bounce(transmission, failures);
  const delivered = deliveries.flatMap((d) => (d.copy ? [d.copy] : []));
  if (delivered.length > 0) deps.notifier.receipts(transmission, delivered);
  for (const delivery of deliveries) {
    const copy = delivery.copy;
    if (!copy) continue;
    // A postmaster of the patient domain is nobody's Mon espace santé (REG-SMTP-05): planned as such, it is neither.
    if (delivery.to === 'auto-reply') for (const listener of listeners) listener.autoReply(copy, transmission);
    else if (delivery.to === 'patient') for (const listener of listeners) listener.patientDelivery(copy, transmission);
  }
}

function deliver(
  deps: MailRouterDeps,
  message: IncomingMessage,
  index: StoredMessage['index'],
  recipient: string,
  plan: RecipientPlan,
  trace: () => string | undefined,
): Delivery {
  const copyFor = { recipient, trace };
  switch (plan.kind) {
    case 'mailbox':
      return store(deps, message, index, copyFor, addressKey(plan.mailbox.address), plan.kind);
    case 'auto-reply':
      return store(deps, message, index, copyFor, AUTO_REPLY, plan.kind);
    case 'postmaster':
      return store(deps, message, index, copyFor, plan.mailbox, plan.kind);
    case 'patient':
      if (message.raw.length > PATIENT_MAX_MESSAGE_BYTES) return fail(recipient, 'patient-too-large');
      return store(deps, message, index, copyFor, patientAddressOf(plan.patient.ins), plan.kind);
    case 'bounce':
      return fail(recipient, plan.reason);
    case 'outside-trust-space':
      // Refused at RCPT by the SMTP policies; reaching here would be a policy bug: bounce, never drop.
      return fail(recipient, 'outside-trust-space');
  }
}

function store(deps: MailRouterDeps, message: IncomingMessage, index: StoredMessage['index'], copyFor: { recipient: string; trace: () => string | undefined }, mailbox: string, to: RecipientPlan['kind']): Delivery {
  const { recipient } = copyFor;
  const trace = copyFor.trace();
  const copy = deps.store.deliver({
    ...(trace !== undefined ? { trace } : {}),
    mailbox,
    kind: messageKind(index, message.raw),
    envelope: message.envelope,
    raw: message.raw,
    index,
    receivedAt: message.receivedAt,
    ingress: message.ingress,
    ...(message.connectionId ? { connectionId: message.connectionId } : {}),
  });
  return { outcome: { recipient, outcome: 'delivered', mailbox: copy.mailbox, storedId: copy.id }, copy, to };
}

function fail(recipient: string, reason: RecipientFailure['reason']): Delivery {
  return { outcome: { recipient, outcome: 'bounced', status: FAILURE_REASONS[reason].status }, failure: { recipient, reason } };
}
