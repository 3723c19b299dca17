/**
 * Art. 52: before drafting, "should this be a document at all?" — five questions, answered and recorded.
 * Any "yes" stops or questions the document; unanswered questions block drafting.
 */
import { finding, type Finding, type Severity, type SubjectRef } from '../findings';
import type { NecessityAnswers, OutgoingDocument } from './model';

export type NecessityQuestion = Exclude<keyof NecessityAnswers, 'answeredBy' | 'answeredOn'>;

interface QuestionRule {
  readonly question: NecessityQuestion;
  /** The question as the form asks it. */
  readonly label: string;
  /** What a "yes" means; the text says "不发" for all but the one-department case, which only bars 普发性 documents. */
  readonly severity: Severity;
  readonly yesMessage: string;
}

export const NECESSITY_QUESTIONS: readonly QuestionRule[] = [
  {
    question: 'callOrMeetingWouldDo',
    label: '能否通过电话、面谈或小范围会议等方式协调、安排部署工作？',
    severity: 'block',
    yesMessage: '能通过电话、面谈或小范围会议等方式协调、安排部署的工作，区政府或区政府办公室不发文件。',
  },
  {
    question: 'concernsOneDepartment',
    label: '工作要求是否只涉及个别部门？',
    severity: 'warn',
    yesMessage: '工作要求只涉及个别部门的，不发普发性文件；请改为直接致该部门的函或批复，或说明理由。',
  },
  {
    question: 'departmentOwnBusiness',
    label: '是否属部门职权范围内、应由部门自行发文或联合发文的事务？',
    severity: 'block',
    yesMessage: '属部门职权范围内的事务，应由部门自行发文或联合发文，不再由区政府批转或区政府办公室转发。',
  },
  {
    question: 'lawAlreadyProvides',
    label: '国家法律法规是否已作出明确规定？',
    severity: 'block',
    yesMessage: '国家法律法规已作出明确规定的，一律不再制发文件。',
  },
  {
    question: 'noRealContent',
    label: '是否没有实质内容、可发可不发？',
    severity: 'block',
    yesMessage: '没有实质内容、可发可不发的文件，一律不发。',
  },
];

export function checkNecessity(doc: OutgoingDocument): Finding[] {
  const subject: SubjectRef = { kind: 'document', id: doc.id };
  const answers = doc.necessity ?? {};
  const unanswered = NECESSITY_QUESTIONS.filter((q) => answers[q.question] === undefined);
  if (unanswered.length > 0) {
    return [
      finding(
        'document.necessity.unanswered',
        [52],
        'block',
        subject,
        `起草前须回答“是否需要发文”的问题，尚未回答：${unanswered.map((q) => q.label).join('；')}`,
      ),
    ];
  }
  return NECESSITY_QUESTIONS.filter((q) => answers[q.question] === true).map((q) =>
    finding(`document.necessity.${q.question}`, [52], q.severity, subject, q.yesMessage),
  );
}
