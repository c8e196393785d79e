"""geonews ETL: news posts and feeds into DuckDB."""
