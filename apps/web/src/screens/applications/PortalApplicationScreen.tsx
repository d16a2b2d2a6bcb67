import { useState } from 'react';
import { Alert } from 'tdesign-react';
import { PortalApplicationForm } from './PortalApplicationForm';
import { PortalApplicationLookup } from './PortalApplicationLookup';
import type { ApplicationReceipt } from './portal-application-api';

/** 依申请公开 on the portal: apply without an account, then follow the application with its 查询号 and code. */
export function PortalApplicationScreen() {
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  return (
    <section className="portal-applications" aria-labelledby="portal-applications-title">
      <h1 id="portal-applications-title">政府信息公开申请</h1>
      <p className="muted">依据《中华人民共和国政府信息公开条例》第二十九条，在线提交申请；本机关与您确认后为收到申请之日，自次日起20个工作日内答复。</p>
      {receipt ? (
        <div role="status" data-testid="application-receipt">
          <Alert
          theme="success"
          message={
            <>
              申请已提交。查询号：<strong data-testid="query-number">{receipt.queryNumber}</strong>，验证码：<strong data-testid="verification-code">{receipt.verificationCode}</strong>
              。请妥善保存，凭查询号和验证码查询办理进度。
            </>
          }
          />
        </div>
      ) : (
        <PortalApplicationForm onSubmitted={setReceipt} />
      )}
      <PortalApplicationLookup receipt={receipt} />
    </section>
  );
}
