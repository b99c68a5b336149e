# language: fr
@conformite
Fonctionnalité: Bilan de fin de campagne
  Certains manquements ne se voient qu'à l'échelle de la campagne entière : un message en échec
  permanent renvoyé par le logiciel quelques secondes plus tard, pendant un autre scénario, ou un
  Message-ID repris d'un scénario à l'autre. Le banc tient un registre de toute la campagne que la
  remise à zéro entre deux scénarios n'efface pas. Les deux scénarios de bilan, joués en dernier
  (le nom du fichier les place après les autres ; en parallèle, ils attendent la fin de tous les
  autres), le relisent après une fenêtre d'observation de 6 s suivant le dernier échec permanent
  et nomment, pour chaque manquement, le scénario et le message d'origine (REG-ANR-10, REG-MSG-01).

  @req:MES-NDR-04 @bilan-de-campagne
  Scénario: aucun renvoi après un échec permanent, sur toute la campagne
    Alors aucun message en échec permanent n'a été renvoyé pendant la campagne

  @req:MSS/va1.12 @bilan-de-campagne
  Scénario: aucun Message-ID repris d'un scénario à l'autre, sur toute la campagne
    Alors aucun Message-ID n'a servi à deux messages pendant la campagne
