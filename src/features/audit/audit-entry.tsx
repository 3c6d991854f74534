/** Opens an audit where the user left it: the last theme visited, else the first theme with questions left. */
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { useAudit } from '../../components/use-audit';
import { useQuestionnaire } from '../../components/use-questionnaire';
import { activeQuestionIds } from '../../domain/questionnaire/conditions';

export function AuditEntry() {
  const { auditId = '' } = useParams();
  const navigate = useNavigate();
  const questionnaire = useQuestionnaire();
  const data = useAudit(auditId);

  useEffect(() => {
    if (!data) return;
    const { audit } = data;
    const known = (id: string | null) => questionnaire.themes.some((t) => t.id === id);
    if (audit.lastThemeId && known(audit.lastThemeId)) {
      void navigate(`/audits/${auditId}/themes/${audit.lastThemeId}`, { replace: true });
      return;
    }
    const active = activeQuestionIds(questionnaire, audit.profile, audit.answers);
    // A re-audit opens on the first answer to confirm; otherwise on the first question left.
    const pending = (id: string) => active.has(id) && (!audit.answers[id] || audit.unconfirmed.includes(id));
    const firstOpen = questionnaire.themes.find((t) => t.questions.some((q) => pending(q.id)));
    const path = firstOpen ? `/audits/${auditId}/themes/${firstOpen.id}` : `/audits/${auditId}/results`;
    void navigate(path, { replace: true });
  }, [data, auditId, navigate, questionnaire]);

  if (data === undefined) return <NotFound missing="audit" />;
  return <Loading />;
}
