import { Logger } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * kafkajs logs every error response of the broker at ERROR, including retriable ones it then retries (e.g.
 * "The coordinator is loading" right after a broker starts). The request's caller gets the error if retries run
 * out, so those lines are warnings here; everything else keeps its level.
 */
function levelOf(namespace: string, level: logLevel, message: string): logLevel {
  return level === logLevel.ERROR && namespace === 'Connection' && message.startsWith('Response ')
    ? logLevel.WARN
    : level;
}

/** Routes kafkajs logs to Nest's logger (context `kafkajs:<namespace>`). */
export const nestKafkaLogCreator: logCreator = () => {
  const loggers = new Map<string, Logger>();
  return ({ namespace, level, log }) => {
    let logger = loggers.get(namespace);
    if (!logger) {
      logger = new Logger(`kafkajs:${namespace || 'client'}`);
      loggers.set(namespace, logger);
    }
    const { message, timestamp: _timestamp, ...extra } = log;
    const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    const text = `${String(message)}${details}`;
    switch (levelOf(namespace, level, String(message))) {
      case logLevel.ERROR:
        logger.error(text);
        break;
      case logLevel.WARN:
        logger.warn(text);
        break;
      case logLevel.INFO:
        logger.log(text);
        break;
      case logLevel.DEBUG:
        logger.debug(text);
        break;
      case logLevel.NOTHING:
        break;
    }
  };
};
