--liquibase formatted sql

--changeset billing:views-1
CREATE VIEW open_invoices AS SELECT * FROM invoice WHERE paid_at IS NULL;
--rollback DROP VIEW open_invoices;

--changeset billing:views-2
CREATE INDEX invoice_paid_at_idx ON invoice (paid_at);
