/**
 * The ids of every shipped questionnaire version, made at build time by build-plugins/questionnaire-ids.ts (the
 * shape of QuestionnaireIdTable in src/domain/exchange/check-answer-ids.ts).
 */
declare module 'virtual:questionnaire-ids' {
  const tables: Array<{ id: string; version: number; questions: Record<string, string[]> }>;
  export default tables;
}
