/**
 * The barometer indicator ids the questionnaire is written against, shared by the content and dataset tests: never
 * renamed, every one present in the dataset as a comparable share, and no link to any other id.
 */
export const LINKED_INDICATOR_IDS = [
  'bnc-2025-v1-no-pca-nor-pra',
  'bnc-2025-c-no-pca',
  'bnc-2025-v1-no-rssi',
  'bnc-2025-c-no-rssi',
  'bnc-2025-v1-trained-agents',
  'bnc-2025-c-trained-agents',
  'bnc-2025-v1-trained-elected',
  'bnc-2025-c-trained-elected',
  'bnc-2025-c-no-awareness',
  'jvs-2021-antiransomware',
  'jvs-2016-offsite-backup',
  'jvs-2016-manual-backup',
  'cmv-2023-firewall',
  'cmv-2023-password-policy',
  'cmv-2024-response-procedure',
  'cmv-2021-personal-devices',
  'cnil-2019-no-dpo',
  'bnc-2025-c-saas',
];
