/** "CC du Pays de Gex" → "cc-du-pays-de-gex": the EPCI's name in its file names, by the one rule of src/domain/file-name-slug.ts. */
import { fileNameSlug } from '../../domain/file-name-slug';

export const fileSlug = (text: string): string => fileNameSlug(text, 'epci');
