/**
 * `titleTypographyProps` that make an `InfoCard` title a real heading: the entity page's title
 * is the h1, so card titles are h2 and their sections h3.
 */
export const TITLE_AS_HEADING = { component: 'h2' };
