// node:util parseArgs errors say it in English: keep the option they name and say it in French,
// for every command line of the project (simulateur, conformite).

export function frenchParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^' ]+)/.exec(message)?.[1];
  const named = option === undefined ? '' : ` ${option}`;
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Option inconnue${named} : voyez --help.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Option${named} sans valeur : donnez-lui une valeur (voyez --help).`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Argument inattendu${named} : toutes les options ont la forme --nom valeur.`;
  return `Ligne de commande invalide : ${message}`;
}
