# language: fr
@conformite @capacite:patient-messaging
Fonctionnalité: Clôture d'échange et réponses des patients dans le logiciel testé
  Seul l'objet exact « [FIN] » clôt un échange avec un patient ; l'en-tête « X-MSS-MES: FIN »
  rend un seul message non répondable. Les réponses des patients arrivent au logiciel, qui les
  montre comme des messages de patients avec leur identité (REG-FIN-01 à REG-FIN-04,
  REG-MES-05, REG-MES-07 ; SC.MSS/CONF.21, SC.MSS/UX.25, SC.MSS/UX.31).

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille
    Et Camille a écrit à Louise depuis son logiciel

  @req:MES-FIN-01 @capacite:end-conversation-subject
  Scénario: la clôture par l'objet exact « [FIN] » empêche la patiente de répondre
    Quand Camille met fin à l'échange avec Louise par l'objet « [FIN] » depuis son logiciel
    Alors le dernier message transmis par le logiciel a pour objet exactement « [FIN] »
    Et Louise ne peut plus répondre à Camille, motif « a mis fin à vos échanges »

  @req:SC.MSS/CONF.21 @capacite:end-conversation-header
  Scénario: un message marqué « X-MSS-MES: FIN » n'autorise pas la réponse, l'échange reste ouvert
    Quand Camille envoie à Louise un message non répondable depuis son logiciel
    Alors le dernier message transmis par le logiciel porte l'en-tête « X-MSS-MES: FIN »
    Et Louise ne peut pas répondre à ce message, motif « Ce message n'autorise pas la réponse. »
    Et Louise peut encore écrire à Camille

  @req:SC.MSS/CONF.21 @capacite:end-conversation-header
  Scénario: la clôture demandée par l'en-tête part avec « X-MSS-MES: FIN » et ce message n'autorise pas la réponse
    Quand Camille met fin à l'échange avec Louise par l'en-tête « X-MSS-MES: FIN » depuis son logiciel
    Alors le dernier message transmis par le logiciel porte l'en-tête « X-MSS-MES: FIN »
    Et Louise ne peut pas répondre à ce message, motif « Ce message n'autorise pas la réponse. »

  @req:SC.MSS/UX.25 @req:SC.MSS/UX.31 @capacite:mailbox-sync
  Scénario: la réponse de la patiente est montrée comme message de patient, avec son identité
    Quand Louise répond au dernier message
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre un message de la patiente Louise avec son identité

  @req:MES-REENG-01 @req:SC.MSS/UX.25 @capacite:end-conversation-subject @capacite:mailbox-sync
  Scénario: après la clôture, la patiente réengage l'échange avec la boîte organisationnelle de la pharmacie
    Étant donné Camille a mis fin à l'échange avec Louise par l'objet « [FIN] » depuis son logiciel
    Quand Louise écrit à Camille
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre un message de la patiente Louise avec son identité

  @req:MES-REPLYTO-01 @capacite:reply @capacite:mailbox-sync
  Scénario: le logiciel répond à l'adresse « Reply-To » du message reçu
    Étant donné Dr Martin a écrit à Camille « Sortie d'hospitalisation de Louise » en demandant que les réponses aillent à Sophie
    Quand Camille répond depuis son logiciel au message « Sortie d'hospitalisation de Louise »
    Alors la réponse transmise par le logiciel est adressée à Sophie
