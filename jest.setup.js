// Unit tests run in UTC; Europe/Brussels behaviour is tested explicitly, across DST, where it matters.
process.env.TZ = 'UTC';
require('reflect-metadata');
