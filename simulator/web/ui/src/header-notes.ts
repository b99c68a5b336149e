// What the MSSanté headers mean, in French, for the message detail (X-MSS-* highlighted
// and explained). Sources: REG-MSG-07 (SC.MSS/CONF.14, 15, 16, 21) and REG-FIN-02. Pure.

export interface HeaderNote {
  /** Whether the UI highlights the header. */
  readonly mss: boolean;
  readonly note?: string;
}

export function headerNote(name: string, value: string): HeaderNote {
  switch (name.toLowerCase()) {
    case 'x-mss-nil':
      return { mss: true, note: 'Référence produit du logiciel émetteur, obtenue lors de sa déclaration sur Convergence ; obligatoire sur tout message (SC.MSS/CONF.16).' };
    case 'x-mss-ins':
      return { mss: true, note: value.trim() === 'O' ? 'Le document CDA joint (archive IHE_XDM) porte une INS qualifiée (SC.MSS/CONF.14).' : 'Le document CDA joint ne porte pas d\'INS qualifiée (SC.MSS/CONF.14).' };
    case 'x-mss-codecda':
      return { mss: true, note: 'Code du type de document CDA contenu dans l\'archive IHE_XDM (SC.MSS/CONF.15).' };
    case 'x-mss-mes':
      return value.trim() === 'FIN'
        ? { mss: true, note: 'X-MSS-MES: FIN : le patient ne pourra pas répondre à ce message ; la conversation reste ouverte (SC.MSS/CONF.21).' }
        : { mss: true, note: 'Valeur inattendue : seule la valeur exacte « FIN » interdit la réponse du patient (SC.MSS/CONF.21).' };
    case 'subject':
      return value === '[FIN]' ? { mss: true, note: 'Objet exact « [FIN] » : clôt toute la conversation avec le patient ; il ne peut plus y répondre.' } : { mss: false };
    case 'return-receipt-to':
      return { mss: false, note: 'Demande d\'accusé de remise (MSS/va1.15).' };
    case 'disposition-notification-to':
      return { mss: false, note: 'Demande d\'accusé de lecture (SC.MSS/UX.33).' };
    case 'return-path':
      return { mss: false, note: value.trim() === '<>' ? 'Expéditeur d\'enveloppe vide : avis de non-remise, accusé ou autre message automatique, auquel on ne répond pas (RFC 5321 §4.4).' : 'Expéditeur d\'enveloppe (MAIL FROM), ajouté à la remise dans la boîte (RFC 5321 §4.4).' };
    case 'received':
      return { mss: false, note: 'Trace d\'acheminement ajoutée par le serveur qui a accepté le message : de quel poste, par quel serveur, comment (ESMTPSA : TLS et authentification) et quand (RFC 5321 §4.4).' };
    default:
      return name.toLowerCase().startsWith('x-mss-') ? { mss: true, note: 'En-tête MSSanté non référencé.' } : { mss: false };
  }
}
