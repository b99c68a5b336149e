# language: fr
@conformite
Fonctionnalité: Accusés de remise lus par le logiciel testé
  Quand l'expéditeur demande un accusé de remise, l'opérateur du destinataire en renvoie un
  (RFC 3464, action « delivered ») et le logiciel montre que le message a été remis
  (REG-ANR-08 ; MSS/va1.14, MSS/va1.15).

  @req:MSS/va1.14 @capacite:delivery-receipts @capacite:mailbox-sync
  Scénario: le logiciel montre le message comme remis quand l'accusé de remise arrive
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille écrit à Dr Rousseau en demandant un accusé de remise depuis son logiciel
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre le message comme remis
