# language: fr
@simulateur
Fonctionnalité: Échanges avec un patient dans Mon espace santé
  Seuls les professionnels engagent un échange. Le patient répond aux professionnels qui lui
  ont écrit et n'ont pas mis fin à l'échange, et écrit aux pharmacies qu'il fréquente via leur
  boîte organisationnelle (REG-MES-03, REG-FIN-01 à REG-FIN-03).

  Contexte:
    Étant donné Camille, pharmacienne, en échange avec Louise

  @req:MES-FIN-01
  Règle: seul l'objet exact « [FIN] » clôt l'échange

    Scénario: la pharmacienne clôt l'échange avec l'objet « [FIN] »
      Quand Camille envoie à Louise un message d'objet « [FIN] »
      Alors Louise ne peut plus répondre à Camille, motif « a mis fin à vos échanges »

    Plan du scénario: un objet proche de « [FIN] » ne clôt pas l'échange
      Quand Camille envoie à Louise un message d'objet « <objet> »
      Alors Louise peut répondre à Camille

      Exemples:
        | objet      |
        | RE: [FIN]  |
        | [fin]      |
        | [FIN] fin  |

  @req:SC.MSS/CONF.21
  Règle: l'en-tête « X-MSS-MES: FIN » rend un seul message non répondable

    Scénario: le message marqué n'autorise pas la réponse, l'échange reste ouvert
      Quand Camille envoie à Louise un message non répondable
      Alors Louise ne peut pas répondre à ce message, motif « Ce message n'autorise pas la réponse. »
      Et Louise peut encore écrire à Camille

  @req:MES-REENG-01
  Règle: après la clôture, la patiente peut réengager l'échange avec la boîte organisationnelle de sa pharmacie

    Scénario: réengagement vers la boîte organisationnelle de la pharmacie fréquentée
      Étant donné Camille a mis fin à l'échange avec Louise
      Quand Louise écrit à Camille
      Alors Camille reçoit le message de Louise

    Scénario: écrire à la boîte nominative d'un pharmacien est refusé
      Quand Louise écrit à l'adresse « camille.dupre@pharmacien.mssante.fr »
      Alors le message de Louise est refusé, motif « ne vous a pas écrit »

  @req:MES-REPLYTO-01
  Règle: la réponse de la patiente suit l'adresse « Reply-To » du message reçu

    Scénario: la réponse de la patiente va à l'adresse « Reply-To »
      Étant donné Dr Martin a écrit à Louise en demandant que les réponses aillent à Sophie
      Quand Louise répond au dernier message
      Alors Sophie reçoit le message de Louise
