# language: fr
@conformite
Fonctionnalité: Usages officinaux avec le logiciel testé
  Les situations de l'officine décrites par l'ANS et l'Ordre des pharmaciens (REG-OFF-01 à REG-OFF-06) :
  le logiciel de la pharmacie ou de l'hôpital échange avec les patients et les professionnels
  de l'espace de confiance, pièces jointes comprises : une pièce jointe arrive entière et
  intacte, même taille décodée et même SHA-256 (REG-MSG-10).

  @req:OFF-HPV-01 @capacite:patient-messaging
  Scénario: la pharmacie rappelle à la patiente la seconde injection du vaccin HPV
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille écrit à Louise « Vaccin HPV : rappel de la seconde injection » depuis son logiciel
    Alors Louise reçoit le message d'objet « Vaccin HPV : rappel de la seconde injection »

  @req:OFF-ALLERGIE-01
  Scénario: la pharmacie informe le médecin traitant d'une allergie à un excipient et de la substitution
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille écrit à Dr Rousseau « Allergie de Louise à un excipient : substitution par un autre générique » depuis son logiciel
    Alors Dr Rousseau reçoit le message d'objet « Allergie de Louise à un excipient : substitution par un autre générique »

  @req:OFF-BILAN-01 @req:MSS-PJ-01
  Scénario: la pharmacie adresse le bilan de médication au service hospitalier avant l'admission
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille envoie à Sophie le document « bilan-medication-louise.pdf » depuis son logiciel
    Alors Sophie reçoit le document « bilan-medication-louise.pdf » intact

  @req:OFF-CPTS-01 @capacite:directory-search
  Scénario: la pharmacie demande à la CPTS un médecin traitant pour un patient
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille cherche l'organisation « CPTS du Pays de Valbrume » dans l'annuaire depuis son logiciel
    Alors son logiciel propose la boîte « coordination@cpts-pays-valbrume.mssante.fr » de type ORG
    Quand Camille écrit à Nadia « Recherche d'un médecin traitant pour un patient » depuis son logiciel
    Alors Nadia reçoit le message d'objet « Recherche d'un médecin traitant pour un patient »

  @req:OFF-LIVRET-01 @req:MSS-PJ-01 @req:MSS/va1.16
  Scénario: le livret médical de l'hôpital parvient à chacun des professionnels de la patiente
    Étant donné le logiciel testé, utilisé par Dr Martin
    Quand Dr Martin envoie à Camille et à Dr Rousseau le document « livret-medical-louise.pdf » depuis son logiciel
    Alors Camille reçoit le document « livret-medical-louise.pdf » intact
    Et Dr Rousseau reçoit le document « livret-medical-louise.pdf » intact
    Et chaque message transmis par le logiciel porte le nom affiché de la boîte de son utilisateur

  @req:OFF-ORDO-01 @capacite:mailbox-sync
  Scénario: la patiente envoie son ordonnance à sa pharmacie, qui la reçoit dans son logiciel
    Étant donné le logiciel testé, utilisé par Camille
    Quand Louise envoie son ordonnance « ordonnance-louise.pdf » à Camille
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel montre un message de la patiente Louise avec son identité
    Et son logiciel montre la pièce jointe « ordonnance-louise.pdf »
