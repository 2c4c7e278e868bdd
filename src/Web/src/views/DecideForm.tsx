import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { label, t } from '../i18n';
import { decisionKinds } from '../labels';
import { ActionForm, useCaseWrite, type FormProps } from './CaseForm';

type DecideCase = Schemas['Domain.Cases.Decisions.DecideCase'];

/** The decisions the case's status allows: pass / extend / finding, a remedy, or termination (its notice and union). */
export function DecideForm({ view, onDone, onStart, kinds }: FormProps & { kinds: string[] }) {
  const caseId = view.case!.caseId!;
  const [kind, setKind] = useState(kinds[0]);
  const [f, setF] = useState({
    reason: '', until: '', toPostId: '', newMonthlySalary: '', consentRef: '', effectiveOn: '',
    noticeKind: '30-days', servedOn: '', deliveryMethod: 'in-person', deliveryRef: '', unionNotifiedOn: '', unionReasons: '',
  });
  const field = (name: keyof typeof f, testId: string, type = 'text') => ({
    'data-testid': testId,
    type,
    value: f[name],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [name]: e.target.value }),
  });
  const opt = (v: string) => v.trim() || undefined;
  const money = (v: string) => (v.trim() ? Number(v) : undefined);

  function body(): DecideCase {
    const common = { kind, reason: f.reason };
    switch (kind) {
      case 'extend':
        return { ...common, until: opt(f.until) };
      case 'reassign':
        return { ...common, toPostId: opt(f.toPostId), newMonthlySalary: money(f.newMonthlySalary), consentRef: opt(f.consentRef), effectiveOn: opt(f.effectiveOn) };
      case 'adjust-pay':
        return { ...common, newMonthlySalary: money(f.newMonthlySalary), consentRef: opt(f.consentRef), effectiveOn: opt(f.effectiveOn) };
      case 'terminate':
        return {
          ...common,
          noticeKind: f.noticeKind,
          servedOn: opt(f.servedOn),
          delivery: { method: f.deliveryMethod, reference: opt(f.deliveryRef) },
          union: { notifiedOn: opt(f.unionNotifiedOn), reasons: opt(f.unionReasons) },
        };
      default:
        return common;
    }
  }

  const write = useCaseWrite(
    onStart,
    () => unwrap(api.POST('/api/cases/{caseId}/decisions', { params: { path: { caseId } }, body: body() })),
    () => onDone('decideTitle'),
  );
  return (
    <ActionForm title="decideTitle" submitId="decision-submit" error={write.error} busy={write.isPending} onSubmit={() => write.mutate()}>
      <div className="form-grid">
        <label>
          {t('decisionKind')}
          <select data-testid="decision-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {label(decisionKinds, k)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'extend' && (
          <label>
            {t('extendUntil')}
            <input {...field('until', 'decision-until', 'date')} />
          </label>
        )}
        {kind === 'reassign' && (
          <label>
            {t('toPost')}
            <input {...field('toPostId', 'decision-to-post')} />
          </label>
        )}
        {(kind === 'reassign' || kind === 'adjust-pay') && (
          <>
            <label>
              {t('newSalary')}
              <input {...field('newMonthlySalary', 'decision-salary', 'number')} step="any" />
            </label>
            <label>
              {t('consentRef')}
              <input {...field('consentRef', 'decision-consent')} />
            </label>
            <label>
              {t('effectiveOn')}
              <input {...field('effectiveOn', 'decision-effective-on', 'date')} />
            </label>
          </>
        )}
        {kind === 'terminate' && (
          <>
            <label>
              {t('noticeKind')}
              <select data-testid="decision-notice-kind" value={f.noticeKind} onChange={(e) => setF({ ...f, noticeKind: e.target.value })}>
                <option value="30-days">30-days</option>
                <option value="pay-in-lieu">pay-in-lieu</option>
              </select>
            </label>
            <label>
              {t('servedOn')}
              <input {...field('servedOn', 'decision-served-on', 'date')} />
            </label>
            <label>
              {t('deliveryMethod')}
              <select data-testid="decision-delivery-method" value={f.deliveryMethod} onChange={(e) => setF({ ...f, deliveryMethod: e.target.value })}>
                <option value="in-person">in-person</option>
                <option value="post">post</option>
                <option value="email">email</option>
              </select>
            </label>
            <label>
              {t('deliveryRef')}
              <input {...field('deliveryRef', 'decision-delivery-reference')} />
            </label>
            <label>
              {t('unionNotifiedOn')}
              <input {...field('unionNotifiedOn', 'decision-union-notified-on', 'date')} />
            </label>
            <label>
              {t('unionReasons')}
              <input {...field('unionReasons', 'decision-union-reasons')} />
            </label>
          </>
        )}
      </div>
      <label>
        {t('reason')}
        <textarea data-testid="decision-reason" rows={2} value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
      </label>
    </ActionForm>
  );
}
