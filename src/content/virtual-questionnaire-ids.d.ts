/** The ids of every shipped questionnaire version, made at build time by build-plugins/questionnaire-ids.ts. */
declare module 'virtual:questionnaire-ids' {
  import type { QuestionnaireIdTable } from '../domain/exchange/check-answer-ids';

  const tables: QuestionnaireIdTable[];
  export default tables;
}
