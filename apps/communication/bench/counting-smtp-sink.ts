// A minimal SMTP sink for the letters bench, run as a child process (fork): it accepts every message, keeps only
// counts (the test SmtpSink keeps every message, gigabytes at 100,000 letters with PDFs) and answers the parent's
// `count` request over IPC. Speaks what nodemailer needs: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
import { createServer, type Socket } from 'node:net';

let accepted = 0;
let bytes = 0;

function serve(socket: Socket): void {
  socket.on('error', () => undefined);
  // Replies are tiny: without this, Nagle + delayed ACKs add tens of milliseconds per message.
  socket.setNoDelay(true);
  let buffer: Buffer = Buffer.alloc(0);
  let inData = false;
  const reply = (line: string): void => {
    socket.write(`${line}\r\n`);
  };
  reply('220 bench-sink ESMTP');
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (inData) {
        // The end of DATA: a line with a single dot.
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) {
          // Keep the last 4 bytes: the terminator may straddle two chunks.
          if (buffer.length > 4) {
            bytes += buffer.length - 4;
            buffer = buffer.subarray(buffer.length - 4);
          }
          return;
        }
        bytes += end;
        buffer = buffer.subarray(end + 5);
        inData = false;
        accepted += 1;
        reply('250 OK queued');
        continue;
      }
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') {
        reply('250-bench-sink');
        reply('250-PIPELINING');
        reply('250 8BITMIME');
      } else if (verb === 'DATA') {
        inData = true;
        // nodemailer's first DATA line follows right away: a message that starts with ".\r\n" cannot happen.
        buffer = Buffer.concat([Buffer.from('\r\n'), buffer]);
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else if (['HELO', 'NOOP', 'RSET', 'MAIL', 'RCPT'].includes(verb)) reply('250 OK');
      else reply('502 Command not implemented');
    }
  });
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'listening', port });
});
process.on('message', (message: { type?: string }) => {
  if (message.type === 'count') process.send?.({ type: 'count', accepted, bytes });
  if (message.type === 'reset') {
    accepted = 0;
    bytes = 0;
    process.send?.({ type: 'count', accepted, bytes });
  }
});
process.on('disconnect', () => process.exit(0));
