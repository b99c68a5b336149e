# language: fr
@simulateur
Fonctionnalité: Accès d'un client à sa boîte chez l'opérateur simulé
  Un client lit sa boîte en IMAP et s'authentifie avec un jeton Pro Santé Connect en XOAUTH2
  (SC.MSS/CONF.06, SC.MSS/CONF.07) ; c'est ainsi qu'il voit les avis de non-remise.

  @req:SC.MSS/CONF.07
  Scénario: l'avis de non-remise se lit en IMAP avec un jeton Pro Santé Connect
    Étant donné Dr Martin a écrit à Gérard
    Quand Dr Martin relève sa boîte en IMAP avec son jeton Pro Santé Connect
    Alors la boîte de Dr Martin contient un avis de non-remise de code 5.1.1

  @req:SC.MSS/CONF.10
  Scénario: une session Pro Santé Connect révoquée ne permet plus de relever la boîte
    Étant donné la session Pro Santé Connect de Dr Martin révoquée
    Quand Dr Martin relève sa boîte en IMAP avec son jeton Pro Santé Connect
    Alors la connexion IMAP de Dr Martin est refusée
