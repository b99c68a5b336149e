// The columns of the sequence diagram: one lane per domain of the trust space (grouped by
// operator, whitelisted or not), plus one for addresses outside it. Pure.
import { domainKey } from '../../../domain/address-key.ts';
import type { TrustSpaceSnapshot } from './types.ts';

export interface Lane {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly whitelisted: boolean;
}

export const OUTSIDE_LANE: Lane = { key: '*', label: 'hors espace', title: 'Adresses hors de l\'espace de confiance', whitelisted: false };

export class Lanes {
  readonly all: readonly Lane[];
  readonly #index = new Map<string, number>();

  constructor(operators: TrustSpaceSnapshot['operators']) {
    const lanes: Lane[] = [];
    for (const operator of operators) {
      for (const domain of operator.domains) {
        const key = domainKey(domain.name);
        if (this.#index.has(key)) continue;
        this.#index.set(key, lanes.length);
        const label = key.replace(/\.mssante\.fr$/, '');
        lanes.push({ key, label, title: `${domain.name} — ${operator.name}${domain.whitelisted ? '' : ' (hors liste blanche)'}`, whitelisted: domain.whitelisted });
      }
    }
    lanes.push(OUTSIDE_LANE);
    this.all = lanes;
  }

  /** Lane of an address (empty sender `<>`: the outside lane). */
  of(address: string): number {
    const domain = domainKey(address.slice(address.lastIndexOf('@') + 1));
    return this.#index.get(domain) ?? this.all.length - 1;
  }
}
