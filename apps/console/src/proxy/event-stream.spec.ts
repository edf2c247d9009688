import { isEventStreamPath, isEventStreamType } from './event-stream';

describe('isEventStreamPath', () => {
  it('streams the live queue of risk-assessment only', () => {
    expect(isEventStreamPath('risk-assessment', '/v1/cases/stream')).toBe(true);
    expect(isEventStreamPath('risk-assessment', '/v1/cases/stream?x=1')).toBe(true);
    expect(isEventStreamPath('risk-assessment', '/v1/cases/streamer')).toBe(false);
    expect(isEventStreamPath('risk-assessment', '/v1/cases')).toBe(false);
    expect(isEventStreamPath('risk-assessment', '/v1/cases/3f1c0b5e-2f0e-4a43-9f3e-6c1f3a7d9e21')).toBe(
      false,
    );
    expect(isEventStreamPath('intake', '/v1/cases/stream')).toBe(false);
  });
});

describe('isEventStreamType', () => {
  it('recognises text/event-stream with or without parameters', () => {
    expect(isEventStreamType('text/event-stream')).toBe(true);
    expect(isEventStreamType('text/event-stream; charset=utf-8')).toBe(true);
    expect(isEventStreamType('application/json')).toBe(false);
    expect(isEventStreamType(null)).toBe(false);
  });
});
