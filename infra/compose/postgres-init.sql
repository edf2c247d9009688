-- Runs once, when the postgres container initialises an empty data volume
-- (/docker-entrypoint-initdb.d), as POSTGRES_USER (meldpunt), who owns the databases.
-- One database per service; each service applies its own migrations at start.
CREATE DATABASE meldpunt_intake;
CREATE DATABASE meldpunt_risk_assessment;
CREATE DATABASE meldpunt_communication;
CREATE DATABASE meldpunt_scheduling;
CREATE DATABASE meldpunt_console;
