export { EmptyState } from './EmptyState';
export { Page } from './Page';
export { PageHeading } from './PageHeading';
