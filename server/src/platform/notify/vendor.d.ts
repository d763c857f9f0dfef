// Minimal typings for the parts of nodemailer and smtp-server (tests) this app uses; neither ships its own.
declare module 'nodemailer' {
  export interface SendMailOptions {
    from?: string;
    to?: string | string[];
    subject?: string;
    text?: string;
    html?: string;
  }
  export interface SentMessageInfo {
    messageId: string;
    accepted: string[];
    rejected: string[];
    response: string;
  }
  export interface Transporter {
    sendMail(mail: SendMailOptions): Promise<SentMessageInfo>;
    close(): void;
  }
  export interface SmtpOptions {
    host: string;
    port: number;
    secure?: boolean;
    auth?: { user: string; pass: string };
    ignoreTLS?: boolean;
    connectionTimeout?: number;
    greetingTimeout?: number;
    socketTimeout?: number;
  }
  export function createTransport(options: SmtpOptions): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}

declare module 'smtp-server' {
  import type { Readable } from 'node:stream';
  export interface SMTPServerSession {
    envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] };
  }
  export interface SMTPServerOptions {
    authOptional?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    onData?(stream: Readable, session: SMTPServerSession, callback: (err?: Error | null) => void): void;
    onAuth?(auth: { username?: string; password?: string }, session: SMTPServerSession, callback: (err: Error | null, res?: { user: string }) => void): void;
  }
  export class SMTPServer {
    constructor(options?: SMTPServerOptions);
    listen(port: number, host?: string, callback?: () => void): void;
    close(callback?: () => void): void;
    server: import('node:net').Server;
  }
}
