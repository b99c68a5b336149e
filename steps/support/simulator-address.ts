// Where the harness's simulator listens and which name it announces to the client under test
// (`conformite --ecoute`, `--annoncer-hote`, passed to the cucumber workers as MSS_ECOUTE and
// MSS_ANNONCER_HOTE): loopback and its own address by default.
export interface SimulatorAddress {
  readonly host: string;
  readonly announcedHost?: string;
}

export function simulatorAddressFromEnv(env: Readonly<Record<string, string | undefined>>): SimulatorAddress {
  const host = env.MSS_ECOUTE?.trim() || '127.0.0.1';
  const announcedHost = env.MSS_ANNONCER_HOTE?.trim();
  return { host, ...(announcedHost ? { announcedHost } : {}) };
}
