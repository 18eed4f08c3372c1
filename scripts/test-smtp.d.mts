export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  date: string;
}
export interface TestSmtp {
  port: number;
  url: string;
  messages: ReceivedMail[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}
export function startTestSmtp(options?: { port?: number; onMessage?: (message: ReceivedMail) => void }): Promise<TestSmtp>;
