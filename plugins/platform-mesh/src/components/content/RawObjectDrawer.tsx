import { useEffect, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { InstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { stringify } from 'yaml';
import {
  isRequestableObject,
  platformMeshApiRef,
  type InstanceObject,
  type InstanceObjectRef,
} from '../../api';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { codeBlockStyle, SideDrawer } from '../SideDrawer';

const TITLE_ID = 'platform-mesh-raw-object-title';

const useStyles = makeStyles((theme: Theme) => ({
  yaml: {
    ...codeBlockStyle(theme),
    whiteSpace: 'pre',
    maxHeight: '80vh',
  },
}));

function ObjectYaml(props: {
  instanceRef: InstanceRef;
  object: InstanceObjectRef;
}) {
  const { instanceRef, object } = props;
  const api = useApi(platformMeshApiRef);
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const [state, setState] = useState<{ value?: InstanceObject; error?: Error }>(
    {},
  );
  useEffect(() => {
    let current = true;
    setState({});
    api.getObject(instanceRef, object).then(
      value => current && setState({ value }),
      error => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [api, instanceRef, object]);
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.value) return <Progress aria-label={t('rawObject.loading')} />;
  return (
    <>
      <Typography variant="caption" color="textSecondary" component="p">
        {t('rawObject.from', {
          role: state.value.role,
          cluster: state.value.cluster,
        })}
      </Typography>
      <pre
        className={classes.yaml}
        // A scrollable region must be reachable from the keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        data-testid="platform-mesh-raw-yaml"
      >
        {stringify(state.value.object)}
      </pre>
    </>
  );
}

/** Props of {@link RawObjectDrawer}. */
interface RawObjectDrawerProps {
  instanceRef: InstanceRef;
  /** The object to show; the drawer is closed while undefined. */
  object?: InstanceObjectRef;
  onClose: () => void;
}

/**
 * A drawer with one object of the instance as YAML, as the backend's cache holds it. Secrets are
 * never requested (the drawer says so instead).
 */
export function RawObjectDrawer(props: RawObjectDrawerProps) {
  const { instanceRef, object, onClose } = props;
  const { t } = usePlatformMeshText();
  return (
    <SideDrawer
      open={!!object}
      onClose={onClose}
      titleId={TITLE_ID}
      title={
        object
          ? t('rawObject.title', {
              kind: object.kind,
              namespace: object.namespace,
              name: object.name,
            })
          : ''
      }
      closeLabel={t('rawObject.close')}
    >
      {object && isRequestableObject(object) ? (
        <ObjectYaml instanceRef={instanceRef} object={object} />
      ) : null}
      {object && !isRequestableObject(object) ? (
        <Typography variant="body2">{t('rawObject.secretsNever')}</Typography>
      ) : null}
    </SideDrawer>
  );
}
