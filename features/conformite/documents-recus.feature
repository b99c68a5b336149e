# language: fr
@conformite
Fonctionnalité: Recevoir des documents de santé dans le logiciel testé
  Le logiciel détecte les messages qui joignent une archive IHE_XDM.ZIP, masque le préfixe
  « XDM/1.0/DDM+ » de l'objet dans ses listes, intègre automatiquement un document au dossier du
  patient seulement si l'INS qualifiée du document correspond strictement à une identité
  qualifiée de sa base, le met en liste de travail sinon, et n'intègre pas une seconde fois un
  document dont l'identifiant est déjà intégré.

  Contexte:
    Étant donné le logiciel testé, utilisé par Camille

  @req:SC.MSS/UX.01 @req:SC.MSS/UX.07 @req:SC.MSS/UX.28 @capacite:documents-reception
  Scénario: le livret médical de Louise, envoyé par l'hôpital, est intégré à son dossier
    Étant donné Louise, à l'identité qualifiée, dans la base patients du logiciel de Camille
    Quand Dr Martin envoie à Camille le livret médical de Louise
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel détecte le document de santé du message « LIVRET MEDICAL MARCHAND Louise 12/03/1984 »
    Et son logiciel intègre le document au dossier de Louise

  @req:SC.MSS/UX.01 @req:SC.MSS/UX.09 @capacite:documents-reception
  Scénario: sans identité qualifiée correspondante, le livret médical va en liste de travail
    Étant donné Louise, à l'identité non qualifiée, dans la base patients du logiciel de Camille
    Quand Dr Martin envoie à Camille le livret médical de Louise
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel met le document en liste de travail

  @req:CDA.01 @capacite:documents-reception
  Scénario: un document déjà intégré n'est pas intégré une seconde fois
    Étant donné Louise, à l'identité qualifiée, dans la base patients du logiciel de Camille
    Et Dr Martin a envoyé à Camille le livret médical de Louise
    Quand Dr Martin envoie à Camille le livret médical de Louise
    Et le logiciel de Camille relève sa boîte
    Alors son logiciel refuse le second exemplaire du document, déjà intégré
