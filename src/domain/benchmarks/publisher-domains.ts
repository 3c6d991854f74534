/**
 * The web sites a benchmark file may link to: the publishers of the studies and the press that relays them, as
 * named in the shipped dataset. A file's links are checked against this list at the door, so that « Ouvrir la
 * source » can only lead to one of them (a file cannot put any other site behind those words). A new publisher
 * comes with a release of the app, like a new field of the file.
 */
export const PUBLISHER_DOMAINS: readonly string[] = [
  // Publishers of the studies
  'cybermalveillance.gouv.fr',
  'ssi.gouv.fr', // ANSSI, CERT-FR (cert.ssi.gouv.fr)
  'cyber.gouv.fr', // ANSSI
  'numerique.gouv.fr', // DINUM
  'declic.fr', // réseau Déclic
  'jvs-mairistem.fr',
  'amrae.fr',
  'cnil.fr',
  'senat.fr',
  'ccomptes.fr',
  'interieur.gouv.fr',
  // Press and relays through which the figures are known
  'banquedesterritoires.fr', // Localtis
  'maire-info.com',
  'lagazettedescommunes.com',
  'edoccacem-pom.c3rb.org', // a documentation centre relaying La Gazette des communes
  'parolesdelus.com',
  'decideur-public.info',
  'vie-publique.fr',
  'channelnews.fr',
  'globalsecuritymag.fr',
  'itforbusiness.fr',
  'incyber.org',
  'axaprevention.fr',
  'avenir-gendarmerie.org',
  'cap-com.org',
  'cyber.lionelperes.fr',
  'mind.eu.com',
  'seminaires-ecommerce.com',
  'svp.com',
  'usine-digitale.fr',
  'lemagit.fr',
  'solutions-numeriques.com',
  'weka.fr',
];

/** The listed domain a host belongs to (the domain itself or one of its sub-domains), or undefined. */
export function publisherDomainOf(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  return PUBLISHER_DOMAINS.find((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** The host of an https address on the allow-list, shown next to the link so the reader knows where it leads. */
export function linkHost(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return undefined;
  return publisherDomainOf(parsed.hostname) ? parsed.hostname.replace(/^www\./, '') : undefined;
}
