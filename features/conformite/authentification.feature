# language: fr
@conformite
Fonctionnalité: Connexion et authentification du logiciel testé
  Le logiciel ouvre une boîte nominative ou organisationnelle en XOAUTH2 avec un jeton Pro Santé
  Connect qu'il obtient lui-même pour le professionnel, rouvre sans rien demander une session que
  l'opérateur coupe, ouvre une boîte applicative avec son certificat client puis AUTH PLAIN en
  signant ses messages d'une mention d'envoi automatique, et se configure depuis la seule adresse
  de la boîte (SC.MSS/CONF.04, SC.MSS/CONF.07, SC.MSS/CONF.11, SC.MSS/CONF.12, MSS/va1.09).

  @req:SC.MSS/CONF.07 @capacite:psc-authentication @capacite:mailbox-sync
  Plan du scénario: la boîte <type> de <utilisateur> s'ouvre en XOAUTH2 avec un jeton Pro Santé Connect obtenu par le logiciel
    Étant donné le logiciel testé, utilisé par <utilisateur>
    Quand <utilisateur> écrit à <destinataire> depuis son logiciel
    Et le logiciel de <utilisateur> relève sa boîte
    Alors chaque connexion du logiciel s'est authentifiée en XOAUTH2, en SMTP comme en IMAP, sans PLAIN ni LOGIN
    Et le logiciel a obtenu lui-même un jeton Pro Santé Connect pour <utilisateur>

    Exemples:
      | type              | utilisateur | destinataire |
      | organisationnelle | Camille     | Dr Rousseau  |
      | nominative        | Dr Rousseau | Camille      |

  @req:SC.MSS/CONF.11 @capacite:psc-authentication @capacite:session-reopening @capacite:mailbox-sync
  Scénario: l'opérateur coupe la session alors que l'authentification reste valable : le logiciel la rouvre sans rien demander
    Étant donné le logiciel testé, utilisé par Camille
    Et Dr Rousseau a écrit à Camille « Avant la coupure »
    Et le logiciel de Camille relève sa boîte
    Quand l'opérateur coupe les connexions du logiciel de Camille
    Et Dr Rousseau a écrit à Camille « Après la coupure »
    Et le logiciel de Camille relève de nouveau sa boîte
    Alors le logiciel a rouvert sa session sans rien demander à son utilisateur et montre le message « Après la coupure »

  @req:SC.MSS/CONF.12 @capacite:app-mailbox
  Scénario: la boîte applicative se connecte avec son certificat client puis AUTH PLAIN
    Étant donné le logiciel testé, utilisé par DPI du CH de Valbrume avec le certificat client de sa boîte applicative
    Quand DPI du CH de Valbrume écrit à Dr Rousseau « Compte rendu d'hospitalisation » depuis son logiciel
    Alors chaque connexion du logiciel a présenté le certificat client de la boîte puis s'est authentifiée en PLAIN
    Et Dr Rousseau reçoit le message d'objet « Compte rendu d'hospitalisation »

  @req:MSS/va1.09 @capacite:app-mailbox
  Scénario: un message de la boîte applicative finit par la mention d'envoi automatique et porte Reply-To vers une boîte PER ou ORG
    Étant donné le logiciel testé, utilisé par DPI du CH de Valbrume avec le certificat client de sa boîte applicative
    Quand DPI du CH de Valbrume écrit à Dr Rousseau « Livret de sortie » depuis son logiciel
    Alors le message transmis par le logiciel se termine par la mention d'envoi automatique
    Et le message transmis par le logiciel porte un Reply-To vers une boîte PER ou ORG, nommée dans la mention

  @req:SC.MSS/CONF.04 @capacite:autoconfig @capacite:mailbox-sync
  Scénario: avec la seule adresse de sa boîte, le logiciel se configure depuis le document autoconfig et s'y connecte
    Étant donné le logiciel testé, utilisé par Camille, configuré par la seule adresse de sa boîte
    Quand Camille écrit à Dr Rousseau « Premier message après configuration » depuis son logiciel
    Alors le logiciel a lu le document autoconfig du domaine de sa boîte
    Et Dr Rousseau reçoit le message d'objet « Premier message après configuration »
    Et le logiciel de Camille relève sa boîte
    Et le logiciel s'est connecté en SMTP et en IMAP aux serveurs que nomme le document autoconfig
