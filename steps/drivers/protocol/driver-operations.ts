// The operations of the HTTP adapter protocol (steps/drivers/protocol/README.md) and the JSON
// each one carries, typed from the driver contract (client-driver.ts): one vocabulary.
import type { ActionResult, DriverCapabilities, DriverConfiguration, EndConversationRequest, FindRecipientRequest, FoundRecipient, ListedMessage, PatientIdentity, SendDocumentRequest, SendRequest, ShownFailure, WriteToPatientRequest } from '../../../simulator/public-api.ts';

/** URL segments, kebab-case: `POST {base}/<operation>` (`GET {base}/capabilities`). */
export const DRIVER_OPERATIONS = [
  'capabilities',
  'configure',
  'send',
  'write-to-patient',
  'find-recipient',
  'end-conversation',
  'synchronise',
  'list-messages',
  'reset',
  /** Capability `documents`. */
  'send-document',
  /** Capability `documents-reception`. */
  'register-patient',
] as const;

export type DriverOperation = (typeof DRIVER_OPERATIONS)[number];

/** Every operation but `capabilities` (a GET without body) has a request body. */
export type RequestOperation = Exclude<DriverOperation, 'capabilities'>;

/** The version this harness speaks; the adapter states its own in `capabilities`. */
export const PROTOCOL_VERSION = '1';

/** `{}`: the body of a request without parameters, or of a response without data. */
export type EmptyBody = Record<string, never>;

export interface DriverRequestBodies {
  readonly configure: DriverConfiguration;
  readonly send: SendRequest;
  readonly 'write-to-patient': WriteToPatientRequest;
  readonly 'find-recipient': FindRecipientRequest;
  readonly 'end-conversation': EndConversationRequest;
  readonly synchronise: EmptyBody;
  readonly 'list-messages': EmptyBody;
  readonly reset: EmptyBody;
  readonly 'send-document': SendDocumentRequest;
  readonly 'register-patient': PatientIdentity;
}

export interface DriverResponseBodies {
  /** The TypeScript contract lacks `protocolVersion`: the wire carries it. */
  readonly capabilities: DriverCapabilities & { readonly protocolVersion: typeof PROTOCOL_VERSION };
  readonly configure: EmptyBody;
  readonly send: ActionResult;
  readonly 'write-to-patient': ActionResult;
  readonly 'find-recipient': { readonly recipients: readonly FoundRecipient[] } | ShownFailure;
  readonly 'end-conversation': ActionResult;
  readonly synchronise: EmptyBody | ShownFailure;
  readonly 'list-messages': { readonly messages: readonly ListedMessage[] };
  readonly reset: EmptyBody;
  readonly 'send-document': ActionResult;
  readonly 'register-patient': EmptyBody;
}
