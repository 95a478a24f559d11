// Owns the words of the browser's own form checks (a required field left empty, a number out of range): in the
// app's language, not the browser's. The browser still shows its bubble; the app gives it the message.
import { useEffect } from 'react';
import { useI18n } from './i18n';

type Checked = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isChecked = (target: EventTarget | null): target is Checked =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;

export function useAppValidationMessages(): void {
  const { t } = useI18n();
  useEffect(() => {
    const onInvalid = (event: Event) => {
      const field = event.target;
      if (!isChecked(field)) return;
      field.setCustomValidity('');
      const v = field.validity;
      const attr = (name: string) => field.getAttribute(name) ?? '';
      const message = v.valueMissing
        ? t('validation.valueMissing')
        : v.tooShort
          ? t('validation.tooShort', { min: attr('minlength') })
          : v.tooLong
            ? t('validation.tooLong', { max: attr('maxlength') })
            : v.rangeUnderflow
              ? t('validation.rangeUnderflow', { min: attr('min') })
              : v.rangeOverflow
                ? t('validation.rangeOverflow', { max: attr('max') })
                : v.badInput
                  ? t('validation.badInput')
                  : v.patternMismatch || v.typeMismatch || v.stepMismatch
                    ? t('validation.patternMismatch')
                    : '';
      field.setCustomValidity(message);
    };
    // The message stays only until the officer changes the field; then the browser checks afresh.
    const onInput = (event: Event) => {
      if (isChecked(event.target)) event.target.setCustomValidity('');
    };
    document.addEventListener('invalid', onInvalid, true);
    document.addEventListener('input', onInput, true);
    document.addEventListener('change', onInput, true);
    return () => {
      document.removeEventListener('invalid', onInvalid, true);
      document.removeEventListener('input', onInput, true);
      document.removeEventListener('change', onInput, true);
    };
  }, [t]);
}
