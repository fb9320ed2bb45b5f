/** @jsxImportSource preact */
/**
 * An app's icon as the host draws it: the merchant's uploaded image when the host serves one, else
 * a rounded square in a colour from the app id with the app's initial (common/icon.ts). An image
 * that fails to load gives way to the generated icon.
 */
import { useState } from 'preact/hooks';
import { iconColour, initial, isHostIcon, type IconSize } from '../common/icon.ts';

export function AppIcon({ app, size = 'medium' }: { app: { id: string; name: string; iconUrl?: string | null }; size?: IconSize }) {
  const [broken, setBroken] = useState(false);
  if (isHostIcon(app.iconUrl) && !broken) {
    return <img class={`shell-icon shell-icon-${size} shell-icon-image`} src={app.iconUrl} alt="" decoding="async" aria-hidden="true" onError={() => setBroken(true)} />;
  }
  return (
    <span class={`shell-icon shell-icon-${size}`} style={{ '--icon-colour': iconColour(app.id) }} aria-hidden="true">
      {initial(app.name)}
    </span>
  );
}
