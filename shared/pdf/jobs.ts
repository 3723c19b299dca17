/**
 * PDF jobs as messages: what the UI sends the PDF Worker and what comes back. The engine is CPU-heavy
 * (HarfBuzz subsetting, layout of tens of pages), so the app runs it off the UI thread; fonts travel as
 * bytes because a Worker has no file access.
 */
import type { FontSet, FontSubsetter, FontUse } from './fonts';
import type { LeaveSlip, SignInSheet } from './forms';
import type { MeetingNotice, MinutesInput } from './meeting';
import type { OfficialDocument, RenderOptions } from './model';
import {
  renderCopiesCombined,
  renderDocument,
  renderLeaveSlip,
  renderMeetingNotice,
  renderMinutes,
  renderSignInSheet,
} from './render';
import { stampReceivedPdf, type ReceiptStamp } from './stamp';

export type PdfJob =
  | { readonly type: 'document'; readonly doc: OfficialDocument; readonly options?: RenderOptions }
  | {
      readonly type: 'copies';
      readonly doc: OfficialDocument;
      readonly count: number;
      /** 份号 of the first copy; a reprint continues after the numbers already issued. Default 1. */
      readonly firstCopy?: number;
      readonly options?: RenderOptions;
    }
  | { readonly type: 'notice'; readonly notice: MeetingNotice; readonly options?: RenderOptions }
  | { readonly type: 'minutes'; readonly minutes: MinutesInput; readonly options?: RenderOptions }
  | { readonly type: 'signin'; readonly sheet: SignInSheet }
  | { readonly type: 'leave'; readonly slip: LeaveSlip }
  | { readonly type: 'stamp'; readonly pdf: Uint8Array; readonly stamp: ReceiptStamp };

export interface PdfRequest {
  readonly id: number;
  readonly fonts: FontSet;
  readonly job: PdfJob;
}

export interface PdfOutput {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  readonly fonts: readonly FontUse[];
}

export type PdfResponse =
  | { readonly id: number; readonly ok: true; readonly value: PdfOutput }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Runs one job; errors come back as Chinese messages for the clerk, never as thrown values. */
export async function handlePdfRequest(req: PdfRequest, subsetter: FontSubsetter): Promise<PdfResponse> {
  const env = { fonts: req.fonts, subsetter };
  try {
    const job = req.job;
    let value: PdfOutput;
    switch (job.type) {
      case 'document':
        value = await renderDocument(job.doc, env, job.options);
        break;
      case 'copies':
        value = await renderCopiesCombined(job.doc, env, job.count, job.options, job.firstCopy);
        break;
      case 'notice':
        value = await renderMeetingNotice(job.notice, env, job.options);
        break;
      case 'minutes':
        value = await renderMinutes(job.minutes, env, job.options);
        break;
      case 'signin':
        value = await renderSignInSheet(job.sheet, env);
        break;
      case 'leave':
        value = await renderLeaveSlip(job.slip, env);
        break;
      case 'stamp':
        value = { bytes: await stampReceivedPdf(job.pdf, job.stamp, env), pageCount: 0, fonts: [] };
        break;
      default: {
        const never: never = job;
        throw new Error(`未知的排版任务：${String(never)}`);
      }
    }
    return { id: req.id, ok: true, value };
  } catch (e) {
    return {
      id: req.id,
      ok: false,
      error: e instanceof Error && e.message ? e.message : '生成 PDF 失败，请重试或联系管理员',
    };
  }
}
