INSERT INTO users (username, email) VALUES ('admin', 'admin@example.org');
