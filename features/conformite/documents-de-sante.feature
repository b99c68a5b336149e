# language: fr
@conformite
Fonctionnalité: Envoyer des documents de santé depuis le logiciel testé
  Un message qui transmet des documents de santé concerne un seul patient. Il joint l'archive
  IHE_XDM.ZIP (INDEX.HTM et README.TXT à la racine, IHE_XDM/SUBSET01/METADATA.XML et les
  documents CDA R2) et les mêmes documents en PDF ; le patient y est désigné par le patientId de
  METADATA.XML ; l'en-tête X-MSS-INS vaut « O » seulement si l'archive contient une INS qualifiée,
  « N » sinon ; X-MSS-CODECDA porte le code des documents ; l'objet est
  « XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance> ». Le simulateur ouvre l'archive de
  chaque message et contrôle chacune de ces règles (hash et taille des documents, en-tête CDA).

  @req:SC.MSS/CONF.14 @req:SC.MSS/CONF.15 @req:SC.MSS/CONF.23 @req:SC.MSS/CONF.24 @req:SC.MSS/CONF.25 @capacite:documents
  Scénario: la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille envoie à Sophie le bilan partagé de médication de Louise depuis son logiciel
    Alors le message de documents de santé envoyé respecte les règles MSSanté
    Et son archive XDM désigne Louise par son INS qualifiée

  @req:SC.MSS/CONF.14 @req:SC.MSS/CONF.23 @req:SC.MSS/CONF.24 @req:SC.MSS/CONF.25 @req:MSS/va1.01 @capacite:documents
  Scénario: la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille envoie à Louise le compte rendu de biologie de Louise depuis son logiciel
    Alors le message de documents de santé envoyé respecte les règles MSSanté
    Et son archive XDM désigne Louise par son INS qualifiée

  @req:SC.MSS/CONF.14 @req:SC.MSS/CONF.24 @capacite:documents
  Scénario: le document d'une patiente à l'identité non qualifiée part sans INS et avec « X-MSS-INS: N »
    Étant donné le logiciel testé, utilisé par Camille
    Quand Camille envoie à Dr Rousseau le compte rendu de biologie d'Inès depuis son logiciel
    Alors le message de documents de santé envoyé respecte les règles MSSanté
    Et son archive XDM ne porte pas l'INS d'Inès, à l'identité non qualifiée
