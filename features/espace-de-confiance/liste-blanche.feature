# language: fr
@simulateur
Fonctionnalité: Frontière de l'espace de confiance
  Seuls les domaines de la liste blanche MSSanté appartiennent à l'espace de confiance : un
  destinataire hors liste est refusé dès l'annonce (REG-LB-02, décision 550 5.7.1). Une
  boîte inconnue d'un domaine de la liste donne un avis de non-remise 5.1.1.

  @req:MSS-LB-01
  Scénario: un destinataire hors de l'espace de confiance est refusé
    Quand Camille écrit à Adresse hors espace de confiance
    Alors l'envoi est refusé avec le code 550 5.7.1

  @req:MSS-LB-02
  Scénario: un domaine retiré de la liste blanche est refusé
    Quand Camille écrit à Laboratoire des Landes de Brume
    Alors l'envoi est refusé avec le code 550 5.7.1

  @req:MSS-LB-03
  Scénario: une boîte inconnue d'un domaine de confiance donne un avis de non-remise
    Quand Camille écrit à l'adresse « inconnu@medecin.mssante.fr »
    Alors Camille reçoit un avis de non-remise de code 5.1.1 indiquant « car cette boîte aux lettres MSSanté n'existe pas. »

  @req:MSS-PM-01
  Scénario: le postmaster d'un domaine de confiance reçoit son courrier, sans avis de non-remise
    Quand Camille écrit à l'adresse « PostMaster@medecin.mssante.fr »
    Alors la boîte « postmaster@medecin.mssante.fr » reçoit le message de Camille
    Et Camille ne reçoit aucun avis de non-remise
