// The campaign-wide ledger of a conformance run (MES-NDR-04, MSS/va1.12): every permanent
// failure and every message the client transmitted, kept across the per-scenario reset, so that
// a resend landing in a later scenario, or a Message-ID used again in another scenario, is found
// and named with the scenario and the message it comes from. Pure: fed with events, answers
// with violations.
//
// Definitions (precise, so that a vendor can check them):
// - permanent failure: a recipient of a message the operator bounced (RFC 3464 action
//   « failed ») or refused with a 5.x.x reply at RCPT TO;
// - resend: a later transmission to a permanently failed recipient that carries the Message-ID
//   and the Date of the failed message (the same message again, wherever it lands: a delayed
//   resend may land while another scenario writes to the same patient about the same thing); or
//   its Message-ID, in the failed message's own scenario, in one that did not address
//   that recipient, or with the failed message's subject in one that did not ask for that subject
//   (a delayed resend may land while another scenario writes to the same patient); or, with a new
//   Message-ID, the failed message's subject, in a scenario that addressed neither that recipient
//   nor that subject;
// - reused Message-ID: a transmission whose Message-ID an earlier transmission of the run
//   already carried, when it is not a resend (a message the scenario asked for that reuses the
//   failed message's Message-ID is a reused Message-ID, not a resend).

/** A scenario name, or BETWEEN_SCENARIOS for traffic that arrived after a scenario ended. */
export const BETWEEN_SCENARIOS = '(entre deux scénarios)';

export interface LedgerMessage {
  readonly scenario: string;
  readonly subject: string;
  /** Bare addresses, lower-case. */
  readonly recipients: readonly string[];
  readonly messageId?: string;
  /** The Date header as written: with the Message-ID, what makes a transmission the same message again. */
  readonly date?: string;
}

export type LedgerEvent =
  | { readonly kind: 'failure'; readonly at: number; readonly message: LedgerMessage; readonly failedRecipients: readonly string[]; readonly reply: string }
  | { readonly kind: 'transmission'; readonly at: number; readonly message: LedgerMessage; readonly asked: Asked };

/** What the scenario during which a transmission arrived asked the client to send. */
export interface Asked {
  readonly recipients: readonly string[];
  readonly subjects: readonly string[];
}

export type LedgerViolation =
  | { readonly rule: 'resend'; readonly original: LedgerMessage; readonly reply: string; readonly later: LedgerMessage }
  | { readonly rule: 'message-id-reused'; readonly original: LedgerMessage; readonly later: LedgerMessage };

/** Replays the events of a run (any order: they are sorted by time) and returns what breaks the rules. */
export function ledgerViolations(events: readonly LedgerEvent[]): LedgerViolation[] {
  const failures: Extract<LedgerEvent, { kind: 'failure' }>[] = [];
  const seenIds = new Map<string, LedgerMessage>();
  const violations: LedgerViolation[] = [];
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (event.kind === 'failure') {
      failures.push(event);
      continue;
    }
    const later = event.message;
    const resent = failures.find((f) => isResend(f, event));
    if (resent) violations.push({ rule: 'resend', original: resent.message, reply: resent.reply, later });
    const id = later.messageId?.toLowerCase();
    if (id === undefined || id === '') continue;
    const first = seenIds.get(id);
    if (first && !resent) violations.push({ rule: 'message-id-reused', original: first, later });
    if (!first) seenIds.set(id, later);
  }
  return violations;
}

function isResend(failure: Extract<LedgerEvent, { kind: 'failure' }>, transmission: Extract<LedgerEvent, { kind: 'transmission' }>): boolean {
  if (transmission.at < failure.at) return false;
  const failed = new Set(failure.failedRecipients);
  const towardsFailed = transmission.message.recipients.filter((r) => failed.has(r));
  if (towardsFailed.length === 0) return false;
  const sameId = failure.message.messageId !== undefined && failure.message.messageId.toLowerCase() === transmission.message.messageId?.toLowerCase();
  const { recipients, subjects } = transmission.asked;
  const unasked = towardsFailed.some((r) => !recipients.includes(r));
  const subject = transmission.message.subject;
  // The failed message's subject, which the current scenario did not ask for: that message again.
  const failedSubjectUnasked = subject === failure.message.subject && !subjects.includes(subject);
  // Message-ID and Date as written: the very message that failed, whatever the scenario asked.
  if (sameId && failure.message.date !== undefined && failure.message.date === transmission.message.date) return true;
  // In the failure's own scenario the action was asked once: the same message again is a resend.
  if (sameId) return unasked || transmission.message.scenario === failure.message.scenario || failedSubjectUnasked;
  return failedSubjectUnasked && unasked;
}

/** The French sentence of a violation, naming the original scenario and message. */
export function describeViolation(violation: LedgerViolation): string {
  const { original, later } = violation;
  const message = (m: LedgerMessage) => `« ${m.subject} »${m.messageId ? ` (Message-ID <${m.messageId}>)` : ''} pour ${m.recipients.join(', ')}`;
  const where = (m: LedgerMessage) => (m.scenario === BETWEEN_SCENARIOS ? 'entre deux scénarios' : `pendant le scénario « ${m.scenario} »`);
  if (violation.rule === 'resend') {
    return `Le message ${message(original)} du scénario « ${original.scenario} », en échec permanent (${violation.reply}), a été renvoyé par le logiciel ${where(later)} : ${message(later)} (MES-NDR-04 : pas de renvoi automatique après un échec permanent).`;
  }
  return `Le Message-ID <${later.messageId}> du message ${message(original)} du scénario « ${original.scenario} » a été repris ${where(later)} par le message ${message(later)} (MSS/va1.12 : un Message-ID unique pour chaque nouveau message, sur toute la campagne).`;
}
