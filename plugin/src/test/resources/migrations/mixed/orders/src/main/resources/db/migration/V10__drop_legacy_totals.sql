DROP TABLE legacy_order_totals;
