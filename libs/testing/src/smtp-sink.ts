import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw message (headers and body) as sent. */
  readonly data: string;
}

export interface SmtpSinkOptions {
  /** Share of messages refused with a transient `451` at the end of DATA (0–1); 0 unless told. */
  readonly failRate?: number;
  /** Recipients refused for good (`550` at RCPT), like a mailbox that does not exist. */
  readonly refuse?: (address: string) => boolean;
}

/**
 * A tiny SMTP server that keeps every message it accepts, for tests (MailDev may not be running), optionally
 * refusing a share of them with a transient 451 so the pipeline's retries are exercised. Speaks just enough SMTP
 * for nodemailer: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no auth.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  refused = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly failRate: number,
    private readonly refuse: (address: string) => boolean,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const server = createServer();
    const sink = new SmtpSink(server, options.failRate ?? 0, options.refuse ?? (() => false));
    server.on('connection', (socket) => sink.serve(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    const address = this.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('SMTP sink is not listening');
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** Mails to one address. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let buffer = '';
    let from = '';
    let to: string[] = [];
    let data: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            if (Math.random() < this.failRate) {
              this.refused += 1;
              reply('451 4.3.0 Temporary failure, try again later');
            } else {
              this.mails.push({ from, to, data: data.join('\r\n') });
              reply('250 OK queued');
            }
            data = null;
            from = '';
            to = [];
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-sink');
          reply('250 8BITMIME');
        } else if (verb === 'HELO' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 OK');
        } else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 OK');
        } else if (verb === 'RCPT') {
          const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
          if (this.refuse(address)) {
            this.refused += 1;
            reply('550 5.1.1 No such user');
          } else {
            to.push(address);
            reply('250 OK');
          }
        } else if (verb === 'DATA') {
          data = [];
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
  }
}
