// Checks of the form of the messages the client transmits that are not about one scenario's
// story: the order of the parts of a multipart/alternative body (MSS/va1.11: text/plain first,
// then the equivalent text/html).
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import type { HarnessWorld } from '../support/world.ts';
import { alternativeOrder } from './support/body-structure.ts';
import { transmittedByClient } from './support/client-traffic.ts';

Then('dans chaque message transmis par le logiciel, la partie texte précède la partie HTML équivalente', function (this: HarnessWorld) {
  for (const transmission of transmittedByClient(this)) {
    const order = alternativeOrder(transmission.raw);
    if (order === undefined) continue;
    assert.deepEqual(order, ['text/plain', 'text/html'], `Le message « ${transmission.index.subject} » est en multipart/alternative avec les parties ${order.join(', ')} : MSS/va1.11 demande exactement une partie text/plain puis la partie text/html équivalente (RFC 2046 §5.1.4 : la forme préférée vient en dernier).`);
  }
});
