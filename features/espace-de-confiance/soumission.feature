# language: fr
@simulateur @req:MSS-SUB-01
Fonctionnalité: Soumission d'un message à l'opérateur simulé
  L'opérateur n'accepte un message qu'après STARTTLS puis AUTH, et seulement de la boîte
  authentifiée, dans l'enveloppe comme dans l'en-tête From (REG-SMTP-01 à REG-SMTP-03,
  SC.MSS/CONF.05). Chaque refus a son code et son explication en français.

  Scénario: sans STARTTLS, l'authentification est refusée
    Quand Dr Martin envoie à Dr Rousseau sans STARTTLS
    Alors l'envoi est refusé avec le code 530 5.7.0
    Et Dr Rousseau ne reçoit aucun message

  Scénario: sans authentification, l'envoi est refusé
    Quand Dr Martin envoie à Dr Rousseau sans s'authentifier
    Alors l'envoi est refusé avec le code 530 5.7.0
    Et Dr Rousseau ne reçoit aucun message

  Scénario: l'expéditeur d'enveloppe doit être la boîte authentifiée
    Quand Dr Martin envoie à Dr Rousseau avec l'expéditeur d'enveloppe de Camille
    Alors l'envoi est refusé avec le code 550 5.7.1
    Et Dr Rousseau ne reçoit aucun message

  Scénario: l'en-tête From doit être la boîte authentifiée
    Quand Dr Martin envoie à Dr Rousseau avec l'en-tête From de Camille
    Alors l'envoi est refusé avec le code 550 5.7.1
    Et Dr Rousseau ne reçoit aucun message

  Scénario: la boîte authentifiée, après STARTTLS, envoie normalement
    Quand Dr Martin écrit à Dr Rousseau
    Alors Dr Rousseau reçoit le message de Dr Martin
