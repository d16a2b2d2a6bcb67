import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Input, Upload, type UploadFile } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { catalogKeys } from './catalog-types';
import { ImportReport } from './ImportReport';

/** A refused import in the clerk's words: the file the reader could not take, and why in general terms. */
function importFailure(error: unknown): unknown {
  if (!(error instanceof ApiFailure) || error.status !== 400) return error;
  const file = /^([^:]+\.(?:xlsx|csv)):/i.exec(error.message)?.[1];
  return new Error(`导入失败，未保存任何内容：${file ? `文件“${file}”` : '所选文件'}无法按标准目录读取。请使用标准目录模板的 .xlsx 或 .csv 文件，并核对标题行和表头。`);
}

/**
 * Imports one or more workbooks (.xlsx, one area per sheet, or .csv) as a new draft version, all or nothing,
 * and shows the import report: rows read per file and sheet, sheets passed over, problems to check.
 */
export function ImportCatalog({ onImported }: { onImported: (versionId: string) => void }) {
  const queries = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [label, setLabel] = useState('');
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: () =>
      bodyOf(
        apiClient.POST('/api/catalog/imports', {
          body: { files: [], ...(label.trim() ? { label: label.trim() } : {}) },
          bodySerializer: () => {
            const form = new FormData();
            for (const file of files) if (file.raw) form.append('files', file.raw, file.name ?? file.raw.name);
            if (label.trim()) form.append('label', label.trim());
            return form;
          },
        }),
      ),
    onSuccess: () => {
      setFiles([]);
      setLabel('');
      void queries.invalidateQueries({ queryKey: catalogKeys.versions });
    },
  });
  const submit = () => {
    if (!files.length) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    upload.mutate();
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">导入目录</h2>
      <p className="muted" id="import-hint">
        可一次选择多个文件（.xlsx 每个工作表一个领域，或 .csv）。全部读取成功才保存为新的草稿版本，启用前不影响现行目录。
      </p>
      <div className="import-form">
        <div className="field">
          <label htmlFor="import-label">版本名称</label>
          <Labelled id="import-label">
            <Input value={label} onChange={setLabel} placeholder="如：2027年版标准目录" maxlength={200} />
          </Labelled>
        </div>
        <div className={`field${missingFile ? ' field-invalid' : ''}`}>
          <span className="field-label" id="import-files-label">
            目录文件 <span aria-hidden="true">*</span>
          </span>
          <Upload
            theme="file"
            multiple
            max={20}
            autoUpload={false}
            accept=".xlsx,.csv"
            files={files}
            onChange={(next) => {
              setFiles(next);
              setMissingFile(false);
            }}
            className="catalog-upload"
            aria-labelledby="import-files-label"
          />
          {missingFile ? (
            <p className="field-error" role="alert">
              请选择要导入的目录文件
            </p>
          ) : null}
        </div>
        <Button theme="primary" onClick={submit} loading={upload.isPending}>
          导入为草稿版本
        </Button>
      </div>
      <ErrorBanner error={importFailure(upload.error)} />
      {upload.data ? (
        <ImportReport
          report={upload.data}
          onOpen={() => {
            onImported(upload.data.versionId);
            // The version's own page shows the same report; the form is ready for the next import.
            upload.reset();
          }}
        />
      ) : null}
    </section>
  );
}
