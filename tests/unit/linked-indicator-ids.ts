/**
 * The barometer indicator ids the questionnaire is written against, shared by the content and dataset tests: never
 * renamed, every one present in the dataset as a comparable share, and no link to any other id. One figure per
 * topic: the latest verified wave (earlier waves are said under « À savoir »; figures older than 2023 or not
 * verified are context only, shown in their theme without a link).
 */
export const LINKED_INDICATOR_IDS = [
  'bnc-2025-c-no-pca',
  'bnc-2025-c-no-rssi',
  'bnc-2025-c-trained-agents',
  'bnc-2025-c-trained-elected',
  'bnc-2025-c-no-awareness',
  'bnc-2025-c-saas',
  'cmv-2023-firewall',
  'cmv-2023-password-policy',
  'cmv-2024-response-procedure',
];
