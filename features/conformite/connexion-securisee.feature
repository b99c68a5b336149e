# language: fr
@conformite
Fonctionnalité: Connexion sécurisée du logiciel testé à son opérateur
  Le logiciel ne parle à son opérateur qu'en TLS 1.2 ou 1.3, avec les seules suites de
  chiffrement de l'ANS en TLS 1.2 ; il n'envoie ses identifiants qu'après STARTTLS, en SMTP
  comme en IMAP ; il vérifie le certificat du serveur et refuse un opérateur qui ne respecte
  pas ces règles : il n'envoie alors ni identifiants ni message, et le dit à l'utilisateur
  (REG-TLS-01, REG-TLS-02, REG-TLS-03, REG-TLS-06 ; SC.MSS/CONF.01, CONF.03, CONF.05, CONF.06,
  CONF.27 ; MSS/va1.03, MSS/va1.04, MSS/va1.31).

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  Règle: le logiciel ne propose que TLS 1.2 ou 1.3 et les suites de l'ANS, et s'authentifie sous TLS

    @req:SC.MSS/CONF.01 @req:SC.MSS/CONF.03 @req:SC.MSS/CONF.05 @req:MSS/va1.03 @req:MSS/va1.31
    Scénario: à l'envoi, le logiciel se limite à TLS 1.2 ou 1.3 et aux suites de l'ANS
      Quand Camille écrit à Dr Rousseau depuis son logiciel
      Alors le logiciel n'a proposé et négocié que TLS 1.2 ou 1.3 avec les suites de la liste de l'ANS
      Et le logiciel ne s'est authentifié qu'une fois TLS établi

    @req:SC.MSS/CONF.01 @req:SC.MSS/CONF.03 @req:SC.MSS/CONF.06 @req:MSS/va1.03 @req:MSS/va1.31 @capacite:mailbox-sync
    Scénario: à la relève, le logiciel se limite à TLS 1.2 ou 1.3 et n'envoie ses identifiants qu'après STARTTLS
      Quand le logiciel de Camille relève sa boîte
      Alors le logiciel n'a proposé et négocié que TLS 1.2 ou 1.3 avec les suites de la liste de l'ANS
      Et le logiciel ne s'est authentifié qu'une fois TLS établi

  Règle: face à un opérateur à refuser, le logiciel s'arrête après la négociation TLS et le dit

    Plan du scénario: envoi abandonné face à un opérateur qui présente <défaut>
      Étant donné que l'opérateur présente <défaut>
      Quand Camille écrit à Dr Rousseau depuis son logiciel
      Alors le logiciel abandonne la connexion sans s'authentifier ni transmettre de message
      Et le logiciel dit à l'utilisateur que la connexion sécurisée a échoué

      @req:SC.MSS/CONF.01 @req:MSS/va1.03 @req:MSS/va1.31
      Exemples: versions anciennes
        | défaut                       |
        | seulement TLS 1.0 et TLS 1.1 |

      @req:SC.MSS/CONF.03
      Exemples: suites hors liste
        | défaut                                                        |
        | seulement des suites de chiffrement hors de la liste de l'ANS |

      @req:SC.MSS/CONF.27 @req:MSS/va1.04
      Exemples: certificat expiré
        | défaut               |
        | un certificat expiré |

      @req:SC.MSS/CONF.27
      Exemples: certificat d'un autre serveur ou d'une autre autorité
        | défaut                                                         |
        | un certificat au nom d'un autre serveur                        |
        | un certificat d'une autorité étrangère à l'espace de confiance |

    @capacite:mailbox-sync
    Plan du scénario: relève abandonnée face à un opérateur qui présente <défaut>
      Étant donné que l'opérateur présente <défaut>
      Quand le logiciel de Camille relève sa boîte
      Alors le logiciel abandonne la connexion sans s'authentifier ni transmettre de message
      Et le logiciel dit à l'utilisateur que la connexion sécurisée a échoué

      @req:SC.MSS/CONF.01 @req:MSS/va1.03 @req:MSS/va1.31
      Exemples: versions anciennes
        | défaut                       |
        | seulement TLS 1.0 et TLS 1.1 |

      @req:SC.MSS/CONF.03
      Exemples: suites hors liste
        | défaut                                                        |
        | seulement des suites de chiffrement hors de la liste de l'ANS |

      @req:SC.MSS/CONF.27 @req:MSS/va1.04
      Exemples: certificat expiré
        | défaut               |
        | un certificat expiré |

      @req:SC.MSS/CONF.27
      Exemples: certificat d'un autre serveur ou d'une autre autorité
        | défaut                                                         |
        | un certificat au nom d'un autre serveur                        |
        | un certificat d'une autorité étrangère à l'espace de confiance |
