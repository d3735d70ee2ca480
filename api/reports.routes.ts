/**
 * HTTP surface of the reports: the list, one report (JSON, or its HTML, XLSX or Word file), and generating one on request.
 * Schemas in, schemas out, one service call each (api/reports.service.ts).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCX_CONTENT_TYPE } from '../reports/docx.js';
import { attachment, CONTENT_TYPES } from './assessment.export.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import { generateBody, generated, reportList, reportListQuery, reportParams, reportQuery, reportView } from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };
const WHO =
  ' A report is scoped like its data: the city’s are read by analysts, supervisors and admins; a unit’s also by its leaders (their unit and ' +
  'below). Others are not listed, and answer 404.';

/** The HTML report renders where it is opened: its own inline styles and SVG, nothing else (no script, no request). */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A file download (the schema's 200 is the JSON view; a file is its own body). */
function sendFile(reply: FastifyReply, contentType: string, filename: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return reply.headers({ 'content-type': contentType, 'content-disposition': attachment(filename), ...headers }).send(body);
}

export function reportsRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/reports',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'Generated reports (daily notice, weekly summary, monthly report), newest first',
          description: `Every version of every period: a period generated again has version n+1 and the earlier names it in supersededBy.${WHO}`,
          querystring: reportListQuery,
          response: { 200: reportList, 400: problemSchema, ...denied },
        },
      },
      async (req) => reports.list(req.query, principalOf(req)),
    );

    app.get(
      '/v1/reports/:reportId',
      {
        config: { access: 'analysis.read' },
        schema: {
          tags: ['analysis'],
          summary: 'One report: its figures (JSON), or the file to open, print and forward (format=html, xlsx or docx)',
          description:
            'format=html: one self-contained HTML file in Chinese (charts as inline SVG, print styles for A4; every figure links to the cases ' +
            'behind it); format=xlsx: a workbook with the figures behind every chart and table, and a sheet 说明 About; format=docx: the report ' +
            'as a Word document to edit and file (the same sections, tables and links; each chart a Word chart drawn from its figures), made from ' +
            `the stored figures when asked.${WHO}`,
          params: reportParams,
          querystring: reportQuery,
          response: { 200: reportView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        if (req.query.format === 'json') return reports.view(req.params.reportId, p);
        if (req.query.format === 'html') {
          const file = await reports.html(req.params.reportId, p);
          return sendFile(reply, 'text/html; charset=utf-8', file.filename, file.body, { 'content-security-policy': REPORT_CSP });
        }
        if (req.query.format === 'docx') {
          const file = await reports.docx(req.params.reportId, p);
          return sendFile(reply, DOCX_CONTENT_TYPE, file.filename, file.body);
        }
        const file = await reports.xlsx(req.params.reportId, p);
        return sendFile(reply, CONTENT_TYPES.xlsx, file.filename, file.body);
      },
    );

    app.post(
      '/v1/reports',
      {
        config: { access: 'analysis.report' },
        schema: {
          tags: ['analysis'],
          summary: 'Generate a report now: a run of the report workflow for one period and scope (202; it appears in the list when stored)',
          description:
            'Without period: the last whole period (yesterday, last week, last month). A period that has a report gets its next version; the ' +
            'earlier ones never change. Analysts and admins generate any report; a supervisor those of units in their subtree (unitId).',
          body: generateBody,
          response: { 202: generated, 400: problemSchema, 503: problemSchema, ...denied },
        },
      },
      async (req, reply) => reply.code(202).send(await reports.generate(req.body, principalOf(req))),
    );
  };
}
