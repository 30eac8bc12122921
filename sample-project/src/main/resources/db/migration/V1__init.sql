-- Initial schema of the shop service.
create table orders (
    id          bigint primary key,
    customer_id bigint not null,
    total_cents bigint not null,
    created_at  timestamp not null default current_timestamp
);
