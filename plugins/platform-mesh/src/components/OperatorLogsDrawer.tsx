import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import SubjectIcon from '@material-ui/icons/Subject';
import {
  formatInstanceRef,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { useOperatorLogs } from '../hooks/useOperatorLogs';
import { backendMessage, isForbidden, isNotFound } from './errors';
import { codeBlockStyle, SideDrawer } from './SideDrawer';

const TITLE_ID = 'platform-mesh-operator-logs-title';

const useStyles = makeStyles((theme: Theme) => ({
  pod: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginTop: theme.spacing(1),
  },
  log: {
    ...codeBlockStyle(theme),
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    maxHeight: '60vh',
  },
}));

/** Props of {@link OperatorLogsDrawer}. */
interface OperatorLogsDrawerProps {
  instanceRef: InstanceRef;
  /** Lines per operator pod; default 50. */
  tailLines?: number;
}

function LogsContent(props: {
  instanceRef: InstanceRef;
  tailLines: number;
  open: boolean;
}) {
  const classes = useStyles();
  const { value, error, loading } = useOperatorLogs(props.instanceRef, {
    enabled: props.open,
    tailLines: props.tailLines,
  });
  if (loading) return <Progress aria-label="Loading operator logs" />;
  if (error && isForbidden(error)) {
    return (
      <WarningPanel
        severity="info"
        defaultExpanded
        title="You lack the platform-mesh.logs.read permission"
        message="Operator logs belong to the operator of the whole target and are protected separately from the status. Ask an administrator to grant you platform-mesh.logs.read."
      />
    );
  }
  if (error && isNotFound(error)) {
    return (
      <WarningPanel
        severity="info"
        defaultExpanded
        title="No operator logs"
        message={backendMessage(error)}
      />
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.pods.length === 0) {
    const source = value?.source;
    return (
      <Typography variant="body2" color="textSecondary">
        {source
          ? `No operator pod matches ${source.labelSelector} in namespace ${source.namespace} of the operator cluster "${source.cluster}" (platformMesh.operatorLogs.labelSelector).`
          : 'No operator pod was found on the operator cluster.'}
      </Typography>
    );
  }
  return (
    <>
      {value.pods.map(pod => (
        <section key={pod.name} aria-label={`Logs of pod ${pod.name}`}>
          <Typography variant="body2" component="h3" className={classes.pod}>
            <span>{pod.name}</span>
            {pod.container ? (
              <span aria-label={`container ${pod.container}`}>
                {` · ${pod.container}`}
              </span>
            ) : null}
          </Typography>
          {pod.error ? (
            <Typography variant="body2" color="error" role="alert">
              {`The log of this pod could not be read: ${pod.error.type} — ${pod.error.message}`}
            </Typography>
          ) : (
            <>
              {pod.truncated ? (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  Showing the last {pod.lines.length} lines.
                </Typography>
              ) : null}
              {/* A scrollable region must be reachable from the keyboard (WCAG 2.1.1). */}
              {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
              <pre className={classes.log} tabIndex={0}>
                {pod.lines.length ? pod.lines.join('\n') : '(no log lines)'}
              </pre>
            </>
          )}
        </section>
      ))}
    </>
  );
}

/**
 * A button "Operator logs" that opens a drawer with the operator's recent log lines. Users without
 * `platform-mesh.logs.read` see why there is nothing to show.
 */
export function OperatorLogsDrawer(props: OperatorLogsDrawerProps) {
  const { instanceRef, tailLines = 50 } = props;
  const [open, setOpen] = useState(false);
  // Remount the content on reload so the request runs again.
  const [generation, setGeneration] = useState(0);

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<SubjectIcon aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        Operator logs
      </Button>
      <SideDrawer
        open={open}
        onClose={() => setOpen(false)}
        titleId={TITLE_ID}
        title={`Operator logs · ${formatInstanceRef(instanceRef)}`}
        closeLabel="Close"
        actions={
          <IconButton
            aria-label="Reload logs"
            size="small"
            onClick={() => setGeneration(g => g + 1)}
          >
            <RefreshIcon />
          </IconButton>
        }
      >
        {open ? (
          <LogsContent
            key={generation}
            instanceRef={instanceRef}
            tailLines={tailLines}
            open={open}
          />
        ) : null}
      </SideDrawer>
    </>
  );
}
