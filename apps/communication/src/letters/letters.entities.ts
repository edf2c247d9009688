import { LetterDeadLetter } from './dead-letter.entity';
import { LetterDecision } from './letter-decision.entity';
import { LetterMessage } from './letter-message.entity';

export const LETTERS_ENTITIES = [LetterDecision, LetterMessage, LetterDeadLetter];
