import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import type { PostHoldingId } from '../../../shared/domain/ids';
import { meetingId, personId } from '../../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../../shared/domain/meeting';
import { emptyRegistry, type Registry } from '../../../shared/domain/registry';
import type { PdfJob } from '../../../shared/pdf';
import { meetingPdfsFor } from './meeting-pdfs';

const head = personId('p-head');
const registry: Registry = {
  ...emptyRegistry,
  people: [{ id: head, name: '张区长', partyMember: true }],
  posts: [{ id: 'h1' as PostHoldingId, personId: head, post: 'districtHead', from: isoDate('2020-01-01') }],
};

function meeting(id: string, fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId(id),
    kind: 'executive',
    title: `区人民政府第${id}次常务会议`,
    date: isoDate('2026-03-12'),
    place: '区政府常务会议室',
    convenorId: head,
    chairId: head,
    ...fields,
  });
}

const signedMinutes: Partial<Meeting> = {
  minutes: [
    {
      version: 1,
      draftedOn: isoDate('2026-03-13'),
      text: '会议认为，',
      signature: { byId: head, on: isoDate('2026-03-13') },
    },
  ],
};

/** A fake PDF engine recording the jobs it was given; `fail` makes the named job type throw. */
function engine(fail?: PdfJob['type']) {
  const jobs: PdfJob[] = [];
  return {
    jobs,
    generate: async (job: PdfJob) => {
      jobs.push(job);
      if (job.type === fail) throw new Error('缺少仿宋字体');
      return { bytes: new TextEncoder().encode(`%PDF-${job.type}`) };
    },
  };
}

const deps = { registry, office: '示例区人民政府办公室', today: '2026-03-05' };

describe('meetingPdfsFor', () => {
  it('makes the 会议通知 for every meeting and the 纪要 only once it is signed, without the seal', async () => {
    const e = engine();
    const out = await meetingPdfsFor([meeting('1'), meeting('2', signedMinutes)], { ...deps, ...e });
    expect(out.failures).toEqual([]);
    expect(Object.keys(out.files)).toEqual(['1', '2']);
    expect(out.files['1']?.map((f) => [f.slug, f.name])).toEqual([['notice', '会议通知.pdf']]);
    expect(out.files['2']?.map((f) => [f.slug, f.name])).toEqual([
      ['notice', '会议通知.pdf'],
      ['minutes', '会议纪要.pdf'],
    ]);
    // Unsealed: a seal on a copy is a registered seal use (art. 54), never a side effect of a packet.
    expect(e.jobs.map((j) => j.type)).toEqual(['notice', 'notice', 'minutes']);
    expect(new TextDecoder().decode(out.files['2']?.[1]?.bytes)).toBe('%PDF-minutes');
  });

  it('goes on without a PDF that cannot be made and says which one, in Chinese', async () => {
    const out = await meetingPdfsFor([meeting('2', signedMinutes)], { ...deps, ...engine('minutes') });
    expect(out.files['2']?.map((f) => f.slug)).toEqual(['notice']);
    expect(out.failures).toEqual(['“区人民政府第2次常务会议”的会议纪要：缺少仿宋字体']);
  });
});
