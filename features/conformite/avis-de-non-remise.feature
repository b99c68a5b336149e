# language: fr
@conformite @capacite:patient-messaging
Fonctionnalité: Avis de non-remise lus par le logiciel testé
  Quand Mon espace santé ne peut pas remettre un message, l'opérateur renvoie un avis de
  non-remise (RFC 3464). Le logiciel montre le message comme non remis avec le motif, rattache
  l'avis au message envoyé, ne renvoie pas le message et ne répond jamais à l'avis
  (REG-ANR-03, REG-ANR-09 à REG-ANR-11 ; SC.MSS/UX.30, SC.MSS/UX.35).

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  @req:SC.MSS/UX.30 @req:SC.MSS/UX.35 @req:MES-NDR-04 @req:MES-NDR-05 @capacite:mailbox-sync
  Plan du scénario: message à <patient> non remis : le logiciel montre le motif et s'arrête là
    Quand Camille écrit à <patient> depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre le message comme non remis, motif « <motif> »
    Et son logiciel rattache l'avis de non-remise au message envoyé
    Et le logiciel n'a transmis qu'une fois le message pour <patient>
    Et le logiciel ne répond pas à l'avis de non-remise

    Exemples:
      | patient | motif                                                       |
      | Gérard  | cette adresse Mon espace santé n'existe pas                  |
      | Yvette  | la messagerie Mon espace santé de votre destinataire est clôturée |
      | Thomas  | cette adresse Mon espace santé n'existe pas                  |

  @req:SC.MSS/UX.30 @req:SC.MSS/UX.35 @req:MES-NDR-04 @capacite:mailbox-sync
  Plan du scénario: l'adresse invalide « <adresse> » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message
    Quand Camille écrit à l'adresse « <adresse> » depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors le logiciel refuse l'adresse avant l'envoi, ou la montre non remise, motif « <motif> », rattachée au message envoyé

    Exemples: clé ou longueur du matricule INS fausse
      | adresse                            | motif                           |
      | 284034912304599@patient.mssante.fr | cette adresse Mon espace santé est invalide |
      | 28403491230458@patient.mssante.fr  | cette adresse Mon espace santé est invalide |

  @req:SC.MSS/UX.30 @req:MES-NDR-06 @capacite:mailbox-sync
  Scénario: un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise
    Quand Camille écrit à Louise avec une pièce jointe de 20 Mo depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre le message comme non remis, motif « dépasse la limite de 25 Mo »
    Et son logiciel rattache l'avis de non-remise au message envoyé

  @req:SC.MSS/UX.30 @req:SC.MSS/UX.35 @capacite:mailbox-sync
  Scénario: une boîte de professionnel inconnue revient en avis de non-remise
    Quand Camille écrit à l'adresse « dr.inconnu@medecin.mssante.fr » depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre le message comme non remis, motif « cette boîte aux lettres MSSanté n'existe pas »
    Et son logiciel rattache l'avis de non-remise au message envoyé
    Et le logiciel ne répond pas à l'avis de non-remise

  @req:SC.MSS/UX.30 @req:SC.MSS/UX.35 @req:MSS/va1.14 @capacite:mailbox-sync @capacite:delivery-receipts
  Scénario: plusieurs messages en vol : chaque avis et chaque accusé est rattaché au message qu'il concerne, pas au dernier envoyé
    Quand Camille écrit à Gérard depuis son logiciel
    Et Camille écrit à Dr Rousseau en demandant un accusé de remise depuis son logiciel
    Et Camille écrit à Yvette depuis son logiciel
    Et Camille écrit à Louise depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre chaque message envoyé dans son état, avec l'avis qui le concerne :
      | destinataire | état      | motif                                                       |
      | Gérard       | non remis | cette adresse Mon espace santé n'existe pas                  |
      | Dr Rousseau  | remis     |                                                             |
      | Yvette       | non remis | la messagerie Mon espace santé de votre destinataire est clôturée |
      | Louise       | envoyé    |                                                             |

  @req:MES-NDR-03 @req:MES-NDR-04
  Scénario: en mode strict, le refus à l'annonce du destinataire est montré et l'envoi n'est pas répété
    Étant donné le simulateur en mode strict
    Quand Camille écrit à Gérard depuis son logiciel
    Alors le logiciel montre l'échec de l'envoi avec la réponse « 550 5.1.1 »
    Et son logiciel ne présente pas ce message comme envoyé
    Et le logiciel n'a tenté qu'une fois l'envoi pour Gérard
