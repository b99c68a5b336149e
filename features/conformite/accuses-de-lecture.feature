# language: fr
@conformite @capacite:read-receipts
Fonctionnalité: Accusés de lecture avec le logiciel testé
  L'utilisateur peut demander un accusé de lecture sur tout message (en-tête
  « Disposition-Notification-To » vers sa propre boîte) et le logiciel sait en renvoyer un quand
  un message reçu le demande : un rapport « multipart/report; report-type=disposition-notification »
  qui nomme le message lu par son Message-ID (RFC 8098 ; REG-MSG-06 ; SC.MSS/UX.33, SC.MSS/UX.34).
  Le logiciel le renvoie au plus tard à la relève qui lui apporte le message.

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  @req:SC.MSS/UX.33
  Scénario: l'utilisateur demande un accusé de lecture : le message le demande pour sa boîte
    Quand Camille écrit à Dr Rousseau en demandant un accusé de lecture depuis son logiciel
    Alors le message transmis par le logiciel demande un accusé de lecture à la boîte de Camille
    Et Dr Rousseau reçoit le message d'objet « Message avec accusé de lecture »

  @req:SC.MSS/UX.34 @capacite:mailbox-sync
  Scénario: un message reçu demande un accusé de lecture : le logiciel le renvoie, rattaché au message lu
    Étant donné Dr Rousseau a écrit à Camille « Résultats de Louise » en demandant un accusé de lecture
    Quand le logiciel de Camille relève sa boîte
    Alors Dr Rousseau reçoit du logiciel un accusé de lecture du message « Résultats de Louise »
