// Cross-checks of operators.json: unique ids, hosts and domains; certificate CN = host name
// (liste blanche, REG-LB-01); the patient domain is hosted (REG-ADR-01).
import { domainKey } from '../../domain/address-key.ts';
import { PATIENT_DOMAIN, type Operator } from '../../domain/model.ts';
import { duplicateProblems } from './duplicate-problems.ts';
import { fixtureProblem, jsonPointer, quoted, type FixtureProblem } from './fixture-problem.ts';

const FILE = 'operators.json';

export function operatorProblems(operators: readonly Operator[]): FixtureProblem[] {
  return [
    ...duplicateProblems(operators, {
      file: FILE,
      array: ['operators'],
      property: 'id',
      keyOf: (operator) => operator.id,
      label: "identifiant d'opérateur",
      fix: "donnez à chaque opérateur un identifiant unique",
    }),
    ...operators.flatMap((operator, index) => [...domainDuplicates(operator, index), ...certificateNameProblems(operator, index)]),
    ...hostDuplicates(operators),
    ...patientDomainProblems(operators),
  ];
}

function domainDuplicates(operator: Operator, index: number): FixtureProblem[] {
  return duplicateProblems(operator.domains, {
    file: FILE,
    array: ['operators', index, 'domains'],
    property: 'name',
    keyOf: (domain) => domain.name,
    label: 'domaine',
    fix: "ne déclarez chaque domaine qu'une fois par opérateur",
  });
}

function certificateNameProblems(operator: Operator, index: number): FixtureProblem[] {
  return operator.servers.flatMap((server, serverIndex) => {
    const commonName = /^CN=([^,]+),/.exec(server.certificateDn)?.[1];
    if (commonName === undefined || domainKey(commonName) === domainKey(server.host)) return [];
    return [
      fixtureProblem(
        FILE,
        jsonPointer('operators', index, 'servers', serverIndex, 'certificateDn'),
        `le CN du certificat (${quoted(commonName)}) n'est pas le nom d'hôte du serveur (${quoted(server.host)})`,
        `écrivez « CN=${server.host},… » ou corrigez host`,
      ),
    ];
  });
}

function hostDuplicates(operators: readonly Operator[]): FixtureProblem[] {
  const servers = operators.flatMap((operator, index) => operator.servers.map((server, serverIndex) => ({ server, index, serverIndex })));
  const seen = new Map<string, string>();
  const problems: FixtureProblem[] = [];
  for (const { server, index, serverIndex } of servers) {
    const path = jsonPointer('operators', index, 'servers', serverIndex, 'host');
    const first = seen.get(domainKey(server.host));
    if (first === undefined) seen.set(domainKey(server.host), path);
    else {
      const message = `serveur ${quoted(server.host)} en double (première occurrence : ${first})`;
      problems.push(fixtureProblem(FILE, path, message, "chaque serveur appartient à un seul opérateur : changez le nom d'hôte"));
    }
  }
  return problems;
}

function patientDomainProblems(operators: readonly Operator[]): FixtureProblem[] {
  const hosted = operators.some((operator) => operator.domains.some((domain) => domainKey(domain.name) === PATIENT_DOMAIN));
  if (hosted) return [];
  return [
    fixtureProblem(
      FILE,
      jsonPointer('operators'),
      `le domaine ${PATIENT_DOMAIN} de Mon espace santé n'est hébergé par aucun opérateur`,
      `ajoutez le domaine ${PATIENT_DOMAIN} (whitelisted: true) à un opérateur, comme la CNAM dans le jeu par défaut`,
    ),
  ];
}
