// The chat's inline SVG icons (see ui/icons.tsx for why they are built this way).
import { Icon } from '../ui/icons';

export { CloseIcon } from '../ui/icons';

export const ThumbUpIcon = () => (
  <Icon>
    <path d="M7 11v9H4v-9h3Zm0 0 4-7a2 2 0 0 1 2.5 2.3L13 10h5.5a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 17.3 20H7" />
  </Icon>
);

export const ThumbDownIcon = () => (
  <Icon>
    <path d="M17 13V4h3v9h-3Zm0 0-4 7a2 2 0 0 1-2.5-2.3L11 14H5.5a2 2 0 0 1-2-2.3l1.2-6A2 2 0 0 1 6.7 4H17" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </Icon>
);

export const PersonIcon = () => (
  <Icon>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </Icon>
);
