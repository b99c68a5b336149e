// The JSON of the Mon espace santé app routes (patient-app-routes.ts): types only, shared with
// the browser code (simulator/web/ui/src/patient), which must not import server modules.

/** `absent`: a well-formed INS with no profile, or none in this trust space (REG-MES-01). */
export type PatientScreen = 'messaging' | 'opposed' | 'closed' | 'absent';

export interface AppMessage {
  readonly storeId: string;
  readonly direction: 'to-patient' | 'from-patient';
  readonly from: string;
  readonly fromName: string;
  readonly subject: string;
  readonly at: string;
  /** Sent with `X-MSS-MES: FIN`: the app's own sentence (REG-FIN-02). */
  readonly notReplyable?: string;
  readonly canReply: boolean;
  /** The documents attached to the message (its attachments), names and sizes. */
  readonly documents: readonly AttachedDocument[];
}

export interface AttachedDocument {
  readonly index: number;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
}

export interface AppConversation {
  readonly id: string;
  readonly counterpart: string;
  readonly counterpartName: string;
  readonly state: 'open' | 'closed';
  /** « <Nom> a mis fin à vos échanges… » when closed (REG-FIN-01, REG-MES-04). */
  readonly closedBanner?: string;
  readonly lastAt: string;
  readonly messages: readonly AppMessage[];
}

export interface Recipient {
  readonly address: string;
  readonly name: string;
}

export interface AppDocument {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly title: string;
  readonly date: string;
  readonly author: string;
  readonly fileName: string;
}

export interface PatientAppView {
  readonly ins: string;
  readonly address: string;
  readonly patient: { readonly firstName: string; readonly birthName: string } | null;
  /** The profile's state (active, opposed, closed, none), or `unknown` when no patient has this INS here. */
  readonly profile: string;
  readonly screen: PatientScreen;
  readonly conversations: readonly AppConversation[];
  readonly contacts: readonly Recipient[];
  readonly pharmacies: readonly (Recipient & { readonly postalCode: string; readonly city: string })[];
  readonly documents: readonly AppDocument[];
}

export interface ReadableMessage {
  readonly storeId: string;
  readonly from: readonly { readonly name: string; readonly address: string }[];
  readonly to: readonly string[];
  readonly subject: string;
  readonly at: string;
  readonly text: string;
  readonly attachments: readonly AttachedDocument[];
}

export interface FoundPharmacy {
  readonly address: string;
  readonly name: string;
  readonly frequented: boolean;
  /** Where it is, to tell homonym pharmacies apart (absent when the directory entry has no address). */
  readonly postalCode?: string;
  readonly city?: string;
}
