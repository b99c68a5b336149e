# language: fr
@simulateur
Fonctionnalité: Annuaire Santé et liste blanche publiés par le simulateur
  Le simulateur publie l'Annuaire Santé (API FHIR) et la liste blanche à partir du même jeu de
  données que les boîtes simulées (REG-LB-01, REG-ANN-06) : un client y trouve les destinataires
  en rédigeant (SC.MSS/CONF.20), et chaque boîte publiée est joignable.

  @req:ANN-PUB-01
  Scénario: les pharmacies d'un code postal et leur boîte organisationnelle sont publiées
    Quand on cherche dans l'Annuaire Santé les pharmacies du code postal « 49990 »
    Alors l'Annuaire Santé répond par la boîte de Camille

  @req:ANN-PUB-02
  Scénario: une boîte en liste rouge n'est jamais publiée
    Quand on cherche dans l'Annuaire Santé la boîte de Julien
    Alors l'Annuaire Santé ne répond par aucune boîte

  @req:ANN-PUB-03
  Scénario: un domaine retiré de la liste blanche disparaît de l'Annuaire et de la liste blanche
    Étant donné le domaine « cpts-pays-valbrume.mssante.fr » retiré de la liste blanche
    Quand on cherche dans l'Annuaire Santé la boîte de Nadia
    Alors l'Annuaire Santé ne répond par aucune boîte
    Et la liste blanche ne contient pas le domaine « cpts-pays-valbrume.mssante.fr »
