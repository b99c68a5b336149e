// The closing table of `npm run bench`: per mode and target, the range over the series of msg/s,
// server CPU per message and peak RSS, with their median; then the simulator's ratios to
// smtp-sink and to the bare smtp-server, each computed within one series (same moment, same load
// on the machine). `avant-…` targets are the simulator of another checkout (--avant). Last, what
// each throughput target would cost at the CPU per message measured (target-arithmetic.ts).
import { availableParallelism } from 'node:os';
import type { LoadMode } from './smtp-load.ts';
import { SMTP_TARGETS, targetCosts } from './target-arithmetic.ts';

export interface Measure {
  readonly target: string;
  readonly label: string;
  readonly mode: LoadMode;
  readonly repeat: number;
  readonly accepted: number;
  readonly processed: number;
  readonly msgPerSecond: number;
  readonly cpuMsPerMessage: number;
  readonly peakRssMb: number;
}

const SIMULATORS = ['simulateur-avis', 'simulateur-remise', 'simulateur-avis-durable', 'simulateur-remise-durable', 'avant-avis', 'avant-remise'];
const REFERENCES = ['smtp-sink', 'smtp-server'];
/** The cost of durable mode: each durable target against the same target without it, same series. */
const DURABLE_PAIRS = [
  ['simulateur-avis-durable', 'simulateur-avis'],
  ['simulateur-remise-durable', 'simulateur-remise'],
] as const;

const french = (value: number, digits: number) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `low – high (médiane m)` over the series; one value alone when they agree. */
function range(values: readonly number[], digits: number): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low.toFixed(digits) === high.toFixed(digits)) return french(low, digits);
  return `${french(low, digits)} – ${french(high, digits)} (médiane ${french(median(values), digits)})`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function printSummary(results: readonly Measure[], modes: readonly LoadMode[]): void {
  for (const mode of modes) {
    const ofMode = results.filter((r) => r.mode === mode);
    console.log(`\nMode ${mode === 'reuse' ? 'réutilisation de connexion' : 'une connexion par message'} :`);
    console.log('| Cible | msg/s | CPU serveur / msg | RSS max |');
    console.log('|---|---|---|---|');
    for (const name of [...new Set(ofMode.map((r) => r.target))]) {
      const rows = ofMode.filter((r) => r.target === name);
      console.log(`| ${rows[0]!.label} | ${range(rows.map((r) => r.msgPerSecond), 0)} | ${range(rows.map((r) => r.cpuMsPerMessage), 3)} ms | ${range(rows.map((r) => r.peakRssMb), 0)} Mo |`);
    }
    for (const simulator of SIMULATORS) {
      for (const reference of REFERENCES) {
        const ratios = ratiosPerSeries(ofMode, simulator, reference);
        if (ratios.length > 0) console.log(`${simulator} / ${reference} : ${range(ratios, 2)} ×`);
      }
    }
    for (const [durable, plain] of DURABLE_PAIRS) {
      const ratios = ratiosPerSeries(ofMode, durable, plain);
      if (ratios.length > 0) console.log(`${durable} / ${plain} (coût du mode durable) : ${range(ratios, 2)} ×`);
    }
    for (const target of SMTP_TARGETS) {
      const costs = targetCosts(ofMode, target);
      if (costs.length === 0) continue;
      console.log(
        `Objectif ${target.simulator} ≥ ${french(target.ratio, 2)} × ${target.reference} : ${range(costs.map((c) => c.neededMsgPerSecond), 0)} msg/s, ` +
          `soit ${range(costs.map((c) => c.neededCores), 2)} cœurs de CPU pour le seul simulateur à son coût mesuré par message ` +
          `(machine : ${availableParallelism()} cœurs, partagés avec le générateur)`,
      );
    }
  }
}

function ratiosPerSeries(results: readonly Measure[], simulator: string, reference: string): number[] {
  const ratios: number[] = [];
  for (const measure of results.filter((r) => r.target === simulator)) {
    const base = results.find((r) => r.target === reference && r.repeat === measure.repeat);
    if (base) ratios.push(measure.msgPerSecond / base.msgPerSecond);
  }
  return ratios;
}
