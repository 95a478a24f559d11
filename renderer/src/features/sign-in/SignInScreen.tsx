// Owns the sign-in screen: the form and the lockout policy stated up front.
import { SIGN_IN_POLICY } from '../../../../shared/contract';
import { SignInForm } from '../../components/SignInForm';
import { useI18n } from '../../lib/i18n';

export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  return (
    <main className="panel narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm submitLabel={t('signIn.submit')} onSignedIn={onSignedIn} autoFocus />
      <p className="hint">{t('signIn.attemptsHint', { max: SIGN_IN_POLICY.maxFailedAttempts, minutes: SIGN_IN_POLICY.lockoutMinutes })}</p>
    </main>
  );
}
