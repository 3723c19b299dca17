/** Incoming documents (收文) use the document evaluator; this name lets a scenario say subject.kind "incoming". */
export { evaluate } from './document';
