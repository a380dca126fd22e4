import { useMemo } from 'react';
import {
  appLanguageApiRef,
  useApiHolder,
  useTranslationRef,
  type TranslationFunction,
  type TranslationRef,
} from '@backstage/frontend-plugin-api';
import { platformMeshTranslationRef } from '../translation';
import { formatRelativeIn, formatTimestampIn } from './relativeTime';

/** The app's language (its language API), else the browser's, else English. */
function useLocale(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language = languageApi?.getLanguage().language;
  if (language) return language;
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

type Messages = typeof platformMeshTranslationRef extends TranslationRef<
  any,
  infer M
>
  ? M
  : never;

/** What {@link usePlatformMeshText} returns. */
interface PlatformMeshText {
  /** The plugin's translation function. */
  t: TranslationFunction<Messages>;
  /** The locale the times are formatted in. */
  locale: string;
  /** `5 minutes ago` in the app's locale; undefined when unknown. */
  relative: (iso: string | undefined, now?: number) => string | undefined;
  /** A full timestamp in the app's locale; undefined when unknown. */
  timestamp: (iso: string | undefined) => string | undefined;
}

/**
 * The plugin's translation function and time formatters in the app's locale, for the overview
 * card, the Platform Mesh tab and the Reconcile buttons.
 */
export function usePlatformMeshText(): PlatformMeshText {
  const { t } = useTranslationRef(platformMeshTranslationRef);
  const locale = useLocale();
  const justNow = t('time.justNow');
  return useMemo(
    () => ({
      t,
      locale,
      relative: (iso: string | undefined, now?: number) =>
        formatRelativeIn(locale, iso, justNow, now),
      timestamp: (iso: string | undefined) => formatTimestampIn(locale, iso),
    }),
    [t, locale, justNow],
  );
}
