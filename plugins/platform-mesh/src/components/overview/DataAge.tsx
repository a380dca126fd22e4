import Typography from '@material-ui/core/Typography';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { OverviewSummary } from './overviewSummary';

/**
 * How old the data is: one age when every cluster was read at about the same time, else each
 * cluster's own (`Data: Operator just now · Runtime 12 minutes ago · Infra just now`).
 */
export function DataAge(props: { ages: OverviewSummary['ages']; now?: number }) {
  const { t, relative, timestamp } = usePlatformMeshText();
  const ages = props.ages.map(a => ({
    ...a,
    text: relative(a.observedAt, props.now),
  }));
  const texts = new Set(ages.map(a => a.text ?? ''));
  let text: string;
  if (texts.size === 1) {
    text = ages[0].text
      ? t('time.dataAge', { age: ages[0].text })
      : t('time.notYet');
  } else {
    text = t('time.dataAgePerCluster', {
      ages: ages
        .map(a =>
          t('time.roleAge', {
            role: t(`roles.${a.role}`),
            age: a.text ?? t('time.notYet'),
          }),
        )
        .join(' · '),
    });
  }
  const oldest = props.ages
    .map(a => a.observedAt)
    .filter((at): at is string => !!at)
    .sort()[0];
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="platform-mesh-overview-age"
      title={timestamp(oldest)}
    >
      {text}
    </Typography>
  );
}
