import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayNameProblem, senderDisplayName, type MailboxHolder } from './sender-display-name.ts';

const martin: MailboxHolder = { mailboxType: 'PER', title: 'Dr', firstName: 'Paul', lastName: 'Martin', entity: 'Cardiologie' };
const parc: MailboxHolder = { mailboxType: 'ORG', entity: 'Pharmacie du Parc' };

describe('sender display name (MSS/va1.16)', () => {
  it('composes title, first name, name and entity, or the entity alone', () => {
    assert.equal(senderDisplayName(martin), 'Dr Paul Martin Cardiologie');
    assert.equal(senderDisplayName(parc), 'Pharmacie du Parc');
  });

  it('accepts a personal name with or without title and entity, spaces or underscores, any case', () => {
    for (const name of ['Dr Paul Martin Cardiologie', 'Paul Martin', 'Dr_Paul_Martin', 'paul MARTIN cardiologie']) assert.equal(displayNameProblem(name, martin), undefined, name);
  });

  it("refuses another professional's name, a missing one, the words out of order", () => {
    assert.match(displayNameProblem('Dr Hélène Rousseau', martin) ?? '', /Dr Paul Martin Cardiologie/);
    assert.match(displayNameProblem(undefined, martin) ?? '', /pas de nom affiché/);
    assert.ok(displayNameProblem('Martin Paul', martin));
    assert.ok(displayNameProblem('Cardiologie Paul Martin', martin));
  });

  it("wants exactly the entity's name for an organisational mailbox", () => {
    assert.equal(displayNameProblem('pharmacie du parc', parc), undefined);
    assert.match(displayNameProblem('Dr Camille Dupré', parc) ?? '', /boîte ORG/);
  });
});
