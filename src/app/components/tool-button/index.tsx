import type { ComponentChildren } from 'preact';
import { StrokeIcon } from '../site-header/icons';
import './style.css';

/** The class of the small buttons next to an article (收藏, 分享); see style.css. */
export const TOOL_BUTTON = 'tool-button';

/**
 * The decorative stroke icon of a tool button (the word next to it names the
 * action); `filled` fills the shape, for a pressed state that shows without colour.
 */
export function ToolIcon({
  filled = false,
  children,
}: {
  filled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <StrokeIcon class="tool-button__icon" filled={filled}>
      {children}
    </StrokeIcon>
  );
}
