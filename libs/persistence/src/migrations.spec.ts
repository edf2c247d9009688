import { uniqueStatements } from './migrations';

describe('uniqueStatements', () => {
  it('keeps the first of identical statements (a named enum shared by two tables)', () => {
    const createType = `CREATE TYPE "public"."melding_channel" AS ENUM('form', 'api', 'webhook')`;
    expect(uniqueStatements([createType, 'CREATE TABLE "a" ()', createType, 'CREATE TABLE "b" ()'])).toEqual([
      createType,
      'CREATE TABLE "a" ()',
      'CREATE TABLE "b" ()',
    ]);
  });
});
