// The client did nothing (manual driver): no traffic before the deadline, and the person
// attested that the software did not refuse either. A conformance failure, not a setup error: the
// client under test was asked to act and did not.
export class ManualActionNotPerformedError extends Error {
  readonly code = 'MSS_SIM_DRIVER_MANUAL_NO_TRAFFIC';

  constructor(
    readonly operation: string,
    readonly instruction: string,
    readonly timeoutMs: number,
    readonly observed: readonly string[] = [],
  ) {
    super(
      [
        `Consigne non suivie d'effet (${operation}) : « ${instruction} ».`,
        `Le simulateur n'a rien vu en ${Math.ceil(timeoutMs / 1000)} s et l'opérateur atteste que le logiciel n'a pas refusé l'action.`,
        ...observed.map((line) => `  Vu dans le journal : ${line}`),
        "À vérifier : la configuration du logiciel (serveurs, authentification, autorité de certification) ou allongez le délai d'attente du driver manuel.",
      ].join('\n'),
    );
    this.name = 'ManualActionNotPerformedError';
  }
}
