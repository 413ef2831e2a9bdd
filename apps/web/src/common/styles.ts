// NL Design System: the Utrecht component library's CSS, themed by design tokens. The default theme
// is NL Design System's example theme ("voorbeeld"); docs/front-ends.md says how a municipality
// serves its own. Then the front ends' own layout.
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './theme.css';
