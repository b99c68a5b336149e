// A 10 KB MIME message (text and a base64 "PDF"), the message of the comparison bench, built
// here so that the benchmark needs nothing outside the repository.
export function tenKilobyteMessage(from: string, to: string): Buffer {
  const boundary = 'bench-boundary-1';
  const text = 'Compte rendu de consultation (données synthétiques pour le banc de charge).\r\n'.repeat(30);
  const pdf = Buffer.alloc(4800, 0x25).toString('base64').replace(/.{76}/g, '$&\r\n');
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    'Subject: =?UTF-8?Q?Banc_de_charge_MSSant=C3=A9?=',
    'Message-ID: <bench-message@hopital-a.mssante.fr>',
    'Date: Wed, 25 Nov 2026 10:00:00 +0100',
    'X-MSS-NIL: BANC-DE-CHARGE',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    `--${boundary}`,
    'Content-Type: application/pdf; name="compte-rendu.pdf"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="compte-rendu.pdf"',
    '',
    pdf,
    `--${boundary}--`,
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
