UPDATE orders SET status = 'SHIPPED' WHERE id IN (SELECT order_id FROM shipments);
