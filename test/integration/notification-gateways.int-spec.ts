import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { configuredNotificationChannels, createNotificationActivities } from '@zwgk/activities';
import { createDataSource } from '@zwgk/db';
import { testServers } from '../support/test-environment';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: { to: string[]; subject: string; text: string; kind: string };
}

/**
 * Notifications reach people in-app always, and by email and SMS where a deployment configures gateways.
 * Local HTTP servers stand in for the county's mail relay and 短信平台; the database is the real one.
 */
describe('notification gateways', () => {
  let dataSource: DataSource;
  let gateway: Server;
  let gatewayUrl: string;
  const received: Received[] = [];
  let answer = 200;

  beforeAll(async () => {
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: 'zwgk-notification-test' });
    await dataSource.initialize();
    await dataSource.query(`UPDATE users SET email = 'secrecy@edu.example.gov.cn', mobile = '13800000001' WHERE username = 'edu.secrecy'`);
    gateway = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(text) });
        response.statusCode = answer;
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => gateway?.close(resolve));
    await dataSource?.destroy();
  });

  const activities = () =>
    createNotificationActivities(
      dataSource,
      configuredNotificationChannels(dataSource, { emailGatewayUrl: `${gatewayUrl}/mail`, smsGatewayUrl: `${gatewayUrl}/sms`, gatewayToken: 'secret-token' }),
    );
  const inApp = async (key: string) =>
    ((await dataSource.query(`SELECT recipient FROM notifications WHERE notification_key = $1 ORDER BY recipient`, [key])) as { recipient: string }[]).map((row) => row.recipient);

  it('delivers in-app to every secrecy reviewer of the department, and by email and SMS to those with an address', async () => {
    received.length = 0;
    const key = `test:${randomUUID()}`;
    const notified = await new MockActivityEnvironment().run(activities().notify, {
      key,
      to: { role: 'secrecy-reviewer' as const, departmentCode: 'edu' },
      kind: 'task-reminder',
      title: '保密审查即将到期：测试',
      body: '请于明日前办理。',
    });
    expect(notified).toEqual(['edu.secrecy', 'edu.secrecy2']);
    expect(await inApp(key)).toEqual(['edu.secrecy', 'edu.secrecy2']);
    expect(received.map((r) => [r.path, r.body.to])).toEqual([
      ['/mail', ['secrecy@edu.example.gov.cn']],
      ['/sms', ['13800000001']],
    ]);
    expect(received[0].headers).toMatchObject({ 'idempotency-key': `email:${key}`, authorization: 'Bearer secret-token' });
    expect(received[0].body).toMatchObject({ subject: '保密审查即将到期：测试', text: '请于明日前办理。', kind: 'task-reminder' });
  });

  it('still delivers in-app, once, when a gateway fails, and a retry does not duplicate it', async () => {
    received.length = 0;
    answer = 503;
    const key = `test:${randomUUID()}`;
    const request = { key, to: { usernames: ['edu.secrecy'] }, kind: 'task-overdue', title: '已逾期', body: '请督促办理。' };
    await expect(new MockActivityEnvironment().run(activities().notify, request)).resolves.toEqual(['edu.secrecy']);
    await expect(new MockActivityEnvironment().run(activities().notify, request)).resolves.toEqual(['edu.secrecy']);
    expect(await inApp(key)).toEqual(['edu.secrecy']);
    expect(received).toHaveLength(4); // both gateways were tried on each attempt
    answer = 200;
  });
});
