import { useEffect, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import type { InstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { stringify } from 'yaml';
import {
  isRequestableObject,
  platformMeshApiRef,
  type InstanceObject,
  type InstanceObjectRef,
} from '../../api';
import { usePlatformMeshText } from '../../i18n/useFormatters';

const TITLE_ID = 'platform-mesh-raw-object-title';

const useStyles = makeStyles((theme: Theme) => ({
  paper: {
    width: 'min(900px, 100vw)',
    padding: theme.spacing(2),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  title: {
    marginRight: 'auto',
    overflowWrap: 'anywhere',
  },
  yaml: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    whiteSpace: 'pre',
    margin: 0,
    padding: theme.spacing(1),
    overflow: 'auto',
    maxHeight: '80vh',
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

function ObjectYaml(props: { instanceRef: InstanceRef; object: InstanceObjectRef }) {
  const { instanceRef, object } = props;
  const api = useApi(platformMeshApiRef);
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const [state, setState] = useState<{ value?: InstanceObject; error?: Error }>({});
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
      {/* A scrollable region must be reachable from the keyboard (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className={classes.yaml} tabIndex={0} data-testid="platform-mesh-raw-yaml">
        {stringify(state.value.object)}
      </pre>
    </>
  );
}

/** Props of {@link RawObjectDrawer}. */
export interface RawObjectDrawerProps {
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
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  return (
    <Drawer
      anchor="right"
      open={!!object}
      onClose={onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{
        role: 'dialog',
        'aria-modal': true,
        'aria-labelledby': TITLE_ID,
      }}
    >
      {object ? (
        <>
          <Box className={classes.header}>
            <Typography
              id={TITLE_ID}
              variant="h6"
              component="h2"
              className={classes.title}
            >
              {t('rawObject.title', {
                kind: object.kind,
                namespace: object.namespace,
                name: object.name,
              })}
            </Typography>
            <IconButton aria-label={t('rawObject.close')} size="small" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          {isRequestableObject(object) ? (
            <ObjectYaml instanceRef={instanceRef} object={object} />
          ) : (
            <Typography variant="body2">{t('rawObject.secretsNever')}</Typography>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
