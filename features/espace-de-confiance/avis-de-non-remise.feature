# language: fr
@simulateur
Fonctionnalité: Avis de non-remise de Mon espace santé
  Un message adressé à une adresse Mon espace santé qui ne peut pas le recevoir est d'abord
  accepté, puis un avis de non-remise automatique revient dans la boîte de l'expéditeur, avec
  la phrase exacte du motif (REG-ANR-01 à REG-ANR-03). En mode strict, le simulateur refuse dès
  l'annonce du destinataire, avec le même code d'état.

  @req:MES-NDR-01
  Plan du scénario: un avis de non-remise revient pour une messagerie patient <situation>
    Quand Dr Martin écrit à <destinataire>
    Alors Dr Martin reçoit un avis de non-remise de code <code> indiquant « <motif> »

    Exemples:
      | situation                     | destinataire             | code  | motif                                                 |
      | dont le patient s'est opposé  | Gérard                   | 5.1.1 | car cette adresse Mon espace santé n'existe pas.      |
      | sans aucun profil             | Thomas                   | 5.1.1 | car cette adresse Mon espace santé n'existe pas.      |
      | clôturée                      | Yvette                   | 5.2.1 | car la messagerie Mon espace santé de votre destinataire est clôturée. |
      | à la clé INS fausse           | Adresse patient invalide | 5.1.3 | car cette adresse Mon espace santé est invalide.      |

  @req:MES-NDR-02
  Scénario: une patiente au profil actif reçoit le message, sans avis de non-remise
    Quand Dr Martin écrit à Louise
    Alors Louise reçoit le message de Dr Martin
    Et Dr Martin ne reçoit aucun avis de non-remise

  @req:MES-NDR-03
  Scénario: en mode strict, le destinataire est refusé dès l'annonce
    Étant donné le simulateur en mode strict
    Quand Dr Martin écrit à Yvette
    Alors l'envoi est refusé avec le code 550 5.2.1

  @req:MSS/va1.15
  Scénario: un accusé de remise est renvoyé quand l'expéditeur le demande
    Quand Dr Martin écrit à Louise en demandant un accusé de remise
    Alors Dr Martin reçoit un accusé de remise pour Louise
