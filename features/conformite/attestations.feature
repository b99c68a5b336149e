# language: fr
@conformite @attestation
Fonctionnalité: Attestations : ce que le trafic ne montre pas
  Certaines exigences portent sur l'intérieur du logiciel : ses traces, ce qu'il garde en
  mémoire, l'intégration des documents reçus dans le dossier du patient. Aucun octet échangé
  avec l'opérateur ne les montre (REG-LOG, REG-INT). La personne devant le logiciel suit la
  procédure puis répond par oui ou par non ; la question et la réponse vont au rapport. Ces
  scénarios demandent le pilote manuel ; avec un autre pilote ils sont inapplicables.

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  Plan du scénario: <sujet>
    Quand la personne devant le logiciel suit la procédure « <procédure> »
    Alors elle atteste que « <affirmation> »

    @req:SC.MSS/CONF.08
    Exemples: erreur de connexion isolée
      | sujet | procédure | affirmation |
      | une erreur de connexion reste isolée | arrêtez le simulateur (Ctrl+C dans son terminal) ou débranchez le réseau, utilisez une autre fonction du logiciel, puis relancez le simulateur | le logiciel a prévenu que la messagerie était injoignable et ses autres fonctions ont continué de marcher |

    @req:SC.MSS/CONF.17 @req:SC.MSS/CONF.18 @req:SC.MSS/UX.37
    Exemples: traces fonctionnelles
      | sujet | procédure | affirmation |
      | les opérations sur la boîte sont tracées | envoyez un message à un patient, relevez la boîte, puis ouvrez les traces du logiciel | chaque opération est tracée avec son auteur, l'heure locale, le type d'action, la requête et la réponse du serveur, y compris un échec |

    @req:SC.MSS/CONF.28
    Exemples: jeton Pro Santé Connect en mémoire seulement
      | sujet | procédure | affirmation |
      | le jeton Pro Santé Connect n'est jamais enregistré | connectez-vous avec Pro Santé Connect, fermez le logiciel, puis cherchez le jeton dans ses fichiers, sa base et ses traces | le jeton d'accès n'apparaît dans aucun fichier, aucune base ni aucune trace du logiciel |

    @req:SC.MSS/CONF.22
    Exemples: liste de révocation
      | sujet | procédure | affirmation |
      | la dernière liste de révocation valide est gardée | rendez injoignable l'adresse de téléchargement de la liste de révocation, puis connectez le logiciel à l'opérateur | le logiciel contrôle les certificats avec la dernière liste de révocation valide qu'il a gardée |

    @req:MSS/va1.13
    Exemples: taille maximale de l'opérateur
      | sujet | procédure | affirmation |
      | la taille maximale des messages de l'opérateur est respectée | joignez à un message des fichiers dont le total dépasse la taille maximale annoncée par l'opérateur (SIZE, 25 Mo vers un patient) | le logiciel prévient avant l'envoi et n'envoie pas un message que l'opérateur refuserait pour sa taille |

    @req:MSS/va1.18
    Exemples: adresse de retour d'une boîte applicative
      | sujet | procédure | affirmation |
      | l'adresse de retour d'une boîte applicative se règle | ouvrez le paramétrage des envois automatiques de la boîte applicative | l'adresse de retour (Reply-To) se règle vers une boîte organisationnelle distincte de l'expéditeur |

    @req:MSS/va1.22
    Exemples: refus de la messagerie des professionnels
      | sujet | procédure | affirmation |
      | le refus du patient de la messagerie des professionnels est enregistré | enregistrez dans le dossier de Louise son refus que des informations la concernant passent par la messagerie des professionnels, puis tentez d'envoyer son compte rendu à Dr Rousseau | le refus est enregistré dans le dossier et le logiciel n'envoie pas le compte rendu |

  @capacite:patient-messaging
  Plan du scénario: <sujet>
    Quand la personne devant le logiciel suit la procédure « <procédure> »
    Alors elle atteste que « <affirmation> »

    @req:MSS/va1.20
    Exemples: refus de la messagerie patient
      | sujet | procédure | affirmation |
      | le refus du patient de la messagerie patient est enregistré | enregistrez dans le dossier de Louise son refus de recevoir des messages par sa messagerie Mon espace santé, puis tentez de lui écrire | le refus est enregistré dans le dossier et le logiciel n'envoie pas le message |

  @capacite:documents
  Plan du scénario: <sujet>
    Quand la personne devant le logiciel suit la procédure « <procédure> »
    Alors elle atteste que « <affirmation> »

    @req:SC.MSS/CONF.26
    Exemples: PDF/A-1 et CDA
      | sujet | procédure | affirmation |
      | le PDF/A-1 vient des mêmes données que le CDA | envoyez un compte rendu avec son archive IHE XDM et son PDF, puis comparez le PDF au document CDA affiché par le logiciel | le PDF/A-1 reprend les mêmes données que le document CDA |

  @capacite:documents-reception
  Plan du scénario: <sujet>
    Quand la personne devant le logiciel suit la procédure « <procédure> »
    Alors elle atteste que « <affirmation> »

    @req:SC.MSS/UX.02 @req:SC.MSS/UX.08
    Exemples: score de rapprochement
      | sujet | procédure | affirmation |
      | un score de similarité guide le rapprochement | faites envoyer par l'hôpital le livret médical de Louise, puis ouvrez le rapprochement du document | le logiciel affiche un score de similarité entre l'identité du document et les dossiers proposés, et n'intègre automatiquement que selon son algorithme paramétré |

    @req:SC.MSS/UX.03
    Exemples: appel au téléservice INSi
      | sujet | procédure | affirmation |
      | l'identité d'un document reçu est vérifiée auprès de l'INSi | faites envoyer le livret médical d'un patient absent de la base, puis suivez son rapprochement | le logiciel appelle le téléservice INSi (ou le propose) avant de qualifier l'identité |

    @req:SC.MSS/UX.04
    Exemples: jamais sur le seul matricule
      | sujet | procédure | affirmation |
      | un document n'est jamais intégré sur le seul matricule INS | faites envoyer un document dont le matricule INS est celui de Louise mais dont le prénom et la date de naissance diffèrent | le logiciel n'intègre pas le document et le met en liste de travail en signalant l'incohérence des traits |

    @req:SC.MSS/UX.13 @req:SC.MSS/UX.14 @req:SC.MSS/UX.15
    Exemples: identité provisoire et nouveau rapprochement
      | sujet | procédure | affirmation |
      | un document sans dossier peut être rapproché plus tard | faites envoyer le document d'un patient absent de la base, créez son dossier réduit, puis mettez à jour son identité | le logiciel crée un dossier réduit depuis l'identité provisoire, recalcule les scores et rapproche le document après la mise à jour |

    @req:SC.MSS/UX.06 @req:SC.MSS/UX.16
    Exemples: règles d'intégration
      | sujet | procédure | affirmation |
      | les règles d'intégration se paramètrent | ouvrez le paramétrage de l'intégration des documents reçus, puis ses statistiques | les règles d'intégration automatique se paramètrent et le logiciel affiche des statistiques d'intégration |

    @req:SC.MSS/UX.10 @req:SC.MSS/UX.11 @req:SC.MSS/UX.12 @req:SC.MSS/UX.41 @req:SC.MSS/UX.42 @req:MSS/va1.25
    Exemples: liste de travail et intégration manuelle
      | sujet | procédure | affirmation |
      | un document non rapproché attend en liste de travail | faites envoyer un document dont l'identité ne correspond à aucun dossier, ouvrez la liste de travail, puis intégrez-le à la main dans le dossier de Louise | le document attend dans la liste de travail avec ses métadonnées CDA jusqu'à son traitement, se revoit tant qu'il n'est pas intégré, et s'intègre à la main |

    @req:SC.MSS/UX.40 @req:MSS/va1.28
    Exemples: documents intégrés non lus
      | sujet | procédure | affirmation |
      | les documents intégrés automatiquement non lus se listent | faites envoyer le livret médical de Louise avec son INS qualifié, puis ouvrez la liste des documents non lus | le document intégré automatiquement figure dans la liste des non lus et se classe en un clic |

    @req:SC.MSS/UX.05 @req:CDA.03
    Exemples: versions d'un document
      | sujet | procédure | affirmation |
      | un document qui en remplace un autre est signalé | faites envoyer deux versions du même document de Louise, la plus récente d'abord | le logiciel signale le remplacement et propose de garder la version la plus récente |

    @req:CDA.04 @req:CDA.05 @req:CDA.06 @req:CDA.07 @req:CDA.08
    Exemples: présentation d'un document CDA
      | sujet | procédure | affirmation |
      | un document CDA reçu est présenté en entier | ouvrez le livret médical reçu pour Louise | le document est classé selon son typeCode ; le corps non structuré, le corps structuré, les métadonnées et la provenance s'affichent, la provenance sans clic de plus |
