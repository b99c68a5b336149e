# language: fr
@conformite
Fonctionnalité: Adressage par le logiciel testé
  Le logiciel construit l'adresse Mon espace santé d'un patient à partir de son matricule INS
  qualifié, trouve ses correspondants dans l'Annuaire Santé, reste dans l'espace de confiance
  et écrit des messages bien formés (REG-ADR-01, REG-ADR-02, REG-ADR-04,
  REG-LB-04, REG-ANN-10 et REG-MSG-01 à REG-MSG-04).

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  @req:MSS/va1.19 @req:MES-ADR-01 @capacite:patient-messaging
  Scénario: l'adresse du patient est son INS qualifié de 15 caractères suivi du domaine patient
    Quand Camille écrit à Louise depuis son logiciel
    Alors le simulateur reçoit du logiciel un message pour « 284034912304586@patient.mssante.fr »

  @req:SC.MSS/UX.32 @capacite:patient-messaging
  Scénario: aucun message ne part vers un patient à l'identité non qualifiée
    Quand Camille écrit à Inès depuis son logiciel
    Alors le logiciel refuse l'envoi et le dit à l'utilisateur
    Et aucun message n'est transmis par le logiciel

  @req:MSS/va1.19 @req:MES-ADR-01 @capacite:patient-messaging
  Plan du scénario: un matricule INS détenu avec <défaut> ne donne aucune adresse : le logiciel refuse
    Quand Camille écrit à Louise, dont le matricule INS détenu est « <ins> », depuis son logiciel
    Alors le logiciel refuse d'écrire à cet INS invalide et le dit à l'utilisateur

    Exemples:
      | défaut            | ins            |
      | une clé fausse    | 284034912304599 |
      | 14 caractères     | 28403491230458  |

  @req:MSS/va1.19 @capacite:patient-messaging
  Scénario: deux patientes homonymes : chaque message part à l'adresse de l'INS de sa destinataire
    Quand Camille écrit à Louise « Entretien pharmaceutique (Louise, née en 1984) » depuis son logiciel
    Et Camille écrit à Louise Marchand, née en 1991 « Entretien pharmaceutique (Louise, née en 1991) » depuis son logiciel
    Alors le message « Entretien pharmaceutique (Louise, née en 1984) » transmis par le logiciel va à « 284034912304586@patient.mssante.fr » seulement
    Et le message « Entretien pharmaceutique (Louise, née en 1991) » transmis par le logiciel va à « 291074912345675@patient.mssante.fr » seulement

  @req:MES-ADR-02 @capacite:patient-messaging
  Scénario: un INS né en Corse garde « 2A » dans l'adresse
    Quand Camille écrit à Paul-Antoine depuis son logiciel
    Alors le simulateur reçoit du logiciel un message pour « 178042A00411701@patient.mssante.fr »

  @req:MSS-LB-04
  Scénario: un destinataire hors de l'espace de confiance est refusé et l'utilisateur le sait
    Quand Camille écrit à l'adresse « contact@exemple-hors-espace.fr » depuis son logiciel
    Alors le logiciel refuse l'envoi ou montre le refus de l'opérateur « 550 5.7.1 »
    Et son logiciel ne présente pas ce message comme envoyé

  @req:MSS/va1.12 @req:SC.MSS/CONF.16 @req:SC.MSS/CONF.19 @req:MSS/va1.11 @req:SC.MSS/CONF.05 @req:MSS/va1.16
  Scénario: un message porte un Message-ID unique, « X-MSS-NIL », de l'UTF-8 et une partie texte
    Quand Camille écrit à Dr Rousseau « Délivrance du traitement : posologie adaptée » depuis son logiciel
    Et Camille écrit à Dr Rousseau « Complément : renouvellement prévu » depuis son logiciel
    Alors chaque message transmis par le logiciel a un Message-ID différent
    Et chaque message transmis par le logiciel porte l'en-tête « X-MSS-NIL »
    Et chaque message transmis par le logiciel est en UTF-8 avec une partie text/plain
    Et dans chaque message transmis par le logiciel, la partie texte précède la partie HTML équivalente
    Et chaque message transmis par le logiciel porte le nom affiché de la boîte de son utilisateur
    Et Dr Rousseau reçoit le message d'objet « Délivrance du traitement : posologie adaptée »

  @req:MSS/va1.08 @capacite:reply @capacite:mailbox-sync
  Scénario: une réponse se rattache au message d'origine
    Étant donné Dr Rousseau a écrit à Camille « Traitement de Louise »
    Quand Camille répond depuis son logiciel au message « Traitement de Louise »
    Alors la réponse transmise par le logiciel porte In-Reply-To et References vers le message d'origine

  @req:SC.MSS/CONF.20 @capacite:directory-search
  Règle: le logiciel trouve ses destinataires dans l'Annuaire Santé

    Scénario: une pharmacie cherchée par son nom donne sa boîte organisationnelle
      Quand Camille cherche la pharmacie « Pharmacie des Tilleuls » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « pharmacie.tilleuls@pharmacien.mssante.fr » de type ORG

    Scénario: une pharmacie cherchée par code postal donne sa boîte organisationnelle
      Quand Camille cherche la pharmacie « 49991 » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « pharmacie.tilleuls@pharmacien.mssante.fr » de type ORG

    Scénario: un médecin cherché par son nom donne sa boîte nominative
      Quand Camille cherche le professionnel « Rousseau » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « helene.rousseau@medecin.mssante.fr » de type PER

    Scénario: un médecin dont la boîte nominative n'est publiée que sur sa situation d'exercice est trouvé par son nom
      Quand Camille cherche le professionnel « Martin » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « paul.martin@ch-valbrume.mssante.fr » de type PER

    Scénario: deux pharmacies homonymes : la recherche par nom propose les deux boîtes
      Quand Camille cherche la pharmacie « Pharmacie des Tilleuls » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « pharmacie.tilleuls@pharmacien.mssante.fr » de type ORG
      Et son logiciel propose la boîte « pharmacie.tilleuls-landes@pharmacien.mssante.fr » de type ORG

    Scénario: deux pharmacies homonymes : la recherche par code postal ne propose que celle de ce code postal
      Quand Camille cherche la pharmacie « 35990 » dans l'annuaire depuis son logiciel
      Alors son logiciel propose la boîte « pharmacie.tilleuls-landes@pharmacien.mssante.fr » de type ORG
      Et son logiciel ne propose pas la boîte « pharmacie.tilleuls@pharmacien.mssante.fr »
