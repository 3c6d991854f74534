/** The list of themes with how many questions of each are answered; the current one is marked. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { AuditResult } from '../../domain/scoring/compute-results';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { useLocalize } from '../../components/use-questionnaire';

export function ThemeNav({ auditId, questionnaire, result }: { auditId: string; questionnaire: Questionnaire; result: AuditResult }) {
  const { t } = useTranslation('audit');
  const l = useLocalize();
  // Open beside the questions on wide screens; folded on a phone so the questions come first.
  const [open] = useState(() => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 761px)').matches);
  const done = result.themes.filter((r) => r.asked > 0 && r.answered === r.asked).length;
  return (
    <details className="theme-nav-disclosure" open={open}>
      <summary>{t('themeNav.summary', { done, count: questionnaire.themes.length })}</summary>
      <nav className="theme-nav" aria-label={t('themeNav.label')}>
        <ol>
          {questionnaire.themes.map((theme) => {
            const progress = result.themes.find((r) => r.themeId === theme.id);
            const complete = progress !== undefined && progress.answered === progress.asked;
            return (
              <li key={theme.id} className={complete ? 'theme-nav__item theme-nav__item--done' : 'theme-nav__item'}>
                <NavLink to={`/audits/${auditId}/themes/${theme.id}`}>
                  <span className="theme-nav__title">{l(theme.title)}</span>
                  <span className="theme-nav__count">
                    {t('themeNav.progress', { answered: progress?.answered ?? 0, asked: progress?.asked ?? 0 })}
                  </span>
                </NavLink>
              </li>
            );
          })}
        </ol>
        <NavLink className="theme-nav__results" to={`/audits/${auditId}/results`}>
          {t('themeNav.results')}
        </NavLink>
      </nav>
    </details>
  );
}
