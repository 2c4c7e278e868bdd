import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { setToken, wasRefused } from '../auth';
import { label, t, toggleLang } from '../i18n';
import { roles as roleNames } from '../labels';
import { ProblemView } from '../components/Problem';

export function SignIn() {
  const [token, setTokenText] = useState('');
  const refused = wasRefused();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (token.trim()) setToken(token.trim());
  }

  return (
    <main className="page narrow">
      <header className="sign-in-head">
        <h1>{t('appName')}</h1>
        <button type="button" className="secondary small" data-testid="lang-toggle" onClick={toggleLang}>
          {t('langButton')}
        </button>
      </header>
      {refused && (
        <p className="problem" role="alert">
          {t('signedOut')}
        </p>
      )}
      <form className="card" onSubmit={submit}>
        <label>
          {t('tokenLabel')}
          <textarea data-testid="token-input" rows={5} value={token} onChange={(e) => setTokenText(e.target.value)} spellCheck={false} />
        </label>
        <p className="muted small">{t('tokenHint')}</p>
        <button type="submit" data-testid="sign-in" disabled={!token.trim()}>
          {t('signIn')}
        </button>
      </form>
      <DevMint />
    </main>
  );
}

/** Development only: the API answers GET /api/dev/tokens with 200 there, 404 everywhere else. */
function DevMint() {
  const available = useQuery({ queryKey: ['dev-tokens'], queryFn: () => unwrap(api.GET('/api/dev/tokens')), retry: false });
  const [form, setForm] = useState({ role: 'hr', sub: '', brands: '', department: '', employeeId: '' });
  const mint = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/dev/tokens', {
          body: {
            role: form.role,
            sub: form.sub.trim() || undefined,
            brands: form.brands.split(',').map((b) => b.trim()).filter(Boolean),
            department: form.department.trim() || undefined,
            employeeId: form.employeeId.trim() || undefined,
          },
        }),
      ),
    onSuccess: (answer) => setToken(answer.token),
  });
  if (!available.isSuccess) return null;
  const roles = ['hr', 'manager', 'employee', 'auditor', 'admin'].filter((r) => available.data.roles?.includes(r) ?? true);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  return (
    <form
      className="card"
      data-testid="dev-mint-form"
      onSubmit={(e) => {
        e.preventDefault();
        mint.mutate();
      }}
    >
      <h2>{t('devMint')}</h2>
      <div className="form-grid">
        <label>
          {t('role')}
          <select data-testid="dev-role" {...field('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r} · {label(roleNames, r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sub')}
          <input data-testid="dev-sub" {...field('sub')} />
        </label>
        <label>
          {t('brands')}
          <input data-testid="dev-brands" {...field('brands')} />
        </label>
        <label>
          {t('department')}
          <input data-testid="dev-department" {...field('department')} />
        </label>
        <label>
          {t('employeeId')}
          <input data-testid="dev-employee-id" {...field('employeeId')} />
        </label>
      </div>
      {mint.isError && <ProblemView error={mint.error} />}
      <button type="submit" data-testid="dev-mint" disabled={mint.isPending}>
        {t('devMintButton')}
      </button>
    </form>
  );
}
