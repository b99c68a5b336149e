// Stand-in for an IGC-Santé « ORG AUTH_CLI » certificate (organisation certificate for TLS
// client authentication), which an applicative (APP) mailbox presents before AUTH PLAIN
// (SC.MSS/CONF.12, REG-AUTH-05). Profile (decision, the real profile is not public here):
// - subject C=FR, O=<organisation name>, OU=<FINESS, else SIRET, else organisation id>,
//   CN=<mailbox address>;
// - SAN rfc822Name = the mailbox address: this is what the authenticator matches;
// - EKU clientAuth only, key usage digitalSignature; 2 years; signed by the test CA.
import { addressKey } from '../../domain/address-key.ts';
import type { Mailbox, Organisation } from '../../domain/model.ts';
import { CLOCK_SKEW_MS, DAY_MS, RSA_KEY, exportKeyPem, generateRsaKeys, randomSerial, signerOf, x509, type KeyAndCertificate } from './x509-tools.ts';

export const CLIENT_VALIDITY_DAYS = 730;

export interface ClientCertificateRequest {
  readonly mailbox: Pick<Mailbox, 'address'>;
  /** The organisation owning the mailbox, when known (fills O and OU). */
  readonly organisation?: Pick<Organisation, 'id' | 'name' | 'finess' | 'siret'>;
}

export async function issueClientCertificate(request: ClientCertificateRequest, ca: KeyAndCertificate, now: Date): Promise<KeyAndCertificate> {
  const signer = await signerOf(ca);
  const keys = await generateRsaKeys();
  const address = addressKey(request.mailbox.address);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: clientSubject(address, request.organisation),
    issuer: signer.cert.subjectName,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + CLIENT_VALIDITY_DAYS * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: signer.key,
    signingAlgorithm: RSA_KEY,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'email', value: address }]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(signer.cert.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

function clientSubject(address: string, organisation: ClientCertificateRequest['organisation']): x509.JsonName {
  if (!organisation) return [{ C: ['FR'] }, { O: ['Simulateur MSSanté'] }, { CN: [address.slice(0, 64)] }];
  const unit = organisation.finess ?? organisation.siret ?? organisation.id;
  // X.520: O and CN are at most 64 characters (the full address is in the SAN).
  return [{ C: ['FR'] }, { O: [organisation.name.slice(0, 64)] }, { OU: [unit] }, { CN: [address.slice(0, 64)] }];
}
