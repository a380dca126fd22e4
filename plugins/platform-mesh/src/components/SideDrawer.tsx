import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { CSSProperties } from '@material-ui/core/styles/withStyles';
import CloseIcon from '@material-ui/icons/Close';

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
}));

/**
 * The look of a block of machine text in a drawer (logs, YAML): monospace on the page's
 * background, framed, scrolling inside.
 *
 * @param theme - the Material UI theme
 */
export function codeBlockStyle(theme: Theme): CSSProperties {
  return {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    margin: 0,
    padding: theme.spacing(1),
    overflow: 'auto',
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  };
}

/** Props of {@link SideDrawer}. */
interface SideDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The id of the heading, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** The accessible name of the close button. */
  closeLabel: string;
  /** Buttons next to the close button (e.g. reload). */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * A modal drawer on the right: a dialog named by its heading, with a close button, for the
 * operator logs and the raw objects.
 */
export function SideDrawer(props: SideDrawerProps) {
  const classes = useStyles();
  return (
    <Drawer
      anchor="right"
      open={props.open}
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{
        role: 'dialog',
        'aria-modal': true,
        'aria-labelledby': props.titleId,
      }}
    >
      <Box className={classes.header}>
        <Typography
          id={props.titleId}
          variant="h6"
          component="h2"
          className={classes.title}
        >
          {props.title}
        </Typography>
        {props.actions}
        <IconButton
          aria-label={props.closeLabel}
          size="small"
          onClick={props.onClose}
        >
          <CloseIcon />
        </IconButton>
      </Box>
      {props.children}
    </Drawer>
  );
}
