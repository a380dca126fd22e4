import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import MoreVertIcon from '@material-ui/icons/MoreVert';
import { usePlatformMeshText } from '../../i18n/useFormatters';

/**
 * The card's "More actions" menu: Reconcile the instance (only for users allowed to), and the
 * way to the Platform Mesh tab.
 */
export function OverviewMenu(props: {
  canReconcile: boolean;
  reconciling: boolean;
  onReconcile: () => void;
  tabLink?: string;
}) {
  const { canReconcile, reconciling, onReconcile, tabLink } = props;
  const { t } = usePlatformMeshText();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  if (!canReconcile && !tabLink) return null;
  return (
    <>
      <IconButton
        size="small"
        aria-label={t('overview.moreActions')}
        aria-haspopup="menu"
        aria-controls={anchor ? 'platform-mesh-overview-menu' : undefined}
        onClick={e => setAnchor(e.currentTarget)}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu
        id="platform-mesh-overview-menu"
        anchorEl={anchor}
        open={!!anchor}
        onClose={close}
        keepMounted={false}
      >
        {canReconcile ? (
          <MenuItem
            disabled={reconciling}
            onClick={() => {
              close();
              onReconcile();
            }}
          >
            {t('reconcile.instance')}
          </MenuItem>
        ) : null}
        {tabLink ? (
          <MenuItem component={RouterLink} to={tabLink} onClick={close}>
            {t('overview.details')}
          </MenuItem>
        ) : null}
      </Menu>
    </>
  );
}
