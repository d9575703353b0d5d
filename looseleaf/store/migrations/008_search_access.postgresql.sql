-- Nothing to do: PostgreSQL combines the GIN index with the marking index
-- itself (a bitmap AND); SQLite's FTS5 needs the marking as a token.
SELECT 1;
