/**
 * The meeting's PDFs: 会议通知, 签到表, 请假单 (one per leave request) and 纪要, each opened in the preview
 * (print, save). The 纪要 carries the office's seal only when the minutes are signed (art. 47); printing or
 * saving a sealed 纪要 logs a seal use (art. 54). The sample office's generated seal says it is a sample.
 */
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { shanghaiDateOf } from '../../../shared/calendar/iso-date';
import type { Meeting } from '../../../shared/domain/meeting';
import { personName, type Registry } from '../../../shared/domain/registry';
import type { PdfJob } from '../../../shared/pdf';
import { getStore, type SealRecord } from '../../data';
import { SAMPLE_SEAL_NOTICE } from '../../data/seals-repo';
import type { Seal } from '../../../shared/pdf';
import {
  latestMinutes,
  leaveJob,
  meetingPdfName,
  minutesJob,
  minutesSigned,
  noticeJob,
  signInJob,
} from './meeting-jobs';
import { PdfPreview, type PdfPreviewProps } from './PdfPreview';

type Open = Pick<PdfPreviewProps, 'title' | 'fileName' | 'job' | 'notice' | 'defaultDuplex' | 'beforeOutput'>;

export function MeetingPdfActions({ meeting, registry }: { meeting: Meeting; registry: Registry }) {
  const [office, setOffice] = useState('区人民政府办公室');
  const [seal, setSeal] = useState<{ seal: Seal; record?: SealRecord }>();
  const [open, setOpen] = useState<Open>();

  useEffect(() => {
    let live = true;
    void getStore().then(async (store) => {
      const [name, forPrint] = await Promise.all([store.officeName(), store.seals.sealForPrint()]);
      if (!live) return;
      if (name) setOffice(name);
      setSeal(forPrint);
    });
    return () => {
      live = false;
    };
  }, []);

  const ctx = useMemo(() => ({ registry, office, today: shanghaiDateOf(new Date()) }), [registry, office]);
  const signed = minutesSigned(meeting, registry);
  const hasMinutes = latestMinutes(meeting) !== undefined;

  const show = (title: string, what: string, job: PdfJob, extra: Partial<Open> = {}) =>
    setOpen({ title, fileName: meetingPdfName(meeting, what), job, ...extra });

  const openMinutes = () => {
    const sealed = signed && seal !== undefined;
    const record = seal?.record;
    show('会议纪要', '纪要', minutesJob(meeting, { ...ctx, ...(seal ? { seal: seal.seal } : {}) }), {
      ...(sealed && seal?.seal.kind === 'sample' ? { notice: SAMPLE_SEAL_NOTICE } : {}),
      ...(sealed && record
        ? {
            beforeOutput: async () => {
              await (
                await getStore()
              ).seals.recordSealUse({
                sealId: record.id,
                documentId: meeting.id,
                documentTitle: `${meeting.title}纪要`,
                copies: 1,
                signed,
              });
            },
          }
        : {}),
    });
  };

  const leaves = meeting.leaves;
  return (
    <>
      <Space wrap data-testid="meeting-pdf-actions">
        <Button onClick={() => show('会议通知', '会议通知', noticeJob(meeting, ctx))}>会议通知</Button>
        <Button
          onClick={() => show('签到表', '签到表', signInJob(meeting, ctx), { defaultDuplex: 'simplex' })}
        >
          签到表
        </Button>
        <Dropdown
          disabled={leaves.length === 0}
          menu={{
            items: leaves.map((l) => ({ key: l.id, label: `${personName(registry, l.personId)}的请假单` })),
            onClick: ({ key }) => {
              const leave = leaves.find((l) => l.id === key);
              if (leave) {
                const name = personName(registry, leave.personId);
                show(`请假单（${name}）`, `请假单-${name}`, leaveJob(meeting, leave, ctx), {
                  defaultDuplex: 'simplex',
                });
              }
            },
          }}
        >
          <Tooltip title={leaves.length === 0 ? '这个会议没有请假申请' : undefined}>
            <Button disabled={leaves.length === 0}>请假单</Button>
          </Tooltip>
        </Dropdown>
        <Tooltip
          title={
            !hasMinutes
              ? '还没有会议纪要，请先起草纪要'
              : signed
                ? undefined
                : '纪要尚未签发：可以预览，但不加盖印章（第四十七条、第五十四条）'
          }
        >
          <Button disabled={!hasMinutes} onClick={openMinutes}>
            纪要
          </Button>
        </Tooltip>
      </Space>
      {open && <PdfPreview open onClose={() => setOpen(undefined)} {...open} />}
    </>
  );
}
