export { ArticleDrawer } from './ArticleDrawer';
export { ArticleLinks } from './ArticleLinks';
export { FindingsPanel } from './FindingsPanel';
export { GatedButton } from './GatedButton';
export { auditContext, gateOf, groupBySeverity, overrideReasonError, type Gate } from './gate';
